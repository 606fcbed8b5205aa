use std::sync::Arc;

use super::{
    bounds, reading_load, reading_time_minutes, work, Invalid, LoadError, PromotionsSource,
    Timestamp, Withdrawal,
};

/// A validated article, ready to render. Every string is plain text and every URL
/// is an absolute `http:`/`https:` URL (or `mailto:` in body links): the view
/// layer never has to check again.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: Option<String>,
    /// The canonical URL of the article on the publisher's site.
    pub url: Option<String>,
    pub headline: String,
    pub standfirst: Option<String>,
    pub byline: Option<String>,
    pub source: Option<Source>,
    pub published: Option<Timestamp>,
    /// Only set when it is at least a minute away from `published`.
    pub updated: Option<Timestamp>,
    pub reading_time_minutes: u32,
    pub tags: Vec<String>,
    /// Never empty.
    pub body: Vec<Block>,
    /// The publisher's promotions (contract §7), as the document has them: read
    /// where they are shown.
    pub promotions: Option<PromotionsSource>,
    /// The publisher's corrections, in the document's order (at most
    /// [`MAX_CORRECTIONS`](bounds::MAX_CORRECTIONS)).
    pub corrections: Vec<Correction>,
}

/// A correction the publisher made to the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub text: String,
    pub date: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: Option<String>,
    pub url: Option<String>,
    pub logo: Option<String>,
}

/// One renderable piece of the article body.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Block {
    Paragraph {
        text: Text,
    },
    Quote {
        text: Text,
        cite: Option<String>,
    },
    Heading {
        text: Text,
    },
    List {
        ordered: bool,
        items: Vec<Text>,
    },
    Image {
        src: String,
        alt: String,
        caption: Option<String>,
        credit: Option<String>,
    },
}

/// Text with inline formatting: runs of plain text, each maybe strong, emphasised
/// or a link, and line breaks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Text(pub Vec<Inline>);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Inline {
    Run {
        text: String,
        strong: bool,
        emphasis: bool,
        /// Shared by every run of the link (a link around many formatted runs
        /// is one string, not one copy per run).
        link: Option<Arc<str>>,
    },
    Break,
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::from(text.to_owned())
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(vec![Inline::Run {
            text,
            strong: false,
            emphasis: false,
            link: None,
        }])
    }
}

impl Text {
    /// The text without formatting; line breaks become newlines.
    pub fn plain(&self) -> String {
        work::items(self.0.len());
        self.0
            .iter()
            .map(|inline| match inline {
                Inline::Run { text, .. } => text.as_str(),
                Inline::Break => "\n",
            })
            .collect()
    }

    pub fn is_blank(&self) -> bool {
        work::items(self.0.len());
        self.0.iter().all(|inline| match inline {
            Inline::Run { text, .. } => text.trim().is_empty(),
            Inline::Break => true,
        })
    }

    /// Appends text in the given format, merging with the last run when they match.
    pub fn push(&mut self, text: &str, strong: bool, emphasis: bool, link: Option<&Arc<str>>) {
        work::bytes(text.len());
        if let Some(Inline::Run {
            text: last,
            strong: s,
            emphasis: e,
            link: l,
        }) = self.0.last_mut()
        {
            if *s == strong && *e == emphasis && l.as_deref() == link.map(|l| &**l) {
                last.push_str(text);
                return;
            }
        }
        self.0.push(Inline::Run {
            text: text.to_owned(),
            strong,
            emphasis,
            link: link.cloned(),
        });
    }

    /// Without leading and trailing white space and line breaks, and without empty runs.
    pub fn trimmed(mut self) -> Text {
        work::items(self.0.len());
        self.0
            .retain(|inline| !matches!(inline, Inline::Run { text, .. } if text.is_empty()));
        let leading = self
            .0
            .iter()
            .take_while(|inline| matches!(inline, Inline::Break))
            .count();
        self.0.drain(..leading);
        while matches!(self.0.last(), Some(Inline::Break)) {
            self.0.pop();
        }
        if let Some(Inline::Run { text, .. }) = self.0.first_mut() {
            *text = text.trim_start().to_owned();
        }
        if let Some(Inline::Run { text, .. }) = self.0.last_mut() {
            *text = text.trim_end().to_owned();
        }
        self.0
            .retain(|inline| !matches!(inline, Inline::Run { text, .. } if text.is_empty()));
        self
    }
}

impl Article {
    /// The publisher an attribution names: the source's name, else the byline.
    pub fn publisher(&self) -> Option<&str> {
        self.source
            .as_ref()
            .and_then(|s| s.name.as_deref())
            .or(self.byline.as_deref())
    }

