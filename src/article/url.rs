//! Which links the widget keeps: exactly the `http(s)` URLs a browser would load,
//! resolved as the browser resolves them.
//!
//! The parsing is the WHATWG URL Standard's, never our own: in the browser the
//! platform's `URL` (what the links will be followed with, and no bytes of wasm for
//! its tables), natively the `url` crate (the same standard, for `cargo test`). A
//! component test compares the two on thousands of generated inputs in Chromium and
//! Firefox. The hand-written RFC 3986 resolver that was here read `https:/..//evil`
//! as a host, trimmed Unicode spaces and dropped links with a tab in them: RFC 3986
//! is not what browsers do.

/// Resolves `reference` against `base` as the browser's `new URL(reference, base)`
/// does, and keeps it, serialised, only if it is an `http:` or `https:` URL (the
/// standard gives those a host always): `javascript:`, `data:`, `vbscript:` and
/// anything the browser cannot parse are dropped, and so is a URL longer than
/// [`MAX_URL`](super::bounds::MAX_URL) bytes. A `base` that is not a URL
/// resolves nothing but lets absolute references through.
pub fn resolve_http_url(reference: &str, base: &str) -> Option<String> {
    super::work::bytes(reference.len().min(super::bounds::MAX_URL + 1) + base.len());
    if reference.len() > super::bounds::MAX_URL {
        return None;
    }
    let href =
        whatwg::parse(reference, base).filter(|href| href.len() <= super::bounds::MAX_URL)?;
    let scheme = href.split_once(':')?.0;
    matches!(scheme, "http" | "https").then_some(href)
}

#[cfg(target_arch = "wasm32")]
mod whatwg {
    /// The platform's parser; the `href` it serialises.
    pub fn parse(reference: &str, base: &str) -> Option<String> {
        let url = web_sys::Url::new_with_base(reference, base)
            .or_else(|_| web_sys::Url::new(reference))
            .ok()?;
        // Chromium keeps a space in a host, percent-encoded (`https://ex%20ample.com/`),
        // where the standard and Firefox refuse it: no such host can be reached, and
        // a `%` is never in a valid host, so it is refused here as the standard does.
        (!url.hostname().contains('%')).then(|| url.href())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod whatwg {
    /// The `url` crate's parser; the `href` it serialises.
    pub fn parse(reference: &str, base: &str) -> Option<String> {
        let url = match url::Url::parse(base) {
            Ok(base) => base.join(reference),
            Err(_) => url::Url::parse(reference),
        };
        url.ok().map(String::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://news.example.com/api/articles/a.json";

    fn resolved(reference: &str) -> Option<String> {
        resolve_http_url(reference, BASE)
    }

    #[test]
    fn resolves_relative_references_against_the_document() {
        for (reference, expected) in [
            ("../img/p.jpg", "https://news.example.com/api/img/p.jpg"),
            ("//cdn.example.com/x", "https://cdn.example.com/x"),
            ("/story?id=1#top", "https://news.example.com/story?id=1#top"),
            ("HTTP://Example.com", "http://example.com/"),
            (
                "a photo.jpg",
                "https://news.example.com/api/articles/a%20photo.jpg",
            ),
            ("", BASE),
        ] {
            assert_eq!(
                resolved(reference).as_deref(),
                Some(expected),
                "{reference:?}"
            );
        }
    }

    #[test]
    fn keeps_only_http_and_https() {
        for hostile in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "mailto:someone@example.com",
            "file:///etc/passwd",
            "blob:https://news.example.com/1",
            "http:",
            "https://",
            "http:///",
            "https://:443/",
        ] {
            assert_eq!(resolved(hostile), None, "{hostile:?}");
        }
    }

    // Spellings of links that browsers and the standard read differently, each as the browser reads it.

    #[test]
    fn dot_segments_never_make_a_host() {
        for reference in [
            "https:/..//evil.example/story",
            "https:/.//evil.example",
            "https:/a/..//evil.example",
        ] {
            let url = resolved(reference).unwrap_or_default();
            assert!(
                url.starts_with("https://news.example.com//evil.example"),
                "{reference:?} → {url}"
            );
        }
        assert_eq!(
            resolved("https:/..//evil.example/story").as_deref(),
            Some("https://news.example.com//evil.example/story")
        );
    }

    #[test]
    fn unicode_spaces_are_kept_as_part_of_a_path() {
        for space in ['\u{a0}', '\u{2028}', '\u{3000}'] {
            let url = resolved(&format!("{space}https://evil.example/")).unwrap_or_default();
            assert!(
                url.starts_with("https://news.example.com/api/articles/%"),
                "{space:?} → {url}"
            );
        }
        assert_eq!(
            resolved("\u{a0}https://evil.example/").as_deref(),
            Some("https://news.example.com/api/articles/%C2%A0https://evil.example/")
        );
    }

    #[test]
    fn a_backslash_before_the_userinfo_ends_the_host() {
        assert_eq!(
            resolved("https://good.example\\@evil.example/").as_deref(),
            Some("https://good.example/@evil.example/")
        );
    }

    #[test]
    fn tabs_and_line_breaks_inside_are_stripped() {
        assert_eq!(
            resolved("https://cdn.example/a\tb\nc\r.jpg").as_deref(),
            Some("https://cdn.example/abc.jpg")
        );
        assert_eq!(
            resolved("  https://cdn.example/p.jpg \n").as_deref(),
            Some("https://cdn.example/p.jpg")
        );
    }

    #[test]
    fn lenient_spellings_of_a_host_are_read_as_the_browser_reads_them() {
        for reference in [
            "https:\\\\cdn.example\\img.jpg",
            "https:///cdn.example/img.jpg",
        ] {
            assert_eq!(
                resolved(reference).as_deref(),
                Some("https://cdn.example/img.jpg"),
                "{reference:?}"
            );
        }
        // A scheme other than the base's makes the rest an authority; the base's
        // own scheme makes it a relative path.
        assert_eq!(
            resolved("http:cdn.example/img.jpg").as_deref(),
            Some("http://cdn.example/img.jpg")
        );
        assert_eq!(
            resolved("https:cdn.example/img.jpg").as_deref(),
            Some("https://news.example.com/api/articles/cdn.example/img.jpg")
        );
    }

    #[test]
    fn what_the_browser_cannot_parse_is_dropped() {
        for broken in [
            "https://ex ample.com/",
            "https://example.com:99999/",
            "http://[::1/",
        ] {
            assert_eq!(resolved(broken), None, "{broken:?}");
        }
    }

    #[test]
    fn needs_a_base_only_for_relative_references() {
        assert_eq!(resolve_http_url("/a", "not a url"), None);
        assert_eq!(
            resolve_http_url("https://ok.example/", "not a url").as_deref(),
            Some("https://ok.example/")
        );
    }
}
