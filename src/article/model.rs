use super::Timestamp;

/// A validated article, ready to render. Every string is plain text and every URL
/// is an absolute `http:`/`https:` URL: the view layer never has to check again.
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
    /// Only set when it differs from `published`.
    pub updated: Option<Timestamp>,
    pub reading_time_minutes: u32,
    pub tags: Vec<String>,
    /// Never empty.
    pub body: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: Option<String>,
    pub url: Option<String>,
    pub logo: Option<String>,
}

/// One renderable piece of the article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph {
        text: String,
    },
    Quote {
        text: String,
        cite: Option<String>,
    },
    Heading {
        text: String,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Image {
        src: String,
        alt: String,
        caption: Option<String>,
        credit: Option<String>,
    },
}

impl Article {
    /// The words a reader reads: standfirst and body text (not captions).
    pub fn reading_text(&self) -> impl Iterator<Item = &str> {
        let body = self.body.iter().flat_map(|block| -> Vec<&str> {
            match block {
                Block::Paragraph { text } | Block::Heading { text } => vec![text],
                Block::Quote { text, .. } => vec![text],
                Block::List { items, .. } => items.iter().map(String::as_str).collect(),
                Block::Image { .. } => Vec::new(),
            }
        });
        self.standfirst.as_deref().into_iter().chain(body)
    }
}
