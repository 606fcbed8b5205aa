//! Contract §3: words of the standfirst and body, 230 words a minute, rounded up,
//! at least one minute. Chinese, Japanese and Korean characters are read one by
//! one at 500 a minute, so a CJK article is not "1 min read" for ever.

pub const WORDS_PER_MINUTE: u64 = 230;
pub const CJK_CHARACTERS_PER_MINUTE: u64 = 500;

/// What there is to read: words, and CJK characters (which are not words).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ReadingLoad {
    pub words: u64,
    pub cjk_characters: u64,
}

/// Han (with extensions and compatibility ideographs), kana and Hangul syllables.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

pub fn reading_load<'a>(texts: impl IntoIterator<Item = &'a str>) -> ReadingLoad {
    let mut load = ReadingLoad::default();
    for text in texts {
        super::work::bytes(text.len());
        let mut in_word = false;
        for c in text.chars() {
            if is_cjk(c) {
                load.cjk_characters += 1;
                in_word = false;
            } else if c.is_whitespace() {
                in_word = false;
            } else if !in_word {
                load.words += 1;
                in_word = true;
            }
        }
    }
    load
}

pub fn reading_time_minutes(load: ReadingLoad) -> u32 {
    // Exact arithmetic in units of 1 / (230 × 500) of a minute, rounded up.
    let per_minute = WORDS_PER_MINUTE * CJK_CHARACTERS_PER_MINUTE;
    let units = load
        .words
        .saturating_mul(CJK_CHARACTERS_PER_MINUTE)
        .saturating_add(load.cjk_characters.saturating_mul(WORDS_PER_MINUTE));
    u32::try_from(units.div_ceil(per_minute).max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(words: u64) -> ReadingLoad {
        ReadingLoad {
            words,
            cjk_characters: 0,
        }
    }

    #[test]
    fn rounds_up_with_a_one_minute_floor() {
        assert_eq!(reading_time_minutes(words(0)), 1);
        assert_eq!(reading_time_minutes(words(1)), 1);
        assert_eq!(reading_time_minutes(words(230)), 1);
        assert_eq!(reading_time_minutes(words(231)), 2);
        assert_eq!(reading_time_minutes(words(460)), 2);
        assert_eq!(reading_time_minutes(words(461)), 3);
    }

    #[test]
    fn counts_whitespace_separated_words_across_texts() {
        assert_eq!(reading_load(["one two", "  three\n\tfour ", ""]), words(4));
    }

    #[test]
    fn counts_cjk_characters_at_500_a_minute() {
        let chinese = "美国和俄罗斯同意加强情报共享。";
        assert_eq!(
            reading_load([chinese]),
            ReadingLoad {
                words: 1,
                cjk_characters: 14
            }
        );
        let cjk = |n: u64| ReadingLoad {
            words: 0,
            cjk_characters: n,
        };
        assert_eq!(reading_time_minutes(cjk(500)), 1);
        assert_eq!(reading_time_minutes(cjk(501)), 2);
        assert_eq!(reading_time_minutes(cjk(1_000)), 2);
        // Half a minute of each is one minute.
        assert_eq!(
            reading_time_minutes(ReadingLoad {
                words: 115,
                cjk_characters: 250
            }),
            1
        );
        assert_eq!(
            reading_time_minutes(ReadingLoad {
                words: 116,
                cjk_characters: 250
            }),
            2
        );
    }

    #[test]
    fn mixed_scripts_split_at_cjk_characters() {
        assert_eq!(
            reading_load(["iPhone新品"]),
            ReadingLoad {
                words: 1,
                cjk_characters: 2
            }
        );
        assert_eq!(
            reading_load(["東京 Tokyo とうきょう"]),
            ReadingLoad {
                words: 1,
                cjk_characters: 7
            }
        );
        assert_eq!(
            reading_load(["한국어 문장"]),
            ReadingLoad {
                words: 0,
                cjk_characters: 5
            }
        );
    }
}
