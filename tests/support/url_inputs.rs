//! Tricky URL references, made of the pieces that trip resolvers up: schemes with
//! and without slashes, backslashes, dot segments, userinfo, odd hosts and ports,
//! tabs, line breaks and Unicode spaces. Shared by the native property tests and
//! the browser's differential test (`tests/browser.rs`).

/// Bases a document URL can have: a path, a query and fragment, none.
pub const BASES: [&str; 3] = [
    "https://news.example.com/api/articles/a.json",
    "http://n.example/feed.json?page=2#items",
    "https://n.example",
];

pub const SCHEMES: [&str; 10] = [
    "",
    "https:",
    "http:",
    "HTTPS:",
    "javascript:",
    "data:",
    "ftp:",
    "java\tscript:",
    "mailto:",
    " https:",
];

pub const SLASHES: [&str; 8] = ["", "/", "//", "///", "\\", "\\\\", "/\\", "\\/"];

pub const DOTS: [&str; 7] = ["", ".", "..", "./", "../", "/./", "%2e%2e/"];

pub const HOSTS: [&str; 14] = [
    "evil.example",
    "good.example\\@evil.example",
    "user:pass@h.example",
    "ex ample.com",
    "h.example:99999",
    "h.example:443",
    "[::1]",
    "127.0.0.1",
    "0x7f.1",
    "b\u{fc}cher.example",
    "EXAMPLE.com",
    "a%41.example",
    "",
    "h.example.",
];

pub const TAILS: [&str; 15] = [
    "",
    "/",
    "/story",
    "?q=1&r=a b",
    "#frag",
    "\t",
    "\n/x",
    " ",
    "\u{a0}",
    "\u{2028}",
    "\u{3000}",
    "%00",
    "/a\\b/../c",
    "\u{0}",
    "/\u{e9}t\u{e9}",
];

/// Every scheme × slashes × dots × host × tail, with the issue's cases: about
/// 118,000 inputs; `step` takes every n-th, for a quicker pass.
pub fn exhaustive(step: usize) -> impl Iterator<Item = String> {
    let issue_cases = [
        "https:/..//evil.example/story",
        "https:/.//evil.example",
        "https:/a/..//evil.example",
        "\u{a0}https://evil.example/",
        "\u{2028}https://evil.example/",
        "\u{3000}https://evil.example/",
        "https://good.example\\@evil.example/",
        "https://cdn.example/a\tb\nc.jpg",
        "https:\\\\cdn.example\\img.jpg",
        "https:///cdn.example/img.jpg",
        "http:cdn.example/img.jpg",
        "https://ex ample.com/",
        "https://example.com:99999/",
    ];
    let combined = SCHEMES.iter().flat_map(|scheme| {
        SLASHES.iter().flat_map(move |slashes| {
            DOTS.iter().flat_map(move |dots| {
                HOSTS.iter().flat_map(move |host| {
                    TAILS
                        .iter()
                        .map(move |tail| format!("{scheme}{slashes}{dots}{host}{tail}"))
                })
            })
        })
    });
    issue_cases
        .into_iter()
        .map(String::from)
        .chain(combined.step_by(step.max(1)))
}

/// Every piece above, for generators that string pieces together at random.
pub fn pieces() -> Vec<&'static str> {
    [&SCHEMES[..], &SLASHES, &DOTS, &HOSTS, &TAILS].concat()
}
