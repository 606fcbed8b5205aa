//! The browser's `Intl`, called so that a bad locale or a missing API can never
//! throw through WebAssembly: every call goes through `Reflect` and returns a `Result`.

use js_sys::{Array, Date, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

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

/// "14 Oct 2014, 8:30 pm" in the reader's time zone and `lang`.
pub fn format_date_time(epoch_ms: i64, lang: &str) -> Option<String> {
    let format = construct(
        "DateTimeFormat",
        lang,
        &[("dateStyle", "medium"), ("timeStyle", "short")],
    )?;
    let date = Date::new(&JsValue::from_f64(epoch_ms as f64));
    let format_fn: Function = Reflect::get(&format, &"format".into())
        .ok()?
        .dyn_into()
        .ok()?;
    format_fn.call1(&format, &date).ok()?.as_string()
}
