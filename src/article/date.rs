//! RFC 3339 timestamps. Small enough to write out (a date crate would cost more
//! wasm than the whole parser); formatting for the reader is the browser's job
//! (`Intl.DateTimeFormat`), so only parsing and validation live here.

/// A validated instant: the original RFC 3339 text (for `<time datetime>`) and the
/// milliseconds since the Unix epoch (for formatting and comparison).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    pub rfc3339: String,
    pub epoch_ms: i64,
}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `None` for anything else,
    /// including impossible dates such as February 30th.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let text = text.trim();
        let b = text.as_bytes();
        if b.len() < 20 || !b.is_ascii() {
            return None;
        }
        let year = digits(b, 0, 4)?;
        let month = digits(b, 5, 2)?;
        let day = digits(b, 8, 2)?;
        let hour = digits(b, 11, 2)?;
        let minute = digits(b, 14, 2)?;
        let second = digits(b, 17, 2)?;
        let separators_ok = b[4] == b'-'
            && b[7] == b'-'
            && matches!(b[10], b'T' | b't' | b' ')
            && b[13] == b':'
            && b[16] == b':';
        if !separators_ok
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        // Optional fraction: milliseconds are kept, finer digits ignored.
        let mut i = 19;
        let mut millis = 0;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                if i - start < 3 {
                    millis = millis * 10 + i64::from(b[i] - b'0');
                }
                i += 1;
            }
            if i == start {
                return None;
            }
            for _ in (i - start)..3 {
                millis *= 10;
            }
        }
        let offset_minutes = match &b[i..] {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
                let hours = digits(b, i + 1, 2)?;
                let minutes = digits(b, i + 4, 2)?;
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let offset = hours * 60 + minutes;
                if *sign == b'-' {
                    -offset
                } else {
                    offset
                }
            }
            _ => return None,
        };
        let days = days_from_civil(year, month, day);
        let seconds =
            days * 86_400 + hour * 3_600 + minute * 60 + second.min(59) - offset_minutes * 60;
        Some(Timestamp {
            rfc3339: text.to_owned(),
            epoch_ms: seconds * 1_000 + millis,
        })
    }
}

/// "3 hours ago", as a value and an `Intl.RelativeTimeFormat` unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelativeTime {
    pub value: i64,
    pub unit: &'static str,
}

/// How long ago `epoch_ms` was, at `now_ms`, when it was recent (under a week
/// either way); older dates are shown absolute.
pub fn relative_time(epoch_ms: i64, now_ms: i64) -> Option<RelativeTime> {
    const SECOND: i64 = 1_000;
    const MINUTE: i64 = 60 * SECOND;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    let diff = epoch_ms.checked_sub(now_ms)?;
    let (size, unit) = match diff.unsigned_abs() {
        d if d < MINUTE as u64 => (SECOND, "second"),
        d if d < HOUR as u64 => (MINUTE, "minute"),
        d if d < DAY as u64 => (HOUR, "hour"),
        d if d < 7 * DAY as u64 => (DAY, "day"),
        _ => return None,
    };
    // Truncate towards zero: 119 minutes ago is "1 hour ago", as people say it.
    Some(RelativeTime {
        value: diff / size,
        unit,
    })
}

impl Timestamp {
    /// For publishers' formats: RFC 3339, an offset without its colon (`+0100`),
    /// or a date and time without a time zone (`2024-05-01T10:00:00`, also with a
    /// space or without seconds), or a bare date (`2024-05-01`), read as UTC.
    pub fn parse_lenient(text: &str) -> Option<Timestamp> {
        let text = text.trim();
        let basic_offset = text.len() > 5
            && text.is_char_boundary(text.len() - 5)
            && matches!(text.as_bytes()[text.len() - 5], b'+' | b'-')
            && text.as_bytes()[text.len() - 4..]
                .iter()
                .all(u8::is_ascii_digit);
        if basic_offset {
            let (head, minutes) = text.split_at(text.len() - 2);
            if let Some(t) = Timestamp::parse(&[head, ":", minutes].concat()) {
                return Some(t);
            }
        }
        ["", "Z", ":00Z", "T00:00:00Z"]
            .into_iter()
            .find_map(|suffix| Timestamp::parse(&[text, suffix].concat()))
    }
}

