use thiserror::Error;

/// Why a document that arrived is not a readable article (error kind `invalid`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Invalid {
    #[error("the widget has neither a src attribute nor inline article JSON")]
    NoSource,
    #[error("the document is not valid UTF-8")]
    NotUtf8,
    #[error("the document is nested more than 128 levels deep")]
    TooDeep,
    #[error("the document is not JSON ({0})")]
    NotJson(String),
    #[error("the document is not an article object")]
    NotAnObject,
    #[error("the article has no headline")]
    MissingHeadline,
    #[error("the article has no body")]
    MissingBody,
    #[error("the article body has nothing that can be shown")]
    NothingToShow,
    #[error("the feed has no item with the id \"{0}\"")]
    NoSuchItem(String),
}

impl Invalid {
    pub(crate) fn from_json_error(error: serde_json::Error) -> Self {
        let message = error.to_string();
        if message.starts_with("recursion limit exceeded") {
            Invalid::TooDeep
        } else {
            Invalid::NotJson(message)
        }
    }
}

/// Everything that can stop an article from rendering. The `kind` strings are the
/// contract's `article-widget:error` kinds and must never change.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("the article could not be reached ({0})")]
    Network(String),
    #[error("the server answered HTTP {0}")]
    Http(u16),
    #[error("the article took longer than {0} ms")]
    Timeout(u32),
    #[error("the article is larger than 2 MiB")]
    TooLarge,
    /// Not a failure: the publisher withdrew the article (`410 Gone`, or a
    /// document that says so), and the widget shows that instead of it. Never an
    /// `error` event.
    #[error("the article has been withdrawn")]
    Withdrawn(Withdrawal),
    #[error("{reason}")]
    Invalid {
        reason: Invalid,
        /// The article's canonical URL, when the document could be read that far.
        canonical_url: Option<String>,
    },
}

impl LoadError {
    /// The contract's error `kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::Network(_) => "network",
            LoadError::Http(_) => "http",
            LoadError::Timeout(_) => "timeout",
            LoadError::TooLarge => "too-large",
            LoadError::Invalid { .. } => "invalid",
            LoadError::Withdrawn(_) => "withdrawn",
        }
    }

    pub fn canonical_url(&self) -> Option<&str> {
        match self {
            LoadError::Invalid { canonical_url, .. } => canonical_url.as_deref(),
            _ => None,
        }
    }
}

/// What a withdrawn article's notice says, as far as the document tells (a
/// `410` tells nothing).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Withdrawal {
    pub id: Option<String>,
    /// The canonical URL, linked from the notice.
    pub url: Option<String>,
    /// Who withdrew it: the name an attribution would give.
    pub source: Option<String>,
    /// The publisher's own words, as text.
    pub notice: Option<String>,
}

impl From<Invalid> for LoadError {
    fn from(reason: Invalid) -> Self {
        LoadError::Invalid {
            reason,
            canonical_url: None,
        }
    }
}
