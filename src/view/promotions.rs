use std::sync::Arc;

use leptos::{either::Either, ev, html, prelude::*, task::spawn_local};
use wasm_bindgen::JsValue;

use super::{body::heading, words::Words, Host};
use crate::{
    article::{self as model, Group, Newsletter, PromotionsSource},
    config::PromotionsFrom,
    net::{promotions_document, sign_up},
};

/// `part="promotions"`: the publisher's calls to action under the article
/// (contract §7), from the article's own `promotions` or from a promotions
/// document, which is fetched once per page (here, in the piece that renders
/// them: it never holds the article back) and shows when it is here. A document
/// that cannot be fetched or read leaves the promotions out, with a console
/// warning: never the error state.
#[component]
pub fn Promotions(
    /// Where the promotions come from (the `promotions` attribute).
    from: PromotionsFrom,
    /// The article, for its own promotions, the events' `id` and `url` and the sign-up's.
    article: Arc<model::Article>,
    /// The headline's level: the promotions' headings sit one below it.
    level: u8,
    /// How long fetching the document and a sign-up may take (the `timeout` attribute).
    timeout_ms: u32,
    /// The UI language and its strings.
    text: Words,
    /// Where the events go.
    host: Host,
) -> impl IntoView {
    let source = RwSignal::new(None::<PromotionsSource>);
    match from {
        PromotionsFrom::Article => source.set(article.promotions.clone()),
        PromotionsFrom::Document(url) => {
            let document = promotions_document(&url, timeout_ms);
            spawn_local(async move {
                match document.await {
                    Ok(document) => {
                        source.try_set(Some(document));
                    }
                    Err(why) => web_sys::console::warn_1(
                        &format!("<article-widget>: promotions left out: {why}").into(),
                    ),
                }
            });
        }
        PromotionsFrom::None => {}
    }
    move || {
        source.get().map(|source| {
            view! { <PromotionsOf source article=article.clone() level timeout_ms text host /> }
        })
    }
}

/// The promotions of `source`: an `<aside>` labelled "More from SOURCE", with
/// the newsletter sign-up and the groups of links. Absent when nothing in them
/// is left to show.
#[component]
fn PromotionsOf(
    source: PromotionsSource,
    article: Arc<model::Article>,
    level: u8,
    timeout_ms: u32,
    text: Words,
    host: Host,
) -> impl IntoView {
    let promotions = source.read()?;
    let publisher = article.publisher().map(str::to_owned);
    let label = Signal::derive(move || {
        let strings = text.later();
        match &publisher {
            Some(name) => format!("{}{name}{}", strings.more_from.0, strings.more_from.1),
            None => strings.more_from_publisher.to_owned(),
        }
    });
    let level = (level + 1).clamp(3, 6);
    let newsletter = promotions.newsletter.map(|newsletter| {
        view! { <NewsletterSignUp newsletter article=article.clone() level timeout_ms text host /> }
    });
    let groups = promotions
        .groups
        .into_iter()
        .map(|group| view! { <PromotionGroup group article=article.clone() level host /> })
        .collect_view();
    Some(view! {
        <aside part="promotions" class="promotions" aria-label=label>
            {newsletter}
            {groups}
        </aside>
    })
}

/// Where a sign-up is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SignUp {
    Ready,
    Busy,
    Done,
    Failed,
}

/// `part="newsletter"`: the title, the text, and a form that posts the
/// reader's address to the publisher (or, with only a `url`, a "Sign up" link).
#[component]
fn NewsletterSignUp(
    newsletter: Newsletter,
    article: Arc<model::Article>,
    level: u8,
    timeout_ms: u32,
    text: Words,
    host: Host,
) -> impl IntoView {
    let state = RwSignal::new(SignUp::Ready);
    let status = Signal::derive(move || match state.get() {
        SignUp::Done => text.later().subscribed,
        SignUp::Failed => text.later().subscribe_failed,
        _ => "",
    });
    let Newsletter {
        title,
        text: blurb,
        action,
        url,
        consent,
        terms_url,
        privacy_url,
    } = newsletter;
    let sign_up_with = match action {
        Some(action) => Either::Left(view! {
            <SignUpForm action consent terms_url privacy_url article timeout_ms text state host />
        }),
        None => {
            let href = url.unwrap_or_default();
            let followed = href.clone();
            Either::Right(view! {
                <a
                    class="newsletter-link"
                    href=href
                    target="_blank"
                    rel="noopener"
                    on:click=move |_| host.promotion(&article, &followed)
                >
                    {text.say_later(|t| t.sign_up)}
                </a>
            })
        }
    };
    view! {
        <section part="newsletter" class="newsletter">
            {heading(level).attr("class", "promotion-title").attr("dir", "auto").child(title)}
            {blurb.map(|blurb| view! { <p class="newsletter-text" dir="auto">{blurb}</p> })}
            {sign_up_with}
            <p part="newsletter-status" class="newsletter-status" role="status" aria-live="polite">
                {status}
            </p>
        </section>
    }
}

