//! The core's reading time per byte, for each shape of document (tests/shapes)
//! at 10 KB, 100 KB, 1 MB and 2 MB, natively: the figures behind the growth
//! test, which asserts linearity on counts of the work instead
//! (`tests/growth.rs`). Each figure is the best of five reads.
//!   cargo run --profile measure --example growth
#[path = "../tests/shapes/mod.rs"]
mod shapes;

use std::time::Instant;

use article_widget::article::read_article;

const SIZES: [usize; 4] = [10_000, 100_000, 1_000_000, 2_000_000];

fn main() {
    println!(
        "{:<42} {:>9} {:>9} {:>9} {:>9}   result at 2 MB",
        "nanoseconds per byte", "10 KB", "100 KB", "1 MB", "2 MB"
    );
    for (name, build) in shapes::SHAPES {
        let mut row = format!("{name:<42}");
        let mut result = String::new();
        for bytes in SIZES {
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
            let per_byte = best * 1e9 / document.len() as f64;
            row.push_str(&format!(" {per_byte:>9.2}"));
        }
        println!("{row}   {result}");
    }
}
