//! HTML character references in publishers' text: every numeric one, and the
//! named ones publishers actually use (the full WHATWG table of 2 231 names costs
//! more wasm than the rest of the core; measured with html5gum, +73 KB gzipped).
//! An unknown name is left as written, which is what a reader would see anyway.

use std::borrow::Cow;

use super::work;

/// `name value` lines: one string rather than a table of pointers, which is
/// smaller in the `.wasm`.
const NAMED: &str = "\n\
amp &\n\
lt <\n\
gt >\n\
quot \"\n\
apos '\n\
nbsp \u{a0}\n\
hellip …\n\
mdash —\n\
ndash –\n\
lsquo ‘\n\
rsquo ’\n\
sbquo ‚\n\
ldquo “\n\
rdquo ”\n\
bdquo „\n\
laquo «\n\
raquo »\n\
lsaquo ‹\n\
rsaquo ›\n\
copy ©\n\
reg ®\n\
trade ™\n\
deg °\n\
middot ·\n\
bull •\n\
euro €\n\
pound £\n\
yen ¥\n\
cent ¢\n\
sect §\n\
para ¶\n\
times ×\n\
divide ÷\n\
plusmn ±\n\
minus −\n\
frac12 ½\n\
frac14 ¼\n\
frac34 ¾\n\
shy \u{ad}\n\
zwj \u{200d}\n\
zwnj \u{200c}\n\
thinsp \u{2009}\n\
ensp \u{2002}\n\
emsp \u{2003}\n\
iexcl ¡\n\
iquest ¿\n\
prime ′\n\
Prime ″\n\
dagger †\n\
Dagger ‡\n\
permil ‰\n\
larr ←\n\
rarr →\n\
uarr ↑\n\
darr ↓\n\
ordm º\n\
ordf ª\n\
sup2 ²\n\
sup3 ³\n\
micro µ\n\
szlig ß\n\
aelig æ\n\
AElig Æ\n\
oelig œ\n\
OElig Œ\n\
oslash ø\n\
Oslash Ø\n\
ccedil ç\n\
Ccedil Ç\n\
eth ð\n\
thorn þ\n";

/// The value of a named reference: one substring search for `\nNAME ` in
/// the table (a scan of its lines for each `&` was most of a body's cost).
fn named(name: &str) -> Option<&'static str> {
    // The commonest, without the search.
    match name {
        "amp" => return Some("&"),
        "quot" => return Some("\""),
        "nbsp" => return Some("\u{a0}"),
        "lt" => return Some("<"),
        "gt" => return Some(">"),
        _ => {}
    }
    let mut key = String::with_capacity(name.len() + 2);
    key.push('\n');
    key.push_str(name);
    key.push(' ');
    let at = NAMED.find(&key);
    work::bytes(at.unwrap_or(NAMED.len()));
    let at = at? + key.len();
    NAMED[at..].split('\n').next()
}

/// Base letters that take the usual accents: `&eacute;`, `&Uuml;`, `&ntilde;`, …
const ACCENTS: &[(&str, &str)] = &[
    ("grave", "aeiouAEIOU"),
    ("acute", "aeiouyAEIOUY"),
    ("circ", "aeiouAEIOU"),
    ("uml", "aeiouyAEIOU"),
    ("tilde", "anoANO"),
    ("ring", "aA"),
];

fn accented(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let base = chars.next()?;
    let accent = chars.as_str();
    let (_, bases) = ACCENTS.iter().find(|(a, _)| *a == accent)?;
    bases.contains(base).then_some(())?;
    let combining = match accent {
        "grave" => '\u{300}',
        "acute" => '\u{301}',
        "circ" => '\u{302}',
        "tilde" => '\u{303}',
        "uml" => '\u{308}',
        _ => '\u{30a}',
    };
    // The precomposed letter, from a tiny table rather than a Unicode normaliser.
    const COMPOSED: &str = "àèìòùÀÈÌÒÙáéíóúýÁÉÍÓÚÝâêîôûÂÊÎÔÛäëïöüÿÄËÏÖÜãñõÃÑÕåÅ";
    const BASES: &str = "aeiouAEIOUaeiouyAEIOUYaeiouAEIOUaeiouyAEIOUanoANOaA";
    const MARKS: &str = "\u{300}\u{300}\u{300}\u{300}\u{300}\u{300}\u{300}\u{300}\u{300}\u{300}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{302}\u{302}\u{302}\u{302}\u{302}\u{302}\u{302}\u{302}\u{302}\u{302}\u{308}\u{308}\u{308}\u{308}\u{308}\u{308}\u{308}\u{308}\u{308}\u{308}\u{308}\u{303}\u{303}\u{303}\u{303}\u{303}\u{303}\u{30a}\u{30a}";
    BASES
        .chars()
        .zip(MARKS.chars())
        .zip(COMPOSED.chars())
        .find(|((b, m), _)| *b == base && *m == combining)
        .map(|(_, composed)| composed)
}

fn numeric(reference: &str) -> Option<char> {
    let code = match reference.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => reference.parse().ok()?,
    };
    // NUL and surrogates become U+FFFD, as browsers do.
    Some(
        char::from_u32(code)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{fffd}'),
    )
}

/// Decodes `&name;`, `&#123;` and `&#x1F600;` in `text`.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    work::bytes(text.len());
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map_or(rest.len(), |i| i + 1);
        work::bytes(start + end);
        work::items(1);
        let name = &rest[1..end];
        // The longest name known is 6 characters, a numeric reference about 8
        // (`#x10FFFF`, leading zeros aside): a bare `&` or a long word after
        // one is text, found so without a look-up.
        let known = match name.strip_prefix('#') {
            _ if name.is_empty() || name.len() > 16 => false,
            Some(number) => numeric(number).map(|c| out.push(c)).is_some(),
            None => match named(name) {
                Some(value) => {
                    out.push_str(value);
                    true
                }
                None => accented(name).map(|c| out.push(c)).is_some(),
            },
        };
        if known {
            rest = &rest[end..];
            rest = rest.strip_prefix(';').unwrap_or(rest);
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::decode_entities;

    #[test]
    fn decodes_numeric_and_common_named_references() {
        assert_eq!(
            decode_entities("Trump&#8217;s &amp; Carney&#x2019;s"),
            "Trump’s & Carney’s"
        );
        assert_eq!(
            decode_entities("&laquo;&nbsp;dollar&nbsp;&raquo; &hellip;"),
            "«\u{a0}dollar\u{a0}» …"
        );
        assert_eq!(
            decode_entities("caf&eacute; &Uuml;ber se&ntilde;or &Aring;"),
            "café Über señor Å"
        );
        assert_eq!(decode_entities("&#x1F680; &#128640;"), "🚀 🚀");
        assert_eq!(decode_entities("Ukraine&#039;s"), "Ukraine's");
    }

    #[test]
    fn leaves_what_is_not_a_known_reference() {
        assert_eq!(
            decode_entities("AT&T, a & b, &unknown; &#xZZ; &"),
            "AT&T, a & b, &unknown; &#xZZ; &"
        );
        assert_eq!(
            decode_entities("&#0; &#xD800; &#99999999;"),
            "\u{fffd} \u{fffd} \u{fffd}"
        );
        assert_eq!(decode_entities("&amp"), "&", "without its semicolon too");
        assert!(matches!(
            decode_entities("no references"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
