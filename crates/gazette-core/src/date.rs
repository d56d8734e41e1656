//! Dates: parsing the timestamps feeds carry, civil-calendar arithmetic, and the relative form
//! ("3 days ago") a card shows.
//!
//! Feeds promise RFC 3339 and often deliver something near it: a space instead of `T`, no
//! seconds, no offset, an RFC 2822 date from an RSS habit, or a bare calendar date. Repairing those
//! needs a lenient parser of our own (a strict crate parser would reject them all), and the
//! calendar arithmetic is a few lines of Howard Hinnant's well-known `days_from_civil`, so this
//! module carries no dependency. Formatting for people is left to the browser's `Intl`.

use std::fmt;

/// A moment in time: whole seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The stand-in date of a story whose feed gave no usable date: 0001-01-01T00:00:00Z, earlier
    /// than any real story, so such stories sort last when the newest come first. (It is also the
    /// "zero time" some feed generators write when they have no date, which means the same.)
    /// Use [`Timestamp::is_undated`] rather than comparing with it.
    pub const UNDATED: Timestamp = Timestamp(-62_135_596_800);

    /// True for [`Timestamp::UNDATED`] (and anything earlier, which no real story has).
    pub fn is_undated(self) -> bool {
        self.0 <= Self::UNDATED.0
    }

    /// Milliseconds since the epoch, as JavaScript's `Date` counts them.
    pub fn as_millis(self) -> f64 {
        self.0 as f64 * 1000.0
    }

    /// The timestamp for JavaScript's millisecond count (fractions are dropped).
    pub fn from_millis(ms: f64) -> Self {
        Timestamp((ms / 1000.0).floor() as i64)
    }

    /// The calendar year in UTC; that of [`Timestamp::UNDATED`] for any undated one (a feed's
    /// "0000-01-01" is undated, and its year is no year of its own).
    pub fn year(self) -> i32 {
        civil_from_days(self.0.max(Self::UNDATED.0).div_euclid(86_400)).0
    }

    /// True for a calendar day without a time of day: a bare date (`2023-07-01`), or a time of
    /// exactly midnight UTC, as feeds that know only the day write it. It is that day wherever
    /// the reader is.
    pub fn is_day_only(self) -> bool {
        !self.is_undated() && self.0.rem_euclid(86_400) == 0
    }

    /// The reader's wall-clock time written as if it were UTC, for a calendar `offset` seconds
    /// east of UTC: its UTC year and day are the reader's. Undated stays undated, and a
    /// [day-only](Timestamp::is_day_only) date stays its day.
    pub fn on_calendar(self, offset: i64) -> Timestamp {
        if self.is_undated() || self.is_day_only() {
            self
        } else {
            Timestamp(self.0 + offset)
        }
    }

    /// The instant in RFC 3339 form, in UTC (`2023-06-30T21:34:00Z`), as a `<time datetime>`
    /// attribute wants it.
    pub fn to_rfc3339(self) -> String {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

/// How a date string was understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateQuality {
    /// Valid RFC 3339, as the format asks.
    Exact,
    /// Understood, but not RFC 3339; the reason says what was assumed.
    Repaired(&'static str),
}

/// Why a date string could not be understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Parses a publication date.
///
/// Accepted, in order: RFC 3339 (`2023-07-01T05:34:00+08:00`, fractions ignored), the same with
/// a space for `T`, lower-case letters, no seconds, or no offset (taken as UTC); a bare date
/// `2023-07-01` (midnight UTC, which is [that day](Timestamp::is_day_only) for every reader);
/// RFC 2822 (`Sat, 01 Jul 2023 05:34:00 +0800`, with `GMT`, `UT`, the North American and some
/// other common zone names, or no zone), also in lower case and with
/// Portuguese, Spanish, French, German, Italian or Dutch day and month names (`Seg, 24 Set 2018
/// 19:42:40 -0300`). Anything else is an error saying what was seen.
pub fn parse_date(input: &str) -> Result<(Timestamp, DateQuality), DateError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(DateError("the date is empty".into()));
    }
    if s.as_bytes()[0].is_ascii_digit() {
        if let Some(r) = parse_iso(s) {
            return r;
        }
    }
    if let Some((ts, why)) = parse_rfc2822(s) {
        return Ok((ts, DateQuality::Repaired(why)));
    }
    Err(DateError(format!("“{}” is not a date", shorten(s, 40))))
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// A cursor over ASCII bytes for the small parsers below.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor {
            b: s.as_bytes(),
            i: 0,
        }
    }
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn digits(&mut self, n: usize) -> Option<i64> {
        let end = self.i.checked_add(n)?;
        let slice = self.b.get(self.i..end)?;
        let mut v = 0i64;
        for &d in slice {
            if !d.is_ascii_digit() {
                return None;
            }
            v = v * 10 + i64::from(d - b'0');
        }
        self.i = end;
        Some(v)
    }
    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.i += 1;
        }
    }
    fn done(&self) -> bool {
        self.i >= self.b.len()
    }
}

