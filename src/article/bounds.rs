//! What the widget keeps of a document, at most: far more than any article
//! has, and little enough that no document under the size cap can make the
//! view long to build or the module run out of memory. Each bound is in the
//! README ("What the widget keeps of a document"); what goes past one is cut at
//! it, in document order, and the article says so with an ellipsis.

use super::{work, Block, Inline, Text};

/// Body blocks (every list item counts as one).
pub const MAX_BLOCKS: usize = 1_000;
/// Formatted runs and line breaks in the whole body; past it, the rest of each
/// text is kept as plain text.
pub const MAX_INLINES: usize = 3_000;
/// Characters of body text (captions and alternative texts included): about
/// 30,000 words, more than two hours of reading.
pub const MAX_BODY_CHARS: usize = 200_000;
/// Characters of the headline.
pub const MAX_HEADLINE: usize = 400;
/// Characters of the standfirst.
pub const MAX_STANDFIRST: usize = 2_000;
/// Characters of the byline, and the names it joins.
pub const MAX_BYLINE: usize = 400;
pub const MAX_AUTHORS: usize = 12;
/// Characters of an image's caption, credit or alternative text, or a quote's attribution.
pub const MAX_CAPTION: usize = 2_000;
/// Tags kept.
pub const MAX_TAGS: usize = 50;
/// Corrections shown (contract §8); each as long as a standfirst at most.
pub const MAX_CORRECTIONS: usize = 20;
/// Tags (and comments, and stray `<`) read in an HTML body: the rest of it is
/// left out. Long articles have a few thousand.
pub const MAX_MARKUP: usize = 50_000;
/// JSON-LD `@id` references followed (authors, publisher, images, page).
pub const MAX_LOOKUPS: usize = 64;
/// Bytes of a URL (a link, an image, the article's own); a longer one is not used.
pub const MAX_URL: usize = 4_096;

/// `text` cut to at most `max` characters, with an ellipsis where it was cut.
pub fn cut(mut text: String, max: usize) -> String {
    work::bytes(text.len().min(max.saturating_mul(4)));
    if let Some((at, _)) = text.char_indices().nth(max) {
        text.truncate(at);
        text.push('…');
    }
    text
}

/// What is left to keep.
struct Budget {
    blocks: usize,
    inlines: usize,
    chars: usize,
}

impl Budget {
    /// `text` within the budget: its inlines up to what is left (then the rest
    /// as plain text), its characters up to what is left (then an ellipsis).
    fn text(&mut self, text: Text) -> Text {
        let mut kept = Vec::with_capacity(text.0.len().min(self.inlines + 1));
        let mut rest = String::new();
        for inline in text.0 {
            work::items(1);
            if self.chars == 0 {
                break;
            }
            if self.inlines > 0 {
                self.inlines -= 1;
                kept.push(match inline {
                    Inline::Run {
                        text,
                        strong,
                        emphasis,
                        link,
                    } => Inline::Run {
                        text: self.chars(text),
                        strong,
                        emphasis,
                        link,
                    },
                    Inline::Break => Inline::Break,
                });
            } else {
                match inline {
                    Inline::Run { text, .. } => rest.push_str(&self.chars(text)),
                    Inline::Break => rest.push(' '),
                }
            }
        }
        if !rest.is_empty() {
            kept.push(Inline::Run {
                text: rest,
                strong: false,
                emphasis: false,
                link: None,
            });
        }
        Text(kept)
    }

    /// `text` within the characters left, which it uses up.
    fn chars(&mut self, text: String) -> String {
        work::bytes(text.len());
        let count = text.chars().count();
        if count <= self.chars {
            self.chars -= count;
            return text;
        }
        let text = cut(text, self.chars);
        self.chars = 0;
        text
    }

    fn caption(&mut self, text: String) -> String {
        self.chars(cut(text, MAX_CAPTION))
    }
}

/// The body within the bounds above, in document order.
pub fn bound_body(body: Vec<Block>) -> Vec<Block> {
    let mut budget = Budget {
        blocks: MAX_BLOCKS,
        inlines: MAX_INLINES,
        chars: MAX_BODY_CHARS,
    };
    let mut kept = Vec::with_capacity(body.len().min(MAX_BLOCKS));
    for block in body {
        work::items(1);
        if budget.blocks == 0 || budget.chars == 0 {
            break;
        }
        budget.blocks -= 1;
        kept.push(match block {
            Block::Paragraph { text } => Block::Paragraph {
                text: budget.text(text),
            },
            Block::Heading { text } => Block::Heading {
                text: budget.text(text),
            },
            Block::Quote { text, cite } => Block::Quote {
                text: budget.text(text),
                cite: cite.map(|c| budget.caption(c)),
            },
            Block::List { ordered, items } => {
                // The list is one of the blocks; each item after its first another.
                budget.blocks += 1;
                let mut kept_items = Vec::with_capacity(items.len().min(budget.blocks));
                for item in items {
                    work::items(1);
                    if budget.blocks == 0 || budget.chars == 0 {
                        break;
                    }
                    budget.blocks -= 1;
                    kept_items.push(budget.text(item));
                }
                Block::List {
                    ordered,
                    items: kept_items,
                }
            }
            Block::Image {
                src,
                alt,
                caption,
                credit,
            } => Block::Image {
                src,
                alt: budget.caption(alt),
                caption: caption.map(|c| budget.caption(c)),
                credit: credit.map(|c| budget.caption(c)),
            },
        });
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph { text: text.into() }
    }

    #[test]
    fn cut_counts_characters_and_marks_the_cut() {
        assert_eq!(cut("héllo".into(), 10), "héllo");
        assert_eq!(cut("héllo".into(), 2), "hé…");
        assert_eq!(cut("日本語のテキスト".into(), 3), "日本語…");
    }

    #[test]
    fn blocks_past_the_bound_are_left_out() {
        let body = bound_body(vec![paragraph("p"); MAX_BLOCKS + 5]);
        assert_eq!(body.len(), MAX_BLOCKS);
        let list = bound_body(vec![Block::List {
            ordered: false,
            items: vec!["i".into(); MAX_BLOCKS * 2],
        }]);
        assert!(matches!(&list[..], [Block::List { items, .. }] if items.len() == MAX_BLOCKS));
    }

    #[test]
    fn text_past_the_bound_is_cut_with_an_ellipsis() {
        let long = "a".repeat(MAX_BODY_CHARS + 10);
        let body = bound_body(vec![paragraph(&long), paragraph("after")]);
        assert_eq!(body.len(), 1);
        let Block::Paragraph { text } = &body[0] else {
            panic!("a paragraph")
        };
        assert_eq!(text.plain().chars().count(), MAX_BODY_CHARS + 1);
        assert!(text.plain().ends_with('…'));
    }

    #[test]
    fn runs_past_the_bound_are_kept_as_plain_text() {
        let mut text = Text::default();
        for i in 0..MAX_INLINES + 100 {
            text.push("x", i % 2 == 0, false, None);
        }
        let body = bound_body(vec![Block::Paragraph { text }]);
        let Block::Paragraph { text } = &body[0] else {
            panic!("a paragraph")
        };
        assert_eq!(text.0.len(), MAX_INLINES + 1);
        assert_eq!(text.plain().len(), MAX_INLINES + 100, "no text lost");
    }
}
