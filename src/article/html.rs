//! Publishers' HTML (`content_html`, `content.rendered`, HTML in `articleBody`) →
//! body blocks, through an allow-list.
//!
//! Kept: paragraphs, headings, quotes (with their `<cite>`), lists, figures and
//! images with captions, line breaks, and inline strong/emphasis/links
//! (`http:`, `https:`, `mailto:` only). Dropped with their content: scripts,
//! styles, templates, frames, embeds, SVG, forms' controls and media; every other
//! element (and every attribute we do not read) is dropped but its text is kept.
//! Comments are dropped.
//!
//! A small tokenizer with a stack of open elements (`walk`) feeds a single-pass
//! converter, so hostile nesting costs nothing. Character references are decoded
//! here (`entities.rs`): numeric ones all, named ones the common set.

use std::{borrow::Cow, sync::Arc};

use super::{
    entities::decode_entities, fields::inline_link, resolve_http_url, work, Block, Inline, Text,
};

/// What an element is to the converter: its [`Kind`] and these flags.
const DROPPED: u8 = 1; // its content is not readable text
const BLOCK_LEVEL: u8 = 2; // it ends the current paragraph
const VOID: u8 = 4; // no content and no end tag
const RAW_TEXT: u8 = 8; // its content is text up to its end tag, never markup

/// The elements the converter acts on; every other is `Other`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Strong,
    Emphasis,
    Link,
    Break,
    Image,
    Heading,
    Quote,
    /// `<cite>` or `<footer>`: a quote's attribution, inside one.
    Attribution,
    List {
        ordered: bool,
    },
    Item,
    Figure,
    Caption,
    Other,
}

#[derive(Clone, Copy)]
struct Tag {
    kind: Kind,
    flags: u8,
}

impl Tag {
    /// The element named `name` (lower case): one look-up per tag, by length
    /// first. (In the size-optimised wasm, comparing each tag with every name,
    /// several times over, was most of the time a body took to read.)
    fn of(name: &str) -> Tag {
        use Kind::*;
        let (kind, flags) = match name.len() {
            1 => match name {
                "p" => (Other, BLOCK_LEVEL),
                "b" => (Strong, 0),
                "i" => (Emphasis, 0),
                "a" => (Link, 0),
                _ => (Other, 0),
            },
            2 => match name {
                "br" => (Break, VOID),
                "em" => (Emphasis, 0),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => (Heading, 0),
                "ul" => (List { ordered: false }, 0),
                "ol" => (List { ordered: true }, 0),
                "li" => (Item, 0),
                "hr" => (Other, BLOCK_LEVEL | VOID),
                "tr" | "td" | "th" | "dl" | "dt" | "dd" => (Other, BLOCK_LEVEL),
                _ => (Other, 0),
            },
            3 => match name {
                "img" => (Image, VOID),
                "div" | "nav" | "pre" => (Other, BLOCK_LEVEL),
                "svg" => (Other, DROPPED),
                "col" | "wbr" => (Other, VOID),
                "xmp" => (Other, RAW_TEXT),
                _ => (Other, 0),
            },
            4 => match name {
                "cite" => (Attribution, 0),
                "main" | "form" => (Other, BLOCK_LEVEL),
                "math" | "head" => (Other, DROPPED),
                "area" | "base" | "link" | "meta" => (Other, VOID),
                _ => (Other, 0),
            },
            5 => match name {
                "style" | "title" => (Other, DROPPED | RAW_TEXT),
                "video" | "audio" => (Other, DROPPED),
                "table" | "thead" | "tbody" | "aside" => (Other, BLOCK_LEVEL),
                "embed" | "input" | "param" | "track" => (Other, VOID),
                _ => (Other, 0),
            },
            6 => match name {
                "strong" => (Strong, 0),
                "figure" => (Figure, 0),
                "footer" => (Attribution, BLOCK_LEVEL),
                "script" | "iframe" => (Other, DROPPED | RAW_TEXT),
                "object" | "select" | "canvas" | "button" => (Other, DROPPED),
                "header" | "center" => (Other, BLOCK_LEVEL),
                "source" => (Other, VOID),
                _ => (Other, 0),
            },
            7 => match name {
                "section" | "article" | "address" | "caption" | "details" | "summary" => {
                    (Other, BLOCK_LEVEL)
                }
                "noembed" => (Other, RAW_TEXT),
                _ => (Other, 0),
            },
            8 => match name {
                "template" | "noscript" => (Other, DROPPED),
                "textarea" => (Other, DROPPED | RAW_TEXT),
                "fieldset" => (Other, BLOCK_LEVEL),
                "noframes" => (Other, RAW_TEXT),
                _ => (Other, 0),
            },
            9 if name == "plaintext" => (Other, RAW_TEXT),
            10 => match name {
                "blockquote" => (Quote, 0),
                "figcaption" => (Caption, 0),
                _ => (Other, 0),
            },
            _ => (Other, 0),
        };
        Tag { kind, flags }
    }

