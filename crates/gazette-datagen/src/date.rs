//! Calendar arithmetic on whole days since 1970-01-01, enough to read `YYYY-MM-DD`, move it, and
//! write RFC 3339. Howard Hinnant's `days_from_civil` and its inverse, proleptic Gregorian.

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The `(year, month, day)` of a count of days since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads a calendar date `YYYY-MM-DD` (exactly that; a longer string is refused) as days since
/// 1970-01-01. `None` for anything else, including impossible dates like `2022-02-30`.
pub fn parse_ymd(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let y = i64::from(y);
    if y < 1 || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Writes `day` (days since 1970-01-01) at `minute` of the day as RFC 3339 UTC, e.g.
/// `2022-09-23T14:05:00Z`, into `out` (cleared first).
pub fn write_rfc3339(out: &mut String, day: i64, minute: u32) {
    use std::fmt::Write;
    let (y, m, d) = civil_from_days(day);
    out.clear();
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00Z",
        minute / 60,
        minute % 60
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_values() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(parse_ymd("2022-09-23"), Some(19_258));
        for z in [-800_000, -1, 0, 59, 10_957, 19_258, 2_932_896] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
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