/// The sign-up form: a labelled e-mail field (the browser's own validation),
/// the consent text, and a button that is busy while the sign-up is under way.
/// The address is read from the field when the form is submitted and goes to
/// `action` only; after a failure it is still in the field.
#[component]
fn SignUpForm(
    action: String,
    consent: Option<String>,
    terms_url: Option<String>,
    privacy_url: Option<String>,
    article: Arc<model::Article>,
    timeout_ms: u32,
    text: Words,
    state: RwSignal<SignUp>,
    host: Host,
) -> impl IntoView {
    let field = NodeRef::<html::Input>::new();
    let submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        if state.get_untracked() == SignUp::Busy {
            return;
        }
        let Some(address) = field.get_untracked().map(|input| input.value()) else {
            return;
        };
        // `{"email", "article", "url"}`, serialized by the browser's JSON
        // (serde_json's serializer measured 5 KB more gzipped wasm for this one object).
        let body = sign_up_body(&address, article.id.as_deref(), article.url.as_deref());
        state.set(SignUp::Busy);
        let (action, article) = (action.clone(), article.clone());
        spawn_local(async move {
            let ok = sign_up(&action, body, timeout_ms).await;
            state.try_set(if ok { SignUp::Done } else { SignUp::Failed });
            host.subscribe(&article, ok);
        });
    };
    let busy = move || state.get() == SignUp::Busy;
    let consent = move || {
        let terms = terms_url.clone().map(|href| {
            view! { " "<a href=href target="_blank" rel="noopener">{text.say_later(|t| t.terms)}</a> }
        });
        let privacy = privacy_url.clone().map(|href| {
            view! { " "<a href=href target="_blank" rel="noopener">{text.say_later(|t| t.privacy)}</a> }
        });
        consent.clone().map(|consent| {
            view! { <p class="newsletter-consent" dir="auto">{consent}{terms}{privacy}</p> }
        })
    };
    // Once answered with 2xx, the form goes: the confirmation is the status
    // below it, shown and announced.
    view! {
        <Show when=move || state.get() != SignUp::Done>
            <form class="newsletter-form" on:submit=submit.clone()>
                <label class="newsletter-label" for="newsletter-email">
                    {text.say_later(|t| t.email_address)}
                </label>
                <input
                    part="newsletter-email"
                    id="newsletter-email"
                    class="newsletter-email"
                    type="email"
                    name="email"
                    autocomplete="email"
                    required
                    node_ref=field
                />
                {consent.clone()}
                <button
                    part="newsletter-submit"
                    class="newsletter-submit"
                    type="submit"
                    aria-busy=move || if busy() { "true" } else { "false" }
                    disabled=busy
                >
                    {text.say_later(|t| t.sign_up)}
                </button>
            </form>
        </Show>
    }
}

/// `part="promotion-group"`: a titled list of links, each to a new tab.
#[component]
fn PromotionGroup(
    group: Group,
    article: Arc<model::Article>,
    level: u8,
    host: Host,
) -> impl IntoView {
    let links = group
        .links
        .into_iter()
        .map(|link| {
            let followed = link.url.clone();
            let article = article.clone();
            view! {
                <li>
                    <a
                        href=link.url
                        target="_blank"
                        rel="noopener"
                        dir="auto"
                        on:click=move |_| host.promotion(&article, &followed)
                    >
                        {link.name}
                    </a>
                    {link.description.map(|d| view! { <span class="promotion-description" dir="auto">{d}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section part="promotion-group" class="promotion-group">
            {heading(level).attr("class", "promotion-title").attr("dir", "auto").child(group.title)}
            <ul class="promotion-links">{links}</ul>
        </section>
    }
}

/// The sign-up's JSON body (contract §7).
fn sign_up_body(email: &str, article: Option<&str>, url: Option<&str>) -> String {
    let object = js_sys::Object::new();
    let text = |value: Option<&str>| value.map_or(JsValue::NULL, JsValue::from_str);
    let _ = js_sys::Reflect::set(&object, &"email".into(), &email.into());
    let _ = js_sys::Reflect::set(&object, &"article".into(), &text(article));
    let _ = js_sys::Reflect::set(&object, &"url".into(), &text(url));
    js_sys::JSON::stringify(&object)
        .ok()
        .and_then(|json| json.as_string())
        .unwrap_or_default()
}