    fn is(self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// The deepest nesting of elements read (Chromium's parser stops at 512).
const MAX_OPEN: usize = 256;

/// What the walk over the HTML reports, in document order: every start has its
/// end, as in a parsed tree.
enum Event<'a> {
    Start(Tag, &'a Attributes),
    End(Tag),
    Text(Cow<'a, str>),
}

/// A start tag's attributes: lower-case names, decoded values.
type Attributes = Vec<(String, String)>;

/// Walks `html` as a tree without building one: a tokenizer and the stack of
/// open elements. An end tag closes everything opened since its start tag (and
/// is ignored without one), and the end of the text closes what is still open.
/// Linear in the length of `html`: at most [`MAX_OPEN`] elements are open at
/// once (deeper ones are read as text only, as browsers cap their trees'
/// depth), so an end tag's search for its start tag is bounded.
///
/// Written here rather than taken from a crate: `tl`, the small lenient parser
/// used before, measured 5.5 KB of the widget's gzipped wasm, of a budget the
/// Leptos view leaves no room in; what the converter needs is this much. Hostile
/// input is bounded: one pass, no recursion (property-tested with arbitrary HTML).
fn walk<'a>(html: &'a str, visit: &mut dyn FnMut(Event<'_>)) {
    let mut open: Vec<(Cow<'a, str>, Tag)> = Vec::new();
    // How many open elements' names fall in each of 64 buckets: an end tag
    // whose bucket is empty closes nothing, known without a scan.
    let mut buckets = [0u16; 64];
    let bucket = |name: &str| {
        name.bytes()
            .fold(name.len(), |h, b| h.wrapping_mul(31) ^ usize::from(b))
            % 64
    };
    let mut rest = html;
    let mut markup = 0;
    while let Some(at) = rest.find('<') {
        work::bytes(at + 1);
        work::items(1);
        if at > 0 {
            visit(Event::Text(decode_entities(&rest[..at])));
        }
        // Past the bound, the rest of the body is left out.
        markup += 1;
        if markup > super::bounds::MAX_MARKUP {
            rest = "";
            break;
        }
        rest = &rest[at..];
        let after = &rest[1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = past(comment, "-->");
        } else if after.starts_with(['!', '?']) {
            // A doctype, a CDATA section, a processing instruction: none is content.
            rest = past(after, ">");
        } else if let Some(end) = after.strip_prefix('/') {
            let (name, after) = tag_name(end);
            rest = past(after, ">");
            let found = buckets[bucket(&name)] > 0;
            let depth = open.iter().rposition(|(open, _)| found && *open == name);
            work::items(if found {
                open.len() - depth.unwrap_or(0)
            } else {
                0
            });
            if let Some(depth) = depth {
                for (name, tag) in open.drain(depth..).rev() {
                    buckets[bucket(&name)] -= 1;
                    visit(Event::End(tag));
                }
            }
        } else if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (name, after) = tag_name(after);
            let (attributes, self_closing, after) = attributes(after);
            rest = after;
            let tag = Tag::of(&name);
            // Void and raw-text elements end where they start: never too deep.
            let void = self_closing || tag.is(VOID);
            if !void && !tag.is(RAW_TEXT) && open.len() >= MAX_OPEN {
                continue;
            }
            visit(Event::Start(tag, &attributes));
            if tag.is(RAW_TEXT) {
                let (text, after) = raw_text(rest, &name);
                if !text.is_empty() {
                    visit(Event::Text(Cow::Borrowed(text)));
                }
                rest = after;
                visit(Event::End(tag));
            } else if void {
                visit(Event::End(tag));
            } else {
                buckets[bucket(&name)] += 1;
                open.push((name, tag));
            }
        } else {
            // A `<` that starts no tag is text.
            visit(Event::Text(Cow::Borrowed("<")));
            rest = after;
        }
    }
    if !rest.is_empty() {
        work::bytes(rest.len());
        visit(Event::Text(decode_entities(rest)));
    }
    for (_, tag) in open.into_iter().rev() {
        visit(Event::End(tag));
    }
}

/// What follows the first `end` in `text` (nothing without one).
fn past<'a>(text: &'a str, end: &str) -> &'a str {
    let after = text.split_once(end).map_or("", |(_, after)| after);
    work::bytes(text.len() - after.len());
    after
}

/// The lower-case tag name at the start of `text` (borrowed when it is lower
/// case already, as nearly every tag is), and what follows it.
fn tag_name(text: &str) -> (Cow<'_, str>, &str) {
    let end = text
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(text.len());
    work::bytes(end);
    let name = &text[..end];
    let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    };
    (name, &text[end..])
}