/// `Some(result)` when the string is shaped like an ISO date; `None` to let other forms try.
fn parse_iso(s: &str) -> Option<Result<(Timestamp, DateQuality), DateError>> {
    let mut c = Cursor::new(s);
    let year = c.digits(4)?;
    if !c.eat(b'-') {
        return None;
    }
    let month = c.digits(2)?;
    if !c.eat(b'-') {
        return None;
    }
    let day = c.digits(2)?;
    let bad = |what: &str| Some(Err(DateError(format!("“{}” has {what}", shorten(s, 40)))));
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return bad("no such calendar day");
    }
    let date_days = days_from_civil(year, month, day);
    if c.done() {
        return Some(Ok((
            Timestamp(date_days * 86_400),
            DateQuality::Repaired("a date without a time (shown as that day to every reader)"),
        )));
    }
    let mut repaired: Option<&'static str> = None;
    match c.peek() {
        Some(b'T') => c.i += 1,
        Some(b't') | Some(b' ') => {
            c.i += 1;
            repaired = Some("a date with a non-standard separator");
        }
        _ => return bad("text after the date"),
    }
    let Some(hour) = c.digits(2) else {
        return bad("no valid time");
    };
    if !c.eat(b':') {
        return bad("no valid time");
    }
    let Some(minute) = c.digits(2) else {
        return bad("no valid time");
    };
    let mut second = 0;
    if c.eat(b':') {
        let Some(sec) = c.digits(2) else {
            return bad("no valid seconds");
        };
        second = sec;
        if c.eat(b'.') || c.eat(b',') {
            let start = c.i;
            while c.peek().is_some_and(|d| d.is_ascii_digit()) {
                c.i += 1;
            }
            if c.i == start {
                return bad("an empty fraction of a second");
            }
        }
    } else {
        repaired = repaired.or(Some("a time without seconds"));
    }
    if hour > 23 || minute > 59 || second > 60 {
        return bad("a time out of range");
    }
    let second = second.min(59); // a leap second counts as the one before it
    c.skip_spaces();
    let offset_minutes = match c.peek() {
        None => {
            repaired = Some("a time without a UTC offset (UTC assumed)");
            0
        }
        Some(b'Z') | Some(b'z') => {
            c.i += 1;
            0
        }
        Some(sign @ (b'+' | b'-')) => {
            c.i += 1;
            let Some(oh) = c.digits(2) else {
                return bad("a malformed UTC offset");
            };
            c.eat(b':');
            let om = c.digits(2).unwrap_or(0);
            if oh > 23 || om > 59 {
                return bad("a UTC offset out of range");
            }
            let m = oh * 60 + om;
            if sign == b'-' {
                -m
            } else {
                m
            }
        }
        Some(_) => return bad("text after the time"),
    };
    if !c.done() {
        return bad("text after the time");
    }
    let secs = date_days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    let quality = repaired.map_or(DateQuality::Exact, DateQuality::Repaired);
    Some(Ok((Timestamp(secs), quality)))
}

/// The reason [`parse_date`] gives for a well-formed RFC 2822 date, the format RSS asks for: a
/// reader of RSS compares with it to tell the expected form from a repair.
pub const RFC_2822: &str = "an RFC 2822 date";

