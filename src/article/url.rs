//! URL allow-listing and RFC 3986 reference resolution.
//!
//! Hand-written on purpose: the `url` crate (with its IDNA tables) would cost more
//! wasm than the rest of the core. We only need to resolve a reference against an
//! absolute base and to decide whether the result is a plain `http(s)` URL.

struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

/// RFC 3986 appendix B, without the regex.
fn split(reference: &str) -> Parts<'_> {
    let (rest, fragment) = match reference.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (reference, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, Some(query)),
        None => (rest, None),
    };
    let (scheme, rest) = match rest.split_once(':') {
        Some((scheme, rest)) if is_scheme(scheme) => (Some(scheme), rest),
        _ => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(rest) => {
            let end = rest.find('/').unwrap_or(rest.len());
            (Some(&rest[..end]), &rest[end..])
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// RFC 3986 §5.2.4.
fn remove_dot_segments(path: &str) -> String {
    let mut output: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." | ".." => {
                if *segment == ".." && output.len() > 1 {
                    output.pop();
                }
                if i == last {
                    output.push("");
                }
            }
            s => output.push(s),
        }
    }
    let joined = super::fields::join(output, "/");
    if path.starts_with('/') && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Resolves `reference` against the absolute URL `base` (RFC 3986 §5.2.2).
/// `None` when `base` is not absolute or the reference contains control characters.
pub fn resolve_url(reference: &str, base: &str) -> Option<String> {
    let reference = reference.trim();
    // Browsers silently drop tabs and newlines inside URLs ("java\nscript:"), so any
    // control character is refused rather than reasoned about.
    if reference.chars().any(char::is_control) {
        return None;
    }
    let reference = reference.replace(' ', "%20");
    let r = split(&reference);
    let b = split(base);

    let base_scheme = b.scheme.unwrap_or_default();
    let (scheme, authority, path, query);
    if let Some(s) = r.scheme {
        (scheme, authority, path, query) = (s, r.authority, remove_dot_segments(r.path), r.query);
    } else if b.scheme.is_none() {
        return None;
    } else if r.authority.is_some() {
        (scheme, authority, path, query) = (
            base_scheme,
            r.authority,
            remove_dot_segments(r.path),
            r.query,
        );
    } else if r.path.is_empty() {
        (scheme, authority, path, query) = (
            base_scheme,
            b.authority,
            b.path.to_owned(),
            r.query.or(b.query),
        );
    } else if r.path.starts_with('/') {
        (scheme, authority, path, query) = (
            base_scheme,
            b.authority,
            remove_dot_segments(r.path),
            r.query,
        );
    } else {
        let merged = if b.authority.is_some() && b.path.is_empty() {
            format!("/{}", r.path)
        } else {
            let dir = b.path.rfind('/').map_or("", |i| &b.path[..=i]);
            format!("{dir}{}", r.path)
        };
        (scheme, authority, path, query) = (
            base_scheme,
            b.authority,
            remove_dot_segments(&merged),
            r.query,
        );
    }

    let mut out = format!("{}:", scheme.to_ascii_lowercase());
    if let Some(authority) = authority {
        out.push_str("//");
        out.push_str(authority);
    }
    out.push_str(&path);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    if let Some(fragment) = r.fragment {
        out.push('#');
        out.push_str(fragment);
    }
    Some(out)
}

/// Resolves `reference` against `base` and keeps it only if it is an `http:` or
/// `https:` URL with a host: `javascript:`, `data:`, `vbscript:` and the rest are dropped.
pub fn resolve_http_url(reference: &str, base: &str) -> Option<String> {
    let url = resolve_url(reference, base)?;
    let parts = split(&url);
    let host = parts.authority?.rsplit('@').next().unwrap_or_default();
    let allowed = matches!(parts.scheme, Some("http" | "https"))
        && !host.is_empty()
        && !host.starts_with(':');
    allowed.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "http://a/b/c/d;p?q";

    #[test]
    fn resolves_the_rfc_3986_examples() {
        for (reference, expected) in [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
        ] {
            assert_eq!(
                resolve_url(reference, BASE).as_deref(),
                Some(expected),
                "{reference:?}"
            );
        }
    }

    #[test]
    fn keeps_only_http_and_https() {
        let base = "https://news.example.com/api/articles/a.json";
        assert_eq!(
            resolve_http_url("../img/p.jpg", base).as_deref(),
            Some("https://news.example.com/api/img/p.jpg")
        );
        assert_eq!(
            resolve_http_url("//cdn.example.com/x", base).as_deref(),
            Some("https://cdn.example.com/x")
        );
        assert_eq!(
            resolve_http_url("HTTP://Example.com/", base).as_deref(),
            Some("http://Example.com/")
        );
        for hostile in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "mailto:someone@example.com",
            "file:///etc/passwd",
            "http:",
            "https://",
            "http:///path",
            "https://:443/",
        ] {
            assert_eq!(resolve_http_url(hostile, base), None, "{hostile:?}");
        }
    }

    #[test]
    fn relative_scheme_tricks_stay_http_on_a_real_host_or_are_dropped() {
        let base = "https://news.example.com/api/articles/a.json";
        let resolved = |r: &str| resolve_http_url(r, base);
        // Scheme-relative: still http(s), the host it names.
        assert_eq!(
            resolved("//cdn.example.com/p.jpg").as_deref(),
            Some("https://cdn.example.com/p.jpg")
        );
        // Backslashes are path characters to us, so the host stays the article's.
        assert_eq!(
            resolved("\\\\evil.example/p").as_deref(),
            Some("https://news.example.com/api/articles/\\\\evil.example/p")
        );
        assert!(
            resolved("/\\evil.example").is_some_and(|u| u.starts_with("https://news.example.com/"))
        );
        // A scheme with no authority is refused outright.
        for trick in [
            "https:\\\\evil.example",
            "https:evil.example",
            "http:/evil.example",
            "javascript://%0aalert(1)",
        ] {
            assert_eq!(resolved(trick), None, "{trick:?}");
        }
        // An entity is not decoded: the text stays a harmless relative path.
        assert_eq!(
            resolved("jav&#x61;script:alert(1)").as_deref(),
            Some("https://news.example.com/api/articles/jav&#x61;script:alert(1)")
        );
    }

    #[test]
    fn needs_an_absolute_base_for_relative_references() {
        assert_eq!(resolve_http_url("/a", "not a url"), None);
        assert_eq!(
            resolve_http_url("https://ok.example/", "not a url").as_deref(),
            Some("https://ok.example/")
        );
    }

    #[test]
    fn encodes_spaces() {
        assert_eq!(
            resolve_http_url("a photo.jpg", "https://x.example/p/").as_deref(),
            Some("https://x.example/p/a%20photo.jpg")
        );
    }
}
