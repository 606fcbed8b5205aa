//! When a shown article is checked again for a newer version (contract §8): the
//! interval the `live` attribute asks for, never shorter than the publisher's
//! `Cache-Control: max-age`, doubled after each failed check; never over an hour.

/// The longest wait between checks, whatever the attribute, the publisher or the
/// failures say.
pub const MAX_INTERVAL_S: u32 = 3600;

/// The `max-age` of a `Cache-Control` header, in seconds, at most
/// [`MAX_INTERVAL_S`]; `None` when there is none that reads as a whole number of
/// seconds (negative, fractional, or not a number). `s-maxage` is the CDN's.
pub fn max_age(cache_control: &str) -> Option<u32> {
    cache_control.split(',').find_map(|directive| {
        let (name, value) = directive.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("max-age") {
            return None;
        }
        let value = value.trim().trim_matches('"');
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Any number of digits: past u32, it is more than an hour all the same.
        Some(
            value
                .parse::<u32>()
                .map_or(MAX_INTERVAL_S, |s| s.min(MAX_INTERVAL_S)),
        )
    })
}

/// Seconds until the next check: `live_s` (the shortest any widget asks for),
/// no sooner than `max_age` allows, twice as long for each failure in a row.
pub fn next_check_s(live_s: u32, max_age: Option<u32>, failures: u32) -> u32 {
    let interval = live_s.max(max_age.unwrap_or(0)).min(MAX_INTERVAL_S);
    interval
        .saturating_mul(1u32.checked_shl(failures).unwrap_or(u32::MAX))
        .min(MAX_INTERVAL_S)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_reads_the_directive_in_any_case_and_position() {
        assert_eq!(max_age("max-age=600"), Some(600));
        assert_eq!(max_age("public, MAX-AGE = 120, must-revalidate"), Some(120));
        assert_eq!(max_age("s-maxage=900, max-age=\"60\""), Some(60));
        assert_eq!(max_age("no-cache"), None);
        assert_eq!(max_age(""), None);
    }

    #[test]
    fn max_age_of_zero_negative_or_absurd_is_bounded() {
        assert_eq!(max_age("max-age=0"), Some(0));
        assert_eq!(max_age("max-age=-5"), None);
        assert_eq!(max_age("max-age=1.5"), None);
        assert_eq!(max_age("max-age=soon"), None);
        assert_eq!(max_age("max-age="), None);
        assert_eq!(max_age("max-age=86400"), Some(3600));
        assert_eq!(max_age("max-age=99999999999999999999999"), Some(3600));
    }

    #[test]
    fn the_publisher_slows_every_copy_down_and_failures_back_off() {
        assert_eq!(next_check_s(300, None, 0), 300);
        assert_eq!(next_check_s(10, Some(0), 0), 10);
        assert_eq!(next_check_s(10, Some(600), 0), 600);
        assert_eq!(next_check_s(600, Some(60), 0), 600);
        assert_eq!(next_check_s(300, None, 1), 600);
        assert_eq!(next_check_s(300, None, 2), 1200);
        assert_eq!(next_check_s(300, None, 4), 3600);
        assert_eq!(next_check_s(10, None, 40), 3600);
        assert_eq!(next_check_s(3600, Some(3600), 1), 3600);
        // The first success restores the interval.
        assert_eq!(next_check_s(10, None, 0), 10);
    }
}