/// Month names by their first three letters (lower case), in English and in the languages whose
/// feeds are known to write localised RFC 2822 dates: Portuguese, Spanish, French, German, Italian
/// and Dutch. No three-letter start means one month in one language and another in another, so
/// the table needs no language. French "juin"/"juillet" share "jui" and are told apart by their
/// fourth letter.
const MONTH_STARTS: &[(&str, u8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // Portuguese, Spanish, Italian
    ("fev", 2),
    ("abr", 4),
    ("mai", 5),
    ("ago", 8),
    ("set", 9),
    ("out", 10),
    ("dez", 12),
    ("ene", 1),
    ("dic", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("ott", 10),
    // French
    ("fév", 2),
    ("avr", 4),
    ("aoû", 8),
    ("aou", 8),
    ("déc", 12),
    // German, Dutch
    ("mär", 3),
    ("mrz", 3),
    ("okt", 10),
    ("maa", 3),
    ("mei", 5),
    ("mrt", 3),
];

/// The month a name or abbreviation stands for, and whether it is English.
fn month_number(token: &str) -> Option<(i64, bool)> {
    let lower: String = token.trim_end_matches('.').to_lowercase();
    let mut chars = lower.chars();
    let start: String = chars.by_ref().take(3).collect();
    if start == "jui" {
        // French: juin, juillet.
        return match chars.next() {
            Some('n') => Some((6, false)),
            Some('l') => Some((7, false)),
            _ => None,
        };
    }
    let i = MONTH_STARTS.iter().position(|(m, _)| *m == start)?;
    Some((i64::from(MONTH_STARTS[i].1), i < 12))
}

/// An RFC 2822 date, and the reason to give for it ([`RFC_2822`] when it is well formed).
/// Lenient where the meaning stays clear: any case, a localised day or month name, no seconds,
/// no zone (UTC), a zone written `+03:00`, common zone abbreviations.
fn parse_rfc2822(s: &str) -> Option<(Timestamp, &'static str)> {
    let mut parts = s.split_whitespace().peekable();
    // An optional day name, with or without its comma.
    if parts.peek()?.starts_with(|c: char| c.is_alphabetic()) {
        parts.next();
    }
    let day: i64 = parts.next()?.trim_end_matches(',').parse().ok()?;
    let (month, english) = month_number(parts.next()?)?;
    let mut year: i64 = parts.next()?.trim_end_matches(',').parse().ok()?;
    if year < 100 {
        year += if year < 50 { 2000 } else { 1900 };
    }
    let time = parts.next()?;
    let mut hms = time.split(':');
    let hour: i64 = hms.next()?.parse().ok()?;
    let minute: i64 = hms.next()?.parse().ok()?;
    let second: i64 = hms.next().map_or(Some(0), |x| x.parse().ok())?;
    if hms.next().is_some() || !(0..=23).contains(&hour) || !(0..=59).contains(&minute) {
        return None;
    }
    if !(0..=60).contains(&second) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let zone = parts.next();
    let offset = zone.map_or(Some(0), zone_offset_minutes)?;
    if parts.next().is_some_and(|rest| !rest.starts_with('(')) {
        return None;
    }
    let why = if zone.is_none() {
        "an RFC 2822 date without a time zone (UTC assumed)"
    } else if !english {
        "an RFC 2822 date with non-English names"
    } else {
        RFC_2822
    };
    let days = days_from_civil(year, month, day);
    Some((
        Timestamp(days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset * 60),
        why,
    ))
}

fn zone_offset_minutes(zone: &str) -> Option<i64> {
    let z = zone.to_ascii_uppercase();
    if let Some(digits) = z.strip_prefix(['+', '-']) {
        let digits = digits.replacen(':', "", 1);
        if digits.len() != 4 || !digits.bytes().all(|d| d.is_ascii_digit()) {
            return None;
        }
        let h: i64 = digits[..2].parse().ok()?;
        let m: i64 = digits[2..].parse().ok()?;
        if h > 23 || m > 59 {
            return None;
        }
        let total = h * 60 + m;
        return Some(if z.starts_with('-') { -total } else { total });
    }
    Some(match z.as_str() {
        "GMT" | "UT" | "UTC" | "Z" | "WET" => 0,
        "EDT" => -4 * 60,
        "EST" | "CDT" => -5 * 60,
        "CST" | "MDT" => -6 * 60,
        "MST" | "PDT" => -7 * 60,
        "PST" => -8 * 60,
        "BRT" | "ART" => -3 * 60,
        "CET" | "BST" | "WEST" => 60,
        "CEST" | "EET" => 2 * 60,
        "EEST" | "MSK" => 3 * 60,
        "IST" => 5 * 60 + 30,
        "HKT" | "SGT" | "AWST" => 8 * 60,
        "JST" | "KST" => 9 * 60,
        "AEST" => 10 * 60,
        "AEDT" => 11 * 60,
        _ => return None,
    })
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian `(year, month, day)` of a count of days since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// The unit of a relative time, named as `Intl.RelativeTimeFormat` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelativeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl RelativeUnit {
    /// The unit's name for `Intl.RelativeTimeFormat.prototype.format`.
    pub fn as_str(self) -> &'static str {
        match self {
            RelativeUnit::Second => "second",
            RelativeUnit::Minute => "minute",
            RelativeUnit::Hour => "hour",
            RelativeUnit::Day => "day",
            RelativeUnit::Week => "week",
            RelativeUnit::Month => "month",
            RelativeUnit::Year => "year",
        }
    }
}

/// "`value` `unit`s from now": negative values lie in the past.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relative {
    /// Whole units, rounded towards zero; negative for the past.
    pub value: i64,
    /// The largest unit that fits at least once.
    pub unit: RelativeUnit,
}