    /// How many body blocks a preview of `preview` blocks shows: all of them
    /// when the body has no more (contract §6).
    pub fn preview_len(&self, preview: Option<usize>) -> usize {
        preview.map_or(self.body.len(), |n| n.min(self.body.len()))
    }

    /// The text a reader reads: standfirst and body text (not captions).
    pub fn reading_text(&self) -> Vec<String> {
        let mut texts: Vec<String> = self.standfirst.iter().cloned().collect();
        for block in &self.body {
            match block {
                Block::Paragraph { text } | Block::Heading { text } | Block::Quote { text, .. } => {
                    texts.push(text.plain())
                }
                Block::List { items, .. } => texts.extend(items.iter().map(Text::plain)),
                Block::Image { .. } => {}
            }
        }
        texts
    }
}

/// The body's blocks as keys for rendering them (contract §8: a newer version
/// keeps the elements of the blocks it kept): each block's content hash, and
/// which of the blocks with that hash it is (a body may repeat a block). A
/// repeat is found by looking back for its hash: for the longest body kept
/// ([`MAX_BLOCKS`](bounds::MAX_BLOCKS)), half a million comparisons of numbers,
/// well under a millisecond (a sort by hash measured 2.6 KB of wasm more).
pub fn block_keys(blocks: &[Block]) -> Vec<(u64, u32)> {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    let state = BuildHasherDefault::<DefaultHasher>::default();
    let mut keys: Vec<(u64, u32)> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let hash = state.hash_one(block);
        let occurrence = keys
            .iter()
            .rev()
            .find(|(h, _)| *h == hash)
            .map_or(0, |(_, n)| n + 1);
        keys.push((hash, occurrence));
    }
    keys
}

/// An article as a format reader found it, before validation.
#[derive(Debug, Default)]
pub struct Draft {
    pub id: Option<String>,
    pub url: Option<String>,
    pub headline: Option<String>,
    pub standfirst: Option<String>,
    pub byline: Option<String>,
    pub source: Option<Source>,
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    pub reading_time_minutes: Option<u32>,
    pub tags: Vec<String>,
    pub body: Vec<Block>,
    pub promotions: Option<PromotionsSource>,
    pub corrections: Vec<Correction>,
    /// The document says the article is withdrawn: nothing else of it is shown.
    pub withdrawn: bool,
    /// The publisher's notice shown with a withdrawal.
    pub notice: Option<String>,
}

impl Draft {
    /// The contract's rules for every format: a headline and a renderable body are
    /// required; `updated` only when it differs; reading time computed unless given.
    pub fn finish(mut self) -> Result<Article, LoadError> {
        // A withdrawn article needs neither headline nor body: it is not shown.
        if self.withdrawn {
            let source = self
                .source
                .as_ref()
                .and_then(|s| s.name.clone())
                .or(self.byline);
            return Err(LoadError::Withdrawn(Withdrawal {
                id: self.id,
                url: self.url,
                source: source.map(|s| bounds::cut(s, bounds::MAX_BYLINE)),
                notice: self.notice.map(|n| bounds::cut(n, bounds::MAX_STANDFIRST)),
            }));
        }
        self.corrections.truncate(bounds::MAX_CORRECTIONS);
        for correction in &mut self.corrections {
            correction.text =
                bounds::cut(std::mem::take(&mut correction.text), bounds::MAX_STANDFIRST);
        }
        let invalid = |reason| LoadError::Invalid {
            reason,
            canonical_url: self.url.clone(),
        };
        let headline = self
            .headline
            .clone()
            .map(|h| bounds::cut(h, bounds::MAX_HEADLINE))
            .ok_or_else(|| invalid(Invalid::MissingHeadline))?;
        let body = bounds::bound_body(self.body);
        if body.is_empty() {
            return Err(invalid(Invalid::NothingToShow));
        }
        // An update within the minute of publication is not news (and would read the same).
        let updated = self.updated.filter(|u| {
            self.published
                .as_ref()
                .is_none_or(|p| (p.epoch_ms - u.epoch_ms).abs() >= 60_000)
        });
        let mut article = Article {
            id: self.id,
            url: self.url,
            headline,
            standfirst: self
                .standfirst
                .map(|s| bounds::cut(s, bounds::MAX_STANDFIRST)),
            byline: self.byline.map(|b| bounds::cut(b, bounds::MAX_BYLINE)),
            source: self.source,
            published: self.published,
            updated,
            reading_time_minutes: 1,
            tags: self.tags.into_iter().take(bounds::MAX_TAGS).collect(),
            body,
            promotions: self.promotions,
            corrections: self.corrections,
        };
        article.reading_time_minutes = match self.reading_time_minutes {
            Some(minutes) => minutes,
            None => reading_time_minutes(reading_load(
                article.reading_text().iter().map(String::as_str),
            )),
        };
        Ok(article)
    }
}
