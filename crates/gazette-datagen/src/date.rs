//! Dates for the generator: reading the source's `YYYY-MM-DD` and writing RFC 3339, on
//! gazette-core's calendar arithmetic (the same the widget reads the output with).

use gazette_core::address::day_start;
use gazette_core::Timestamp;

/// Reads a calendar date `YYYY-MM-DD` (exactly that; a longer string is refused) as days since
/// 1970-01-01. `None` for anything else, including impossible dates like `2022-02-30` and years
/// before 1.
pub fn parse_ymd(s: &str) -> Option<i64> {
    if s.starts_with("0000") {
        return None;
    }
    day_start(s).map(|t| t.0.div_euclid(86_400))
}

/// Writes `day` (days since 1970-01-01) at `minute` of the day as RFC 3339 UTC, e.g.
/// `2022-09-23T14:05:00Z`, into `out` (cleared first).
pub fn write_rfc3339(out: &mut String, day: i64, minute: u32) {
    out.clear();
    out.push_str(&Timestamp(day * 86_400 + i64::from(minute) * 60).to_rfc3339());
}

#[cfg(test)]
mod tests {
    use super::*;
    use gazette_core::date::days_from_civil;

    #[test]
    fn known_values() {
        assert_eq!(parse_ymd("1970-01-01"), Some(0));
        assert_eq!(parse_ymd("2022-09-23"), Some(19_258));
        let mut s = String::new();
        write_rfc3339(&mut s, 19_258, 14 * 60 + 5);
        assert_eq!(s, "2022-09-23T14:05:00Z");
        write_rfc3339(&mut s, days_from_civil(2000, 2, 29), 0);
        assert_eq!(s, "2000-02-29T00:00:00Z");
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "",
            "2022-9-23",
            "2022-02-30",
            "2021-13-01",
            "2022-09-23T10:00:00Z",
            "20a2-09-23",
            "+022-09-23",
            "0000-01-01",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
        assert!(parse_ymd("2020-02-29").is_some());
    }
}