/// The attributes of a start tag up to its `>`, whether it ends with `/>`, and
/// what follows it. A tag the text ends inside has no attributes worth reading.
fn attributes(mut text: &str) -> (Attributes, bool, &str) {
    let mut attributes = Attributes::new();
    // The bytes read since the last attribute, counted at each.
    let mut unread = text.len();
    loop {
        work::bytes(unread - text.len());
        work::items(1);
        unread = text.len();
        text = text.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if let Some(after) = text.strip_prefix("/>") {
            return (attributes, true, after);
        }
        if let Some(after) = text.strip_prefix(['>', '/']) {
            if text.starts_with('>') {
                return (attributes, false, after);
            }
            text = after;
            continue;
        }
        if text.is_empty() {
            return (attributes, false, text);
        }
        let end = text
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(text.len())
            .max(1);
        let name = text[..end].to_ascii_lowercase();
        text = text[end..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let mut value = "";
        if let Some(after) = text.strip_prefix('=') {
            text = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
            let quote = text.chars().next().filter(|c| matches!(c, '"' | '\''));
            (value, text) = match quote {
                Some(quote) => text[1..].split_once(quote).unwrap_or((&text[1..], "")),
                None => {
                    let end = text
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(text.len());
                    (&text[..end], &text[end..])
                }
            };
        }
        attributes.push((name, decode_entities(value).into_owned()));
    }
}

/// The text of a raw-text element up to its end tag (in any case), and what
/// follows the tag. Reads only up to the end tag: linear over the document.
fn raw_text<'a>(text: &'a str, name: &str) -> (&'a str, &'a str) {
    let mut from = 0;
    while let Some(at) = text[from..].find("</").map(|at| from + at) {
        work::bytes(at + 2 - from);
        let after = &text[at + 2..];
        let matches = after
            .get(..name.len())
            .is_some_and(|tag| tag.eq_ignore_ascii_case(name));
        if matches {
            let after = &after[name.len()..];
            return (
                &text[..at],
                after.split_once('>').map_or("", |(_, after)| after),
            );
        }
        from = at + 2;
    }
    work::bytes(text.len() - from);
    (text, "")
}

fn attribute(attributes: &Attributes, key: &str) -> Option<String> {
    let at = attributes.iter().position(|(name, _)| name == key);
    work::items(at.map_or(attributes.len(), |at| at + 1));
    at.map(|at| attributes[at].1.clone())
}

/// The text of an HTML fragment (a title, an excerpt): tags dropped, character
/// references decoded, white space collapsed.
pub fn html_to_text(html: &str) -> String {
    let texts: Vec<String> = html_to_blocks(html, "")
        .iter()
        .flat_map(|block| match block {
            Block::Paragraph { text } | Block::Heading { text } | Block::Quote { text, .. } => {
                vec![text.plain()]
            }
            Block::List { items, .. } => items.iter().map(Text::plain).collect(),
            Block::Image { caption, .. } => caption.iter().cloned().collect(),
        })
        .collect();
    super::fields::collapse_whitespace(&super::fields::join(texts, " "))
}

/// Converts an HTML body into blocks; relative URLs resolve against `document_url`.
pub fn html_to_blocks(html: &str, document_url: &str) -> Vec<Block> {
    let mut converter = Converter {
        document_url,
        ..Converter::default()
    };
    walk(html, &mut |event| match event {
        Event::Start(tag, attributes) => converter.start(tag, &|key| attribute(attributes, key)),
        Event::End(tag) => converter.end(tag),
        Event::Text(text) => converter.text(&text),
    });
    converter.finish()
}