/// The relative form of `then` seen from `now`, both given as wall-clock times on the reader's
/// calendar ([`Timestamp::on_calendar`]), so that it agrees with the date shown beside it.
/// Under a day apart it counts elapsed seconds, minutes or hours. Further apart it counts the
/// reader's calendar: days (a story from the day before is "yesterday", whatever the hour) up to
/// two weeks, then whole weeks up to 45 days, then calendar months, then calendar
/// years ("last year" is the year before this one).
pub fn relative(then: Timestamp, now: Timestamp) -> Relative {
    let delta = then.0 - now.0;
    let abs = delta.unsigned_abs();
    let elapsed = |unit, size: i64| Relative {
        value: delta / size,
        unit,
    };
    if abs < 60 {
        return elapsed(RelativeUnit::Second, 1);
    } else if abs < 3600 {
        return elapsed(RelativeUnit::Minute, 60);
    } else if abs < 86_400 {
        return elapsed(RelativeUnit::Hour, 3600);
    }
    relative_day(then, now)
}

/// The relative form of a [day without a time](Timestamp::is_day_only) seen from `now` (a
/// wall-clock time, as for [`relative`]): in the reader's calendar days from the start ("today",
/// "yesterday", "3 days ago"), never in hours.
pub fn relative_day(then: Timestamp, now: Timestamp) -> Relative {
    let (day_then, day_now) = (then.0.div_euclid(86_400), now.0.div_euclid(86_400));
    let days = day_then - day_now;
    let (y0, m0, _) = civil_from_days(day_then);
    let (y1, m1, _) = civil_from_days(day_now);
    let months = (i64::from(y0) * 12 + i64::from(m0)) - (i64::from(y1) * 12 + i64::from(m1));
    let (value, unit) = match days.unsigned_abs() {
        0..14 => (days, RelativeUnit::Day),
        14..45 => (days / 7, RelativeUnit::Week),
        _ if months.abs() < 12 => (months, RelativeUnit::Month),
        _ => (i64::from(y0) - i64::from(y1), RelativeUnit::Year),
    };
    Relative { value, unit }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> i64 {
        parse_date(s).expect(s).0 .0
    }

    #[test]
    fn a_day_without_a_time_stays_that_day_on_any_calendar() {
        let (day, _) = parse_date("2021-04-17").unwrap();
        assert!(day.is_day_only());
        let (midnight, _) = parse_date("2021-04-17T00:00:00Z").unwrap();
        assert!(
            midnight.is_day_only(),
            "midnight UTC: how feeds that know only the day write it"
        );
        for t in ["2021-04-17T00:00:01Z", "2021-04-17T00:00:00-05:00"] {
            assert!(!parse_date(t).unwrap().0.is_day_only(), "{t}");
        }
        assert!(!Timestamp::UNDATED.is_day_only());
        assert_eq!(day.on_calendar(-5 * 3600), day);
        assert_eq!(
            day.on_calendar(-5 * 3600).to_rfc3339(),
            "2021-04-17T00:00:00Z"
        );
        let (evening, _) = parse_date("2021-04-17T03:00:00Z").unwrap();
        assert_eq!(
            evening.on_calendar(-5 * 3600).to_rfc3339(),
            "2021-04-16T22:00:00Z"
        );
        // Seen in the evening of that day, or the next morning: today, yesterday.
        let evening_there = Timestamp(day.0 + 20 * 3600);
        assert_eq!(
            relative_day(day, evening_there),
            Relative {
                value: 0,
                unit: RelativeUnit::Day
            }
        );
        assert_eq!(relative(day, evening_there).unit, RelativeUnit::Hour);
        let (next, _) = parse_date("2021-04-18T07:00:00Z").unwrap();
        assert_eq!(
            relative_day(day, next),
            Relative {
                value: -1,
                unit: RelativeUnit::Day
            }
        );
    }

    #[test]
    fn rfc3339_with_offsets_is_exact() {
        assert_eq!(
            parse_date("2023-07-01T05:34:00+08:00").unwrap(),
            (Timestamp(1_688_160_840), DateQuality::Exact)
        );
        assert_eq!(ts("2023-06-30T21:34:00Z"), 1_688_160_840);
        assert_eq!(ts("2023-06-30T16:34:00-05:00"), 1_688_160_840);
        assert_eq!(ts("2023-06-30T21:34:00.123456Z"), 1_688_160_840);
        assert_eq!(ts("1970-01-01T00:00:00Z"), 0);
        assert_eq!(ts("1969-12-31T23:59:59Z"), -1);
    }

    #[test]
    fn near_rfc3339_forms_are_repaired() {
        for s in [
            "2023-06-30 21:34:00Z",
            "2023-06-30t21:34:00z",
            "2023-06-30T21:34Z",
            "2023-06-30T21:34:00",
            "2023-06-30T21:34:00 +0000",
        ] {
            let (t, q) = parse_date(s).expect(s);
            assert_eq!(t.0, 1_688_160_840, "{s}");
            if s != "2023-06-30t21:34:00z" && s != "2023-06-30T21:34:00 +0000" {
                assert!(matches!(q, DateQuality::Repaired(_)), "{s}");
            }
        }
        let (t, q) = parse_date("2022-09-23").unwrap();
        assert_eq!(t.to_rfc3339(), "2022-09-23T00:00:00Z");
        assert!(matches!(q, DateQuality::Repaired(_)));
    }

    #[test]
    fn rfc2822_dates_are_understood() {
        assert_eq!(ts("Fri, 30 Jun 2023 21:34:00 GMT"), 1_688_160_840);
        assert_eq!(ts("Sat, 01 Jul 2023 05:34:00 +0800"), 1_688_160_840);
        assert_eq!(ts("30 Jun 2023 17:34:00 EDT"), 1_688_160_840);
        assert_eq!(ts("Fri, 30 Jun 23 21:34 GMT"), 1_688_160_840);
        assert_eq!(ts("Mon, 3 Oct 2022 12:00:00 +0000 (UTC)"), 1_664_798_400);
        assert_eq!(
            parse_date("Fri, 30 Jun 2023 21:34:00 GMT").unwrap().1,
            DateQuality::Repaired(RFC_2822)
        );
    }

    #[test]
    fn rfc2822_variants_from_real_feeds_are_understood_and_noted() {
        let seg = parse_date("Seg, 24 Set 2018 19:42:40 -0300").unwrap();
        assert_eq!(seg.0.to_rfc3339(), "2018-09-24T22:42:40Z");
        assert_eq!(
            seg.1,
            DateQuality::Repaired("an RFC 2822 date with non-English names")
        );
        for (s, iso) in [
            ("seg, 05 set 2016 10:00:00 -0300", "2016-09-05T13:00:00Z"),
            ("wed, 02 nov 2011 17:25:27 +0000", "2011-11-02T17:25:27Z"),
            ("Mi, 05 Okt 2016 10:00 +0200", "2016-10-05T08:00:00Z"),
            ("Lun, 05 Déc. 2016 10:00:00 +01:00", "2016-12-05T09:00:00Z"),
            ("jeu., 07 juil. 2016 10:00:00 CEST", "2016-07-07T08:00:00Z"),
            ("Sáb, 01 Ene 2022 00:00:00 GMT", "2022-01-01T00:00:00Z"),
            ("12 Mrt 2021 08:00:00 +0100", "2021-03-12T07:00:00Z"),
            ("Tue, 10 Jun 2003 04:00:00", "2003-06-10T04:00:00Z"),
        ] {
            assert_eq!(parse_date(s).expect(s).0.to_rfc3339(), iso, "{s}");
        }
        assert_eq!(
            parse_date("Tue, 10 Jun 2003 04:00:00").unwrap().1,
            DateQuality::Repaired("an RFC 2822 date without a time zone (UTC assumed)")
        );
        for s in ["Seg, 24 Xyz 2018 19:42:40 -0300", "05 jui 2016 10:00 GMT"] {
            assert!(parse_date(s).is_err(), "{s}");
        }
    }

    #[test]
    fn the_undated_stand_in_is_earlier_than_any_story() {
        assert!(Timestamp::UNDATED.is_undated());
        // Earlier still is undated too, in the year of the undated.
        let year_zero = Timestamp(Timestamp::UNDATED.0 - 400 * 86_400);
        assert_eq!(year_zero.year(), Timestamp::UNDATED.year());
        assert_eq!(Timestamp::UNDATED.to_rfc3339(), "0001-01-01T00:00:00Z");
        assert!(!Timestamp(-1).is_undated());
        assert_eq!(
            parse_date("0001-01-01T00:00:00Z").unwrap().0,
            Timestamp::UNDATED
        );
    }

    #[test]
    fn nonsense_and_impossible_dates_are_errors() {
        for s in [
            "",
            "   ",
            "yesterday",
            "2023-13-01",
            "2023-02-29",
            "2023-04-31T10:00:00Z",
            "2023-06-30T25:00:00Z",
            "2023-06-30T21:34:00+25:00",
            "2023-06-30T21:34:00Zjunk",
            "2023-06-30X",
            "Fri, 31 Jun 2023 21:34:00 GMT",
            "Fri, 30 Jun 2023 21:34:00 MARS",
            "1688160840",
            "２０２３-06-30",
        ] {
            assert!(parse_date(s).is_err(), "{s:?} should be rejected");
        }
        assert!(parse_date("2024-02-29").is_ok());
    }

    #[test]
    fn civil_round_trip_over_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y.into(), m.into(), d.into()), days);
        }
        assert_eq!(Timestamp(1_688_160_840).year(), 2023);
        assert_eq!(Timestamp(-1).year(), 1969);
    }

    #[test]
    fn relative_counts_time_within_a_day_and_the_calendar_beyond() {
        let at = |s: &str| Timestamp(ts(s));
        let now = at("2026-11-26T04:20:00Z");
        let r = |then: &str| {
            let Relative { value, unit } = relative(at(then), now);
            format!("{value} {}", unit.as_str())
        };
        assert_eq!(r("2026-11-26T04:19:55Z"), "-5 second");
        assert_eq!(r("2026-11-26T04:18:30Z"), "-1 minute");
        assert_eq!(r("2026-11-26T01:15:00Z"), "-3 hour");
        // Under a day ago, across midnight: hours, not "yesterday".
        assert_eq!(r("2026-11-25T23:59:00Z"), "-4 hour");
        // The day before the day before, 32 hours ago: two calendar days, as its date says.
        assert_eq!(r("2026-11-24T20:00:00Z"), "-2 day");
        assert_eq!(r("2026-11-25T01:00:00Z"), "-1 day");
        assert_eq!(r("2026-11-21T10:00:00Z"), "-5 day");
        assert_eq!(r("2026-11-13T23:00:00Z"), "-13 day");
        assert_eq!(r("2026-11-12T23:00:00Z"), "-2 week");
        assert_eq!(r("2026-11-08T10:00:00Z"), "-2 week");
        assert_eq!(r("2026-11-05T10:00:00Z"), "-3 week");
        assert_eq!(r("2026-10-13T10:00:00Z"), "-6 week");
        assert_eq!(r("2026-10-10T10:00:00Z"), "-1 month");
        assert_eq!(r("2026-01-02T10:00:00Z"), "-10 month");
        assert_eq!(r("2025-12-02T10:00:00Z"), "-11 month");
        assert_eq!(r("2025-11-26T10:00:00Z"), "-1 year");
        assert_eq!(r("2025-01-02T10:00:00Z"), "-1 year");
        assert_eq!(r("2018-11-25T10:00:00Z"), "-8 year");
        // The future, the same way.
        assert_eq!(r("2026-11-26T06:20:00Z"), "2 hour");
        assert_eq!(r("2026-11-27T02:00:00Z"), "21 hour");
        assert_eq!(r("2026-11-27T06:00:00Z"), "1 day");
        assert_eq!(r("2026-12-20T02:00:00Z"), "3 week");
        assert_eq!(r("2027-03-01T02:00:00Z"), "4 month");
        assert_eq!(RelativeUnit::Week.as_str(), "week");
    }
}
