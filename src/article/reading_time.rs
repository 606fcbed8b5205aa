//! Contract §3: words of the standfirst and body, 230 words a minute, rounded up,
//! at least one minute.

pub const WORDS_PER_MINUTE: usize = 230;

pub fn count_words<'a>(texts: impl IntoIterator<Item = &'a str>) -> usize {
    texts
        .into_iter()
        .map(|text| text.split_whitespace().count())
        .sum()
}

pub fn reading_time_minutes(words: usize) -> u32 {
    let minutes = words.div_ceil(WORDS_PER_MINUTE).max(1);
    u32::try_from(minutes).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_up_with_a_one_minute_floor() {
        assert_eq!(reading_time_minutes(0), 1);
        assert_eq!(reading_time_minutes(1), 1);
        assert_eq!(reading_time_minutes(230), 1);
        assert_eq!(reading_time_minutes(231), 2);
        assert_eq!(reading_time_minutes(460), 2);
        assert_eq!(reading_time_minutes(461), 3);
    }

    #[test]
    fn counts_whitespace_separated_words_across_texts() {
        assert_eq!(count_words(["one two", "  three\n\tfour ", ""]), 4);
    }
}
