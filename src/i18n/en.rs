use super::Strings;

pub const STRINGS: Strings = Strings {
    lang: "en",
    published: "Published",
    updated: "Updated",
    loading: "Loading article…",
    reading_time: |minutes| format!("{minutes} min read"),
    error_title: "This article can’t be shown right now",
    error_network: "We couldn’t reach the publisher. Check your connection and try again.",
    error_http: "The publisher’s server returned an error.",
    error_timeout: "The publisher took too long to answer.",
    error_too_large: "The article is too large to show here.",
    error_invalid: "The article data is damaged or incomplete.",
    retry: "Try again",
    read_on_site: "Read it on the publisher’s site",
};
