//! The browser's `Intl`, called so that a bad locale or a missing API can never
//! throw through WebAssembly: every call goes through `Reflect` and returns an
//! `Option`, and a locale the browser refuses falls back to English.

use js_sys::{Array, Date, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::article::RelativeTime;

/// `new Intl[name](lang, options)`.
fn construct(name: &str, lang: &str, options: &[(&str, &str)]) -> Option<JsValue> {
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
