// Prints what the core reads from a document: `cargo run --example dump FILE [URL]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), url) = (args.next(), args.next()) else {
        eprintln!("usage: dump FILE [DOCUMENT_URL]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    let url = url.unwrap_or_else(|| "https://example.com/article.json".to_owned());
    match article_widget::article::read_article(&bytes, &url) {
        Ok(article) => println!("{article:#?}"),
        Err(error) => println!("{}: {error}", error.kind()),
    }
}
