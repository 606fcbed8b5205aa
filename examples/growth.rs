//! The core's reading cost per shape of document (issue 22): milliseconds per
//! megabyte at 100 KB, 1 MB and 2 MB, natively. A benchmark, not a test (the
//! growth test asserts the linearity):
//!   cargo run --profile measure --example growth
#[path = "../tests/shapes/mod.rs"]
mod shapes;

use std::time::Instant;

use article_widget::article::read_article;

fn main() {
    println!(
        "{:<42} {:>10} {:>10} {:>10}   result at 2 MB",
        "shape", "100 KB", "1 MB", "2 MB"
    );
    for (name, build) in shapes::SHAPES {
        let mut row = format!("{name:<42}");
        let mut result = String::new();
        for bytes in [100_000, 1_000_000, 2_000_000] {
            let document = shapes::document(*build, bytes);
            let best = (0..5)
                .map(|_| {
                    let start = Instant::now();
                    let read = read_article(&document, "https://n.example/article.json");
                    let elapsed = start.elapsed().as_secs_f64();
                    result = match read {
                        Ok(article) => format!("{} blocks", article.body.len()),
                        Err(error) => format!("error: {error}"),
                    };
                    elapsed
                })
                .fold(f64::INFINITY, f64::min);
            let per_mb = best * 1e3 / (document.len() as f64 / 1e6);
            row.push_str(&format!(" {per_mb:>7.1} ms"));
        }
        println!("{row}   {result}");
    }
}
