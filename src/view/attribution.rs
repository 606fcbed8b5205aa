use super::words::Words;
use leptos::prelude::*;

/// `part="attribution"`: under the body and the share controls, "Originally
/// published by SOURCE" with the publisher's logo, and a link to the original
/// (`part="canonical"`). Absent when the article names no publisher and has no
/// canonical URL.
#[component]
pub fn Attribution(
    /// The publisher: the source's name, else the byline.
    publisher: Option<String>,
    /// The publisher's logo (http(s) only, as every URL the core keeps).
    logo: Option<String>,
    /// The article's canonical URL.
    url: Option<String>,
    /// The UI strings.
    text: Words,
) -> impl IntoView {
    if publisher.is_none() && url.is_none() {
        return None;
    }
    let credit = publisher.map(|publisher| {
        let logo = logo.map(|src| {
            view! { <img part="logo" src=src alt=publisher.clone() loading="lazy" /> }
        });
        view! {
            {logo}
            <p>
                {text.say_later(|t| t.originally_published.0)}
                <span dir="auto">{publisher}</span>
                {text.say_later(|t| t.originally_published.1)}
            </p>
        }
    });
    Some(view! {
        <footer part="attribution">
            {credit}
            {url.map(|href| view! {
                <a part="canonical" href=href target="_blank" rel="noopener">
                    {text.say_later(|t| t.read_original)}
                </a>
            })}
        </footer>
    })
}
