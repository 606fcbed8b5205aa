//! The browser's `Intl`, called so that a bad locale or a missing API can never
//! throw through WebAssembly: every call goes through `Reflect` and returns an
//! `Option`, and a locale the browser refuses falls back to English.

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::article::RelativeTime;

thread_local! {
    /// Formatters already made, by kind and language: making one is slow (about a
    /// millisecond each), and fifty widgets need the same few.
    static MADE: RefCell<Vec<(&'static str, String, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// `new Intl[name](lang, options)`, made once per page for each `name` and `lang`
/// (each `name` is always made with the same options).
fn construct(name: &'static str, lang: &str, options: &[(&str, &str)]) -> Option<JsValue> {
    let made = MADE.with_borrow(|made| {
        made.iter()
            .find(|(n, l, _)| *n == name && l == lang)
            .map(|(_, _, formatter)| formatter.clone())
    });
    if made.is_some() {
        return made;
    }
    let formatter = make(name, lang, options)?;
    MADE.with_borrow_mut(|made| made.push((name, lang.to_owned(), formatter.clone())));
    Some(formatter)
}

fn make(name: &str, lang: &str, options: &[(&str, &str)]) -> Option<JsValue> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &name.into()).ok()?.dyn_into().ok()?;
    let options_object = Object::new();
    for (key, value) in options {
        Reflect::set(&options_object, &(*key).into(), &(*value).into()).ok()?;
    }
    let args = Array::of2(&lang.into(), &options_object);
    Reflect::construct(&constructor, &args)
        .or_else(|_| Reflect::construct(&constructor, &Array::of2(&"en".into(), &options_object)))
        .ok()
}

/// `formatter[method](...args)` as a string.
fn call(formatter: &JsValue, method: &str, args: &[JsValue]) -> Option<String> {
    let function: Function = Reflect::get(formatter, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let args: Array = args.iter().collect();
    Reflect::apply(&function, formatter, &args)
        .ok()?
        .as_string()
}

/// "Oct 14, 2014, 9:30 AM" in the reader's time zone and `lang`.
pub fn format_date_time(epoch_ms: i64, lang: &str) -> Option<String> {
    let format = construct(
        "DateTimeFormat",
        lang,
        &[("dateStyle", "medium"), ("timeStyle", "short")],
    )?;
    call(
        &format,
        "format",
        &[Date::new(&JsValue::from_f64(epoch_ms as f64)).into()],
    )
}

/// "3 hours ago", "yesterday".
pub fn format_relative(relative: RelativeTime, lang: &str) -> Option<String> {
    let format = construct("RelativeTimeFormat", lang, &[("numeric", "auto")])?;
    call(
        &format,
        "format",
        &[
            JsValue::from_f64(relative.value as f64),
            relative.unit.into(),
        ],
    )
}

/// The number as the reader writes it ("2", "٢").
pub fn format_number(n: u32, lang: &str) -> String {
    construct("NumberFormat", lang, &[])
        .and_then(|format| call(&format, "format", &[JsValue::from(n)]))
        .unwrap_or_else(|| n.to_string())
}

/// The CLDR plural category of `n` in `lang` ("one", "few", …).
pub fn plural_category(n: u32, lang: &str) -> String {
    construct("PluralRules", lang, &[])
        .and_then(|rules| call(&rules, "select", &[JsValue::from(n)]))
        .unwrap_or_else(|| if n == 1 { "one" } else { "other" }.to_owned())
}