#[derive(Default)]
struct Converter<'a> {
    document_url: &'a str,
    blocks: Vec<Block>,
    /// The inline text being collected.
    runs: Text,
    strong: usize,
    emphasis: usize,
    /// For each open `<a>`, the link its text goes to: its own, else the
    /// enclosing one's (so the innermost link is the last, without a scan).
    links: Vec<Option<Arc<str>>>,
    dropped: usize,
    heading: bool,
    quote: Option<(Text, Option<String>)>,
    quote_depth: usize,
    /// Attribution being captured (`<cite>` or `<footer>` inside a quote), and its depth.
    cite: Option<String>,
    cite_depth: usize,
    list: Option<(bool, Vec<Text>)>,
    list_depth: usize,
    figure: Option<(Option<(String, String)>, Text)>,
    caption: bool,
}

impl Converter<'_> {
    fn start(&mut self, tag: Tag, attribute: &dyn Fn(&str) -> Option<String>) {
        // Every start has its end in the walk, void elements included.
        let dropped = tag.is(DROPPED);
        if self.dropped > 0 || dropped {
            self.dropped += usize::from(dropped);
            return;
        }
        match tag.kind {
            Kind::Strong => self.strong += 1,
            Kind::Emphasis => self.emphasis += 1,
            Kind::Link => {
                let href = attribute("href")
                    .and_then(|href| inline_link(&href, self.document_url))
                    .map(Arc::from)
                    .or_else(|| self.links.last().cloned().flatten());
                self.links.push(href);
            }
            Kind::Break => self.runs.0.push(Inline::Break),
            Kind::Image => self.image(attribute),
            Kind::Heading => {
                self.flush();
                self.heading = true;
            }
            Kind::Quote => {
                self.flush();
                self.quote_depth += 1;
                self.quote.get_or_insert_with(Default::default);
            }
            Kind::Attribution if self.quote.is_some() => {
                self.cite_depth += 1;
                self.cite.get_or_insert_with(String::new);
            }
            Kind::List { ordered } => {
                self.flush();
                self.list_depth += 1;
                self.list.get_or_insert_with(|| (ordered, Vec::new()));
            }
            Kind::Item => self.flush(),
            Kind::Figure => {
                self.flush();
                self.figure = Some((None, Text::default()));
            }
            Kind::Caption => {
                self.flush();
                self.caption = true;
            }
            _ if tag.is(BLOCK_LEVEL) => self.flush(),
            _ => {}
        }
    }

    fn end(&mut self, tag: Tag) {
        if self.dropped > 0 {
            self.dropped -= usize::from(tag.is(DROPPED));
            return;
        }
        match tag.kind {
            Kind::Strong => self.strong = self.strong.saturating_sub(1),
            Kind::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            Kind::Link => {
                self.links.pop();
            }
            Kind::Heading => {
                self.flush();
                self.heading = false;
            }
            Kind::Attribution if self.cite.is_some() => {
                self.cite_depth = self.cite_depth.saturating_sub(1);
                if self.cite_depth == 0 {
                    let cite = self
                        .cite
                        .take()
                        .map(|c| super::fields::collapse_whitespace(&c));
                    if let Some((_, slot)) = &mut self.quote {
                        *slot = cite.filter(|c| !c.is_empty()).or(slot.take());
                    }
                }
            }
            Kind::Quote => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
                if self.quote_depth == 0 {
                    if let Some((text, cite)) = self.quote.take() {
                        let cite =
                            cite.map(|c| c.trim_start_matches(['—', '–', '-', ' ']).to_owned());
                        if !text.is_blank() {
                            self.blocks.push(Block::Quote {
                                text: text.trimmed(),
                                cite,
                            });
                        }
                    }
                }
            }
            Kind::Item => self.flush(),
            Kind::List { .. } => {
                self.flush();
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 {
                    if let Some((ordered, items)) = self.list.take() {
                        if !items.is_empty() {
                            self.blocks.push(Block::List { ordered, items });
                        }
                    }
                }
            }
            Kind::Caption => {
                self.flush();
                self.caption = false;
            }
            Kind::Figure => {
                self.flush();
                if let Some((image, caption)) = self.figure.take() {
                    let caption = (!caption.is_blank()).then(|| caption.trimmed().plain());
                    match image {
                        Some((src, alt)) => self.blocks.push(Block::Image {
                            src,
                            alt,
                            caption,
                            credit: None,
                        }),
                        None => {
                            if let Some(caption) = caption {
                                self.blocks.push(Block::Paragraph {
                                    text: caption.into(),
                                })
                            }
                        }
                    }
                }
            }
            _ if tag.is(BLOCK_LEVEL) => self.flush(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        work::bytes(text.len());
        if self.dropped > 0 {
            return;
        }
        if let Some(cite) = &mut self.cite {
            cite.push_str(text);
            return;
        }
        // Most texts between tags have no white space to collapse.
        if !text.contains(|c: char| c.is_ascii_whitespace()) {
            let link = self.links.last().and_then(Option::as_ref);
            self.runs
                .push(text, self.strong > 0, self.emphasis > 0, link);
            return;
        }
        // HTML white space: any run is one space.
        let mut collapsed = String::with_capacity(text.len());
        for (i, word) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            if i > 0 && !collapsed.ends_with(' ') {
                collapsed.push(' ');
            }
            collapsed.push_str(word);
        }
        if collapsed.starts_with(' ') && self.ends_with_space() {
            collapsed.remove(0);
        }
        let link = self.links.last().and_then(Option::as_ref);
        self.runs
            .push(&collapsed, self.strong > 0, self.emphasis > 0, link);
    }

    fn ends_with_space(&self) -> bool {
        match self.runs.0.last() {
            Some(Inline::Run { text, .. }) => text.ends_with(' '),
            _ => true,
        }
    }

    fn image(&mut self, attribute: &dyn Fn(&str) -> Option<String>) {
        // Lazy-loading pages put the real URL in data-src and a placeholder in src.
        let src = ["src", "data-src"]
            .into_iter()
            .filter_map(attribute)
            .find_map(|src| resolve_http_url(&src, self.document_url));
        let Some(src) = src else { return };
        let alt = attribute("alt")
            .map(|a| super::fields::collapse_whitespace(&a))
            .unwrap_or_default();
        match &mut self.figure {
            Some((image @ None, _)) => *image = Some((src, alt)),
            Some(_) => {}
            None => {
                self.flush();
                self.blocks.push(Block::Image {
                    src,
                    alt,
                    caption: None,
                    credit: None,
                });
            }
        }
    }

    /// Ends the text collected so far, sending it where it belongs.
    fn flush(&mut self) {
        let runs = std::mem::take(&mut self.runs);
        if runs.is_blank() {
            return;
        }
        let mut text = runs.trimmed();
        if self.caption {
            if let Some((_, caption)) = &mut self.figure {
                if !caption.0.is_empty() {
                    caption.0.push(Inline::Break);
                }
                caption.0.append(&mut text.0);
                return;
            }
        }
        if let Some((_, items)) = &mut self.list {
            items.push(text);
        } else if self.heading {
            self.blocks.push(Block::Heading { text });
        } else if let Some((quote, _)) = &mut self.quote {
            if !quote.0.is_empty() {
                quote.0.push(Inline::Break);
            }
            quote.0.append(&mut text.0);
        } else {
            self.blocks.push(Block::Paragraph { text });
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        for _ in 0..self.quote_depth.max(usize::from(self.quote.is_some())) {
            self.end(Tag::of("blockquote"));
        }
        for _ in 0..self.list_depth {
            self.end(Tag::of("ul"));
        }
        if self.figure.is_some() {
            self.end(Tag::of("figure"));
        }
        self.blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://news.example.com/2024/05/story/";

    fn run(text: &str, strong: bool, emphasis: bool, link: Option<&str>) -> Inline {
        Inline::Run {
            text: text.into(),
            strong,
            emphasis,
            link: link.map(Arc::from),
        }
    }

    #[test]
    fn paragraphs_headings_and_inline_formatting() {
        let blocks = html_to_blocks(
            "<p>Hello <strong>bold <em>both</em></strong> and <a href='/x'>a link</a>.</p>\n<h2>Sub</h2><p>Line<br>two</p>",
            BASE,
        );
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph {
                    text: Text(vec![
                        run("Hello ", false, false, None),
                        run("bold ", true, false, None),
                        run("both", true, true, None),
                        run(" and ", false, false, None),
                        run("a link", false, false, Some("https://news.example.com/x")),
                        run(".", false, false, None),
                    ])
                },
                Block::Heading { text: "Sub".into() },
                Block::Paragraph {
                    text: Text(vec![
                        run("Line", false, false, None),
                        Inline::Break,
                        run("two", false, false, None)
                    ])
                },
            ]
        );
    }

    #[test]
    fn quotes_keep_their_attribution() {
        let blocks = html_to_blocks(
            "<blockquote><p>First.</p><p>Second.</p><footer>— <cite>John Kerry</cite></footer></blockquote>",
            BASE,
        );
        assert_eq!(
            blocks,
            vec![Block::Quote {
                text: Text(vec![
                    run("First.", false, false, None),
                    Inline::Break,
                    run("Second.", false, false, None)
                ]),
                cite: Some("John Kerry".into()),
            }]
        );
    }

    #[test]
    fn lists_nested_lists_flatten() {
        let blocks = html_to_blocks(
            "<ol><li>One</li><li>Two<ul><li>Two A</li></ul></li></ol>",
            BASE,
        );
        assert_eq!(
            blocks,
            vec![Block::List {
                ordered: true,
                items: vec!["One".into(), "Two".into(), "Two A".into()]
            }]
        );
    }

    #[test]
    fn figures_images_and_captions() {
        let blocks = html_to_blocks(
            "<figure><img src='a.jpg' alt='A &amp; B' width='100'><figcaption>Cap <em>it</em></figcaption></figure>\
             <p>Text <img src='data:image/png;base64,AA' data-src='//cdn.example/b.jpg'> more</p>",
            BASE,
        );
        assert_eq!(
            blocks,
            vec![
                Block::Image {
                    src: "https://news.example.com/2024/05/story/a.jpg".into(),
                    alt: "A & B".into(),
                    caption: Some("Cap it".into()),
                    credit: None
                },
                Block::Paragraph {
                    text: "Text".into()
                },
                Block::Image {
                    src: "https://cdn.example/b.jpg".into(),
                    alt: String::new(),
                    caption: None,
                    credit: None
                },
                Block::Paragraph {
                    text: "more".into()
                },
            ]
        );
    }

    #[test]
    fn scripts_styles_frames_forms_and_comments_are_dropped() {
        let blocks = html_to_blocks(
            "<p onclick='evil()'>Kept<script>alert(1)</script><style>p{}</style><!-- note --></p>\
             <iframe src='https://x.example'>frame text</iframe><form><label>Name</label><input name=n><button>Go</button></form>\
             <svg><text>svg</text></svg><embed src='x.swf'><p>End</p>",
            BASE,
        );
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph {
                    text: "Kept".into()
                },
                Block::Paragraph {
                    text: "Name".into()
                },
                Block::Paragraph { text: "End".into() },
            ]
        );
    }

    #[test]
    fn only_http_https_and_mailto_links_survive() {
        let blocks = html_to_blocks(
            "<p><a href='javascript:alert(1)'>js</a> <a href='mailto:desk@n.example'>mail</a> <a href='data:text/html,x'>data</a></p>",
            BASE,
        );
        assert_eq!(
            blocks,
            vec![Block::Paragraph {
                text: Text(vec![
                    run("js ", false, false, None),
                    run("mail", false, false, Some("mailto:desk@n.example")),
                    run(" data", false, false, None),
                ])
            }]
        );
    }

    #[test]
    fn entities_are_decoded_and_white_space_collapsed() {
        assert_eq!(
            html_to_text("Trump&#8217;s &amp; <b>Carney</b>&nbsp;talks\n  today"),
            "Trump’s & Carney talks today"
        );
        assert_eq!(
            html_to_text("<p>One</p><p>Two</p><script>x</script>"),
            "One Two"
        );
        assert_eq!(
            html_to_blocks("Plain text, no tags", BASE),
            vec![Block::Paragraph {
                text: "Plain text, no tags".into()
            }]
        );
    }

    #[test]
    fn broken_and_hostile_html_never_panics() {
        for html in [
            "<p",
            "<<<>>>",
            "</p></p></blockquote></ul>",
            "<img alt=\".\" \" width=\"957\" />",
            &"<div>".repeat(100_000),
            "<a href=",
            "\u{0}<p>\u{0}</p>",
        ] {
            let _ = html_to_blocks(html, BASE);
            let _ = html_to_text(html);
        }
    }
}