fn digits(b: &[u8], start: usize, len: usize) -> Option<i64> {
    let slice = b.get(start..start + len)?;
    slice.iter().try_fold(0i64, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::Timestamp;

    fn ms(text: &str) -> Option<i64> {
        Timestamp::parse(text).map(|t| t.epoch_ms)
    }

    #[test]
    fn parses_utc_and_offsets_to_the_same_instant() {
        assert_eq!(ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(ms("2014-10-14T09:30:00Z"), Some(1_413_279_000_000));
        assert_eq!(ms("2014-10-14T11:30:00+02:00"), Some(1_413_279_000_000));
        assert_eq!(ms("2014-10-14T04:00:00-05:30"), Some(1_413_279_000_000));
        assert_eq!(ms("2014-10-14t09:30:00z"), Some(1_413_279_000_000));
    }

    #[test]
    fn keeps_milliseconds_and_ignores_finer_digits() {
        assert_eq!(ms("1970-01-01T00:00:01.5Z"), Some(1_500));
        assert_eq!(ms("1970-01-01T00:00:01.123456Z"), Some(1_123));
        assert_eq!(ms("1970-01-01T00:00:01.Z"), None);
    }

    #[test]
    fn handles_leap_years_and_dates_before_1970() {
        assert_eq!(ms("2000-02-29T00:00:00Z"), Some(951_782_400_000));
        assert_eq!(ms("1969-12-31T23:59:59Z"), Some(-1_000));
        assert_eq!(ms("1900-02-29T00:00:00Z"), None);
        assert_eq!(ms("2023-02-29T00:00:00Z"), None);
    }

    #[test]
    fn rejects_what_is_not_rfc_3339() {
        for bad in [
            "",
            "yesterday",
            "2014-10-14",
            "2014-10-14T09:30:00",
            "2014-13-01T00:00:00Z",
            "2014-04-31T00:00:00Z",
            "2014-10-14T24:00:00Z",
            "2014-10-14T09:60:00Z",
            "2014-10-14T09:30:00+2:00",
            "2014-10-14T09:30:00+24:00",
            "2014/10/14T09:30:00Z",
            "2014-10-14T09:30:00Zjunk",
            "２０14-10-14T09:30:00Z",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn recent_times_are_relative_and_older_ones_are_not() {
        use super::{relative_time, RelativeTime};
        let now = 1_700_000_000_000;
        let ago = |ms: i64| relative_time(now - ms, now);
        assert_eq!(
            ago(5_000),
            Some(RelativeTime {
                value: -5,
                unit: "second"
            })
        );
        assert_eq!(
            ago(90_000),
            Some(RelativeTime {
                value: -1,
                unit: "minute"
            })
        );
        assert_eq!(
            ago(3 * 3_600_000 + 59_000),
            Some(RelativeTime {
                value: -3,
                unit: "hour"
            })
        );
        assert_eq!(
            ago(36 * 3_600_000),
            Some(RelativeTime {
                value: -1,
                unit: "day"
            })
        );
        assert_eq!(
            ago(6 * 86_400_000),
            Some(RelativeTime {
                value: -6,
                unit: "day"
            })
        );
        assert_eq!(ago(7 * 86_400_000), None);
        assert_eq!(
            relative_time(now + 120_000, now),
            Some(RelativeTime {
                value: 2,
                unit: "minute"
            })
        );
        assert_eq!(relative_time(i64::MIN, now), None);
    }

    #[test]
    fn publishers_dates_without_a_time_zone_are_utc() {
        let utc = Timestamp::parse("2014-10-14T09:30:00Z").map(|t| t.epoch_ms);
        assert_eq!(
            Timestamp::parse_lenient("2014-10-14T09:30:00").map(|t| t.epoch_ms),
            utc
        );
        assert_eq!(
            Timestamp::parse_lenient("2014-10-14 09:30:00").map(|t| t.epoch_ms),
            utc
        );
        assert_eq!(
            Timestamp::parse_lenient("2014-10-14").map(|t| t.rfc3339),
            Some("2014-10-14T00:00:00Z".to_owned())
        );
        assert_eq!(
            Timestamp::parse_lenient("2014-10-14T11:30:00+02:00").map(|t| t.epoch_ms),
            utc
        );
        assert_eq!(
            Timestamp::parse_lenient("2014-10-14T10:30:00+0100").map(|t| t.epoch_ms),
            utc
        );
        assert_eq!(
            Timestamp::parse_lenient("2014-10-14T09:30").map(|t| t.epoch_ms),
            utc
        );
        assert_eq!(Timestamp::parse_lenient("14/10/2014"), None);
        assert_eq!(Timestamp::parse_lenient("2014-10-14T10:30:00+01"), None);
        assert_eq!(
            Timestamp::parse("2014-10-14T09:30:00"),
            None,
            "the native format stays strict"
        );
    }

    #[test]
    fn keeps_the_original_text_for_the_datetime_attribute() {
        let t = Timestamp::parse(" 2014-10-14T11:05:00+00:00 ").expect("valid");
        assert_eq!(t.rfc3339, "2014-10-14T11:05:00+00:00");
    }
}
