//! Minifies style/widget.css and style/pieces.css into OUT_DIR for
//! `include_str!`: the stylesheets ship inside the .wasm, so their comments (the
//! partner documentation at the top) and indentation would cost every reader.
//! Safe by construction for these stylesheets
//! (no strings hold `:` or `,`): only comments are removed, white space
//! collapsed, and spaces dropped next to `{`, `}`, `;`, after `:` and `,`, and
//! before `!`.

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    without_comments.push_str(rest);
    let collapsed = without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(collapsed.len());
    for c in collapsed.chars() {
        if matches!(c, '{' | '}' | ';' | '!') && out.ends_with(' ') {
            out.pop();
        }
        if c == ' ' && matches!(out.chars().last(), Some('{' | '}' | ';' | ':' | ',')) {
            continue;
        }
        out.push(c);
    }
    out
}

fn main() {
    println!("cargo::rerun-if-changed=style/widget.css");
    println!("cargo::rerun-if-changed=style/pieces.css");
    // wasm-split reads the linker's relocations to move code into the pieces.
    if env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
    {
        println!("cargo::rustc-link-arg-cdylib=--emit-relocs");
    }
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    for name in ["widget", "pieces"] {
        let css = fs::read_to_string(format!("style/{name}.css")).expect("a stylesheet");
        fs::write(
            Path::new(&out).join(format!("{name}.min.css")),
            minify(&css),
        )
        .expect("write the minified stylesheet");
    }
}
