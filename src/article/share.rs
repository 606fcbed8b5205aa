//! Share controls (contract §3): which networks, in which order, and their URLs.
//! Built here, in the core, so every URL is unit-tested natively.

/// A share control. The names are the contract's `share` list and `data-network` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    Native,
    Facebook,
    X,
    Linkedin,
    Whatsapp,
    Email,
    Copy,
}

impl Network {
    /// The default set and order.
    pub const ALL: [Network; 7] = [
        Network::Native,
        Network::Facebook,
        Network::X,
        Network::Linkedin,
        Network::Whatsapp,
        Network::Email,
        Network::Copy,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Network::Native => "native",
            Network::Facebook => "facebook",
            Network::X => "x",
            Network::Linkedin => "linkedin",
            Network::Whatsapp => "whatsapp",
            Network::Email => "email",
            Network::Copy => "copy",
        }
    }

    pub fn from_name(name: &str) -> Option<Network> {
        Network::ALL.into_iter().find(|n| n.name() == name)
    }

    /// The `href` of a link control; `None` for `native` and `copy`, which are buttons.
    pub fn href(self, url: &str, title: &str) -> Option<String> {
        let (url, title) = (percent_encode(url), percent_encode(title));
        Some(match self {
            Network::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
            Network::X => format!("https://twitter.com/intent/tweet?url={url}&text={title}"),
            Network::Linkedin => {
                format!("https://www.linkedin.com/sharing/share-offsite/?url={url}")
            }
            Network::Whatsapp => format!("https://wa.me/?text={title}%20{url}"),
            Network::Email => format!("mailto:?subject={title}&body={url}"),
            Network::Native | Network::Copy => return None,
        })
    }
}

/// Reads the `share` attribute: `None` (absent) is every network; `none` is no
/// controls; unknown names are dropped and returned; if nothing valid remains,
/// the default set applies.
pub fn parse_share_list(attribute: Option<&str>) -> (Vec<Network>, Vec<String>) {
    let Some(list) = attribute.map(str::trim) else {
        return (Network::ALL.to_vec(), Vec::new());
    };
    if list.eq_ignore_ascii_case("none") {
        return (Vec::new(), Vec::new());
    }
    let mut networks = Vec::new();
    let mut unknown = Vec::new();
    for name in list
        .split(',')
        .map(|n| n.trim().to_ascii_lowercase())
        .filter(|n| !n.is_empty())
    {
        match Network::from_name(&name) {
            Some(network) if !networks.contains(&network) => networks.push(network),
            Some(_) => {}
            None => unknown.push(name),
        }
    }
    if networks.is_empty() {
        networks = Network::ALL.to_vec();
    }
    (networks, unknown)
}

/// Percent-encodes everything but RFC 3986's unreserved characters, UTF-8 first.
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://news.example.com/a?b=1&c=2#top";
    const TRICKY: &str = "Q&A: \"Why?\" #1 — 50% of 'IS' 🚀 日本語 + Ελληνικά";
    const TRICKY_ENCODED: &str = "Q%26A%3A%20%22Why%3F%22%20%231%20%E2%80%94%2050%25%20of%20%27IS%27%20%F0%9F%9A%80%20%E6%97%A5%E6%9C%AC%E8%AA%9E%20%2B%20%CE%95%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC";
    const URL_ENCODED: &str = "https%3A%2F%2Fnews.example.com%2Fa%3Fb%3D1%26c%3D2%23top";

    #[test]
    fn percent_encodes_everything_but_unreserved() {
        assert_eq!(percent_encode("aZ09-._~"), "aZ09-._~");
        assert_eq!(percent_encode(TRICKY), TRICKY_ENCODED);
        assert_eq!(percent_encode(URL), URL_ENCODED);
        assert_eq!(percent_encode(""), "");
    }

    #[test]
    fn builds_the_contract_urls() {
        let href = |n: Network| n.href(URL, TRICKY);
        assert_eq!(
            href(Network::Facebook).as_deref(),
            Some(format!("https://www.facebook.com/sharer/sharer.php?u={URL_ENCODED}").as_str())
        );
        assert_eq!(
            href(Network::X).as_deref(),
            Some(
                format!("https://twitter.com/intent/tweet?url={URL_ENCODED}&text={TRICKY_ENCODED}")
                    .as_str()
            )
        );
        assert_eq!(
            href(Network::Linkedin).as_deref(),
            Some(
                format!("https://www.linkedin.com/sharing/share-offsite/?url={URL_ENCODED}")
                    .as_str()
            )
        );
        assert_eq!(
            href(Network::Whatsapp).as_deref(),
            Some(format!("https://wa.me/?text={TRICKY_ENCODED}%20{URL_ENCODED}").as_str())
        );
        assert_eq!(
            href(Network::Email).as_deref(),
            Some(format!("mailto:?subject={TRICKY_ENCODED}&body={URL_ENCODED}").as_str())
        );
        assert_eq!(href(Network::Native), None);
        assert_eq!(href(Network::Copy), None);
    }

    #[test]
    fn names_round_trip() {
        for network in Network::ALL {
            assert_eq!(Network::from_name(network.name()), Some(network));
        }
        assert_eq!(Network::from_name("twitter"), None);
    }

    #[test]
    fn the_share_list_picks_and_orders() {
        assert_eq!(parse_share_list(None), (Network::ALL.to_vec(), vec![]));
        assert_eq!(parse_share_list(Some("none")), (vec![], vec![]));
        assert_eq!(parse_share_list(Some(" NONE ")), (vec![], vec![]));
        assert_eq!(
            parse_share_list(Some("copy, x,email")),
            (vec![Network::Copy, Network::X, Network::Email], vec![])
        );
        assert_eq!(
            parse_share_list(Some("x,myspace,x,,Email")),
            (vec![Network::X, Network::Email], vec!["myspace".to_owned()])
        );
    }

    #[test]
    fn a_list_with_nothing_valid_is_the_default_set() {
        assert_eq!(
            parse_share_list(Some("myspace")),
            (Network::ALL.to_vec(), vec!["myspace".to_owned()])
        );
        assert_eq!(parse_share_list(Some("")), (Network::ALL.to_vec(), vec![]));
    }
}
