use super::*;
use crate::text::sentences;

pub(super) fn day_ref(s: &str) -> Reference {
    Reference::given(s.parse().unwrap())
}

fn year_ref(y: i16) -> Reference {
    Reference {
        date: None,
        year: Some(y),
        source: crate::model::ReferenceSource::Given,
    }
}

/// (surface, value) of every date found; a range shows as `from/to`.
pub(super) fn found(text: &str, r: &Reference) -> Vec<(String, String)> {
    let sents = sentences(text, 0..text.len());
    find_dates(text, &sents, r)
        .into_iter()
        .map(|(s, e, _, v)| (text[s..e].to_string(), v.display()))
        .collect()
}

fn one(text: &str, r: &Reference) -> DateValue {
    let sents = sentences(text, 0..text.len());
    let all = find_dates(text, &sents, r);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    match &all[0].3 {
        ClaimValue::Date(d) => d.clone(),
        other => panic!("{text}: not a date: {other:?}"),
    }
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn full_dates_read_alone() {
    let r = Reference::unknown();
    for (s, v) in [
        ("Nov. 21, 2024", "2024-11-21"),
        ("November 21, 2024", "2024-11-21"),
        ("21 November 2024", "2024-11-21"),
        ("the 21st of November, 2024", "2024-11-21"),
        ("2024-11-21", "2024-11-21"),
        ("11/21/2024", "2024-11-21"),
        ("February 2025", "2025-02"),
        ("Sept. '89", "1989-09"),
        ("2025", "2025"),
        ("nineteen ninety-six", "1996"),
        ("the year two thousand", "2000"),
        ("spring 2024", "2024-SP"),
        ("the winter of 1994", "1994-WI"),
        ("the third quarter of 1989", "1989-Q3"),
        ("Q3 2024", "2024-Q3"),
        ("4Q 2020", "2020-Q4"),
        ("the first half of 2023", "2023-H1"),
        ("fiscal 1989", "1989"),
        ("the 1990s", "199"),
        ("the '90s", "199"),
        ("the 20th century", "19"),
    ] {
        let got = parse_date(s, &r);
        assert_eq!(got.as_ref().map(|d| d.value.as_str()), Some(v), "{s}");
        let got = got.unwrap();
        assert!(!got.relative, "{s} is explicit");
        assert!(got.interval.is_some(), "{s} anchors");
    }
    // A quarter without a year takes the reference's, when there is one.
    assert_eq!(
        parse_date("Q2", &r).map(|d| d.value.to_string()),
        Some("XXXX-Q2".to_string())
    );
    assert_eq!(
        parse_date("Q2", &day_ref("2020-11-05")).map(|d| d.value.to_string()),
        Some("2020-Q2".to_string())
    );
    // One not yet begun is last year's, reported on.
    assert_eq!(
        parse_date("Q4", &day_ref("2020-03-01")).map(|d| d.value.to_string()),
        Some("2019-Q4".to_string())
    );
    assert_eq!(
        parse_date("the fourth quarter", &day_ref("2020-03-01")).map(|d| d.value.to_string()),
        Some("2019-Q4".to_string())
    );
    assert_eq!(parse_date("June 9 and more", &r), None);
    assert_eq!(
        parse_date("2025-12-03T10:00:00Z", &r).map(|d| d.value.to_string()),
        Some("2025-12-03".to_string())
    );
}

#[test]
fn full_date_interval_and_granularity() {
    let v = parse_date("Nov. 21, 2024", &Reference::unknown()).unwrap();
    assert_eq!(v.granularity, Granularity::Day);
    assert_eq!(v.interval, Some(Interval::day(d("2024-11-21"))));
    let v = parse_date("November 2024", &Reference::unknown()).unwrap();
    assert_eq!(
        v.interval,
        Some(Interval::new(d("2024-11-01"), d("2024-11-30")))
    );
}

#[test]
fn unknown_year_is_never_guessed() {
    let r = Reference::unknown();
    let v = one("It happened on June 9.", &r);
    assert_eq!(v.value, "XXXX-06-09");
    assert_eq!(v.interval, None);
    let v = one("Talks resumed in March.", &r);
    assert_eq!(v.value, "XXXX-03");
    assert_eq!(v.interval, None);
    let v = one("The vote was on Wednesday.", &r);
    assert_eq!(v.value, "XXXX-WXX-3");
    let v = one("Sales rose last year.", &r);
    assert_eq!(v.interval, None);
    assert!(!v.value.chars().any(|c| c.is_ascii_digit()), "{}", v.value);
}

#[test]
fn year_only_reference_dates_partial_dates_but_not_weekdays() {
    let r = year_ref(2025);
    let v = one("It happened on June 9.", &r);
    assert_eq!(v.value, "2025-06-09");
    assert!(v.relative);
    let v = one("The vote was on Wednesday.", &r);
    assert_eq!(v.value, "XXXX-WXX-3");
    assert_eq!(v.interval, None);
    assert_eq!(one("It fell last year.", &r).value, "2024");
    assert_eq!(one("It fell yesterday.", &r).interval, None);
}

#[test]
fn relative_expressions_against_a_reference_day() {
    // 2025-03-19 is a Wednesday.
    let r = day_ref("2025-03-19");
    for (text, v) in [
        ("It was announced Wednesday.", "2025-03-19"),
        ("It was announced Monday.", "2025-03-17"),
        ("It was announced Thursday.", "2025-03-13"),
        ("The board will vote Friday.", "2025-03-21"),
        ("It was announced last Friday.", "2025-03-14"),
        ("It rose last year.", "2024"),
        ("It rose earlier this year.", "2025"),
        ("It fell yesterday.", "2025-03-18"),
        ("It opens tomorrow.", "2025-03-20"),
        ("It rose last week.", "2025-W11"),
        ("It closed two years ago.", "2023"),
        ("It closed five days ago.", "2025-03-14"),
        ("Prices rose this month.", "2025-03"),
        ("Prices are high now.", "PRESENT_REF"),
        ("Prices rose recently.", "PAST_REF"),
        // Past tense: the June behind, not the one ahead.
        ("The plan was passed in June 9.", "2024-06-09"),
        ("The plan takes effect in June 9.", "2025-06-09"),
        ("It met over the weekend.", "2025-W11-WE"),
        ("Profit fell in the third quarter.", "2024-Q3"),
        ("Profit rose in the first quarter.", "2025-Q1"),
        ("It was built in the nineties.", "199"),
    ] {
        assert_eq!(one(text, &r).value, v, "{text}");
        assert!(one(text, &r).relative, "{text} uses the reference");
    }
}

#[test]
fn year_less_month_takes_the_nearest_year() {
    // In January, "December" is last December; in March, "June" this June.
    assert_eq!(
        one("Sales fell in December.", &day_ref("2025-01-10")).value,
        "2024-12"
    );
    assert_eq!(
        one("Sales will rise in June.", &day_ref("2025-03-10")).value,
        "2025-06"
    );
    assert_eq!(
        one("Talks began March 10.", &day_ref("2025-04-02")).value,
        "2025-03-10"
    );
}

#[test]
fn anaphoric_dates_follow_the_last_stated_one() {
    let r = day_ref("1989-10-25");
    let got = found(
        "Profit rose in the third quarter. A year earlier, it fell. The quarter was good.",
        &r,
    );
    assert_eq!(
        got,
        vec![
            ("the third quarter".into(), "1989-Q3".into()),
            ("A year earlier".into(), "1988-Q3".into()),
            ("The quarter".into(), "1989-Q3".into()),
        ]
    );
    let got = found("It opened on May 1, 2020. Five days later it closed.", &r);
    assert_eq!(got[1], ("Five days later".into(), "2020-05-06".into()));
}

#[test]
fn parts_narrow_the_interval() {
    let r = Reference::unknown();
    let v = one("It began in early March 2025.", &r);
    assert_eq!(v.value, "2025-03");
    assert_eq!(v.modifier.as_deref(), Some("START"));
    assert_eq!(
        v.interval,
        Some(Interval::new(d("2025-03-01"), d("2025-03-10")))
    );
    let v = one("It ends late 2024.", &r);
    assert_eq!(v.value, "2024");
    assert_eq!(v.modifier.as_deref(), Some("END"));
    let iv = v.interval.unwrap();
    assert!(iv.start.month() >= 8 && iv.end == d("2024-12-31"), "{iv:?}");
    let v = one("By the end of 1999 it was over.", &r);
    assert_eq!(
        (v.value.as_str(), v.modifier.as_deref()),
        ("1999", Some("END"))
    );
    let v = one("It peaked in the mid-1980s.", &r);
    assert_eq!(
        (v.value.as_str(), v.modifier.as_deref()),
        ("198", Some("MID"))
    );
}

#[test]
fn ranges() {
    let r = day_ref("2025-08-01");
    for (text, surface, v) in [
        (
            "It ran from November 2024 through June 2025.",
            "November 2024 through June 2025",
            "2024-11/2025-06",
        ),
        (
            "It ran between March and May 2025.",
            "March and May 2025",
            "2025-03/2025-05",
        ),
        (
            "It ran from November through June 2025.",
            "November through June 2025",
            "2024-11/2025-06",
        ),
        ("Data for 2019-2021 were lost.", "2019-2021", "2019/2021"),
        ("Data for 1990-91 were lost.", "1990-91", "1990/1991"),
        (
            "It ran Nov. 1-15, 2024.",
            "Nov. 1-15, 2024",
            "2024-11-01/2024-11-15",
        ),
    ] {
        let sents = sentences(text, 0..text.len());
        let all = find_dates(text, &sents, &r);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        let (s, e, kind, value) = &all[0];
        assert_eq!(*kind, ClaimKind::DateRange, "{text}");
        assert_eq!(&text[*s..*e], surface);
        assert_eq!(value.display(), v, "{text}");
        let ClaimValue::DateRange { interval, .. } = value else {
            unreachable!()
        };
        assert!(interval.is_some(), "{text}");
    }
    // "to" alone, without "from", joins nothing.
    assert_eq!(found("It moved 2019 to 2021 plans.", &r).len(), 2);
}

#[test]
fn false_positives_are_avoided() {
    let r = day_ref("2025-03-19");
    for text in [
        "Officials may have known.",
        "May I ask?",
        "They joined a march on the capital.",
        "A protest March organisers planned.",
        "Rescuers saved 238 migrants.",
        "Local Law 228 took effect.",
        "The fund paid $2024 to each.",
        "The city hired 2000 workers.",
        "It covered 1,990 acres.",
        "He read page 1999 of the file.",
        "The quarter-point rise hurt.",
        "A quarter of voters agreed.",
        "The Sun reported it.",
        "The future of the plan is unclear.",
    ] {
        assert_eq!(found(text, &r), Vec::<(String, String)>::new(), "{text}");
    }
    // Cued "May" and "March" are months.
    assert_eq!(one("The vote is in May.", &r).value, "2025-05");
    // Told in the past, a May seven weeks ahead is last year's.
    assert_eq!(one("It rained in May.", &r).value, "2024-05");
    assert_eq!(one("It started in March.", &r).value, "2025-03");
}

#[test]
fn explicit_dates_mark_no_reference_use() {
    let r = day_ref("2025-03-19");
    let v = one("On Nov. 21, 2024, it acted.", &r);
    assert!(!v.relative && v.modifier.is_none() && v.interval.is_some());
    let v = one("On June 9 it acted.", &r);
    assert!(v.relative, "a year taken from the reference is relative");
}

#[test]
fn a_past_tense_clause_does_not_look_ahead() {
    let r = day_ref("1989-11-02");
    // Two months ahead is nearer than ten behind, but the clause is past.
    assert_eq!(
        one("In January, the board bought a rival.", &r).value,
        "1989-01"
    );
    assert_eq!(
        one("The company acquired the unit in February.", &r).value,
        "1989-02"
    );
    // A deadline or a future clause still looks ahead.
    assert_eq!(
        one("The offer was extended until January.", &r).value,
        "1990-01"
    );
    assert_eq!(
        one("The plant will reopen in January.", &r).value,
        "1990-01"
    );
}

#[test]
fn a_past_tense_clause_does_not_take_a_day_weeks_ahead() {
    // A month ahead is nearer than eleven behind, but what a past clause
    // tells has happened: last year's holiday or day.
    for (dct, text, v) in [
        (
            "2024-03-01",
            "Crowds celebrated Easter in the square.",
            "2023-04-09",
        ),
        (
            "2024-12-10",
            "Over Christmas, police arrested six men.",
            "2023-12-25",
        ),
        ("2024-02-01", "He died on March 3.", "2023-03-03"),
        // Traps: a clause that looks ahead, and a month just begun after a
        // reference a day or two early.
        (
            "2024-03-01",
            "Crowds will celebrate Easter in the square.",
            "2024-03-31",
        ),
        ("2024-02-28", "In March, sales rose 5%.", "2024-03"),
    ] {
        assert_eq!(one(text, &day_ref(dct)).value, v, "{text}");
    }
}

#[test]
fn the_following_year_is_a_whole_year() {
    let r = day_ref("1998-04-18");
    let got = found(
        "On May 22, 1995, she was promoted, and the following year she moved to Vienna.",
        &r,
    );
    assert_eq!(
        got[1],
        ("the following year".to_string(), "1996".to_string())
    );
}

#[test]
fn the_nearest_tense_cue_decides_the_direction() {
    for (dct, text, v) in [
        // "was" is nearer the date than "will".
        (
            "2000-04-05",
            "It will begin the transfer from the relatives who have cared for him since he was rescued in late November.",
            "1999-11",
        ),
        ("2000-04-03", "The group could leave as soon as Tuesday.", "2000-04-04"),
        ("2000-04-03", "Officials postponed until Tuesday any action.", "2000-04-04"),
        // A date opening its clause takes the tense of what follows.
        ("1999-05-07", "Until Thursday, they had not called him a suspect.", "1999-05-06"),
        // A possessive weekday names an event already past.
        ("2000-01-07", "They said they would look for ways around Wednesday's ruling.", "2000-01-05"),
        // The reference's own weekday is the reference day.
        ("2000-06-01", "He will stay even after a court Thursday refused the request.", "2000-06-01"),
        // An infinitive after a past verb carries the date ahead.
        ("2000-01-07", "Republicans subpoenaed him to testify on Feb. 10.", "2000-02-10"),
        ("1989-10-27", "The company changed to a calendar year in December.", "1988-12"),
        // "preferred" is an adjective here, not a past verb.
        ("1989-10-27", "The bank will redeem preferred shares on Oct. 31.", "1989-10-31"),
        ("1998-10-25", "In January, a week after the anniversary, a bomb exploded.", "1998-01"),
    ] {
        assert_eq!(one(text, &day_ref(dct)).value, v, "{text}");
    }
}

/// Each end of every range found: (surface of the end, value).
fn range_ends(text: &str, r: &Reference) -> Vec<(String, String)> {
    let sents = sentences(text, 0..text.len());
    Scan::new(text, &sents)
        .read(r)
        .into_iter()
        .filter_map(|f| match (f.ends, f.value) {
            (Some(ends), ClaimValue::DateRange { from, to, .. }) => Some(
                ends.iter()
                    .map(|&(s, e)| text[s..e].to_string())
                    .zip([from.value.to_string(), to.value.to_string()])
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn range_ends_stand_where_the_text_states_them() {
    let r = day_ref("2025-01-01");
    let got = range_ends("Sales rose in 1998-99.", &r);
    assert_eq!(
        got,
        vec![("1998".into(), "1998".into()), ("99".into(), "1999".into())]
    );
    let got = range_ends("The fair runs Nov. 1-15.", &r);
    assert_eq!(got[0].0, "Nov. 1");
    assert_eq!(got[1].0, "15");
    let got = range_ends("It was open from March 3 to April 5, 2024.", &r);
    assert_eq!(
        got,
        vec![
            ("March 3".into(), "2024-03-03".into()),
            ("April 5, 2024".into(), "2024-04-05".into())
        ]
    );
    // Two year-less ends are one stretch, in the first one's year.
    let got = range_ends("Sales rose from March 3 to April 5.", &r);
    assert_eq!(got[0].1, "2024-03-03");
    assert_eq!(got[1].1, "2024-04-05");
    let got = range_ends(
        "The show ran from November 20 to January 5.",
        &day_ref("2025-03-01"),
    );
    assert_eq!(got[0].1, "2024-11-20");
    assert_eq!(got[1].1, "2025-01-05");
}

#[test]
fn holidays_resolve_like_year_less_dates() {
    let r = day_ref("2000-01-07");
    for (text, v) in [
        (
            "Elian was found Thanksgiving Day clinging to an inner tube.",
            "1999-11-25",
        ),
        ("He was found last Thanksgiving.", "1999-11-25"),
        ("They will meet again next Easter.", "2000-04-23"),
        ("Easter 2024 came early.", "2024-03-31"),
        ("Parties on New Year\u{2019}s Eve were quiet.", "1999-12-31"),
        ("The vote is set for Memorial Day.", "2000-05-29"),
        ("Stores opened early on Black Friday.", "1999-11-26"),
    ] {
        assert_eq!(one(text, &r).value, v, "{text}");
    }
    // Another country's Independence Day is not the Fourth of July, and a
    // holiday's name in lower case is no holiday.
    assert!(found("Mexico's Independence Day parade was held.", &r).is_empty());
    assert!(found("The christmas spirit.", &r).is_empty());
}

#[test]
fn dates_told_against_another_date_or_event() {
    let r = day_ref("2000-01-06");
    for (text, v) in [
        ("They met three days after Christmas.", "1999-12-28"),
        ("The vote came two weeks before Election Day.", "1999-10-19"),
        ("It ended two months after May 5, 1999.", "1999-07-05"),
        ("They left the day before Thanksgiving.", "1999-11-24"),
        // The anchor is "now"; "ten years" is a length.
        ("Ten years from now it will end.", "PRESENT_REF"),
    ] {
        assert_eq!(one(text, &r).value, v, "{text}");
    }
    // An event the text does not date anchors nothing: not publication.
    for text in [
        "The arrests came five days earlier than the planned raid.",
        "Two days after the attack, he fled.",
        "They met the day before the vote.",
        // A delay, not a date.
        "It opened a week later than planned.",
        "The report came a month later than expected.",
    ] {
        assert_eq!(found(text, &r), Vec::<(String, String)>::new(), "{text}");
    }
}

#[test]
fn days_told_against_the_last_day_stated() {
    let r = day_ref("2000-01-06");
    let got = found(
        "The raid took place on Oct. 3. Earlier that day, he left. The next morning he came back.",
        &r,
    );
    assert_eq!(
        got,
        vec![
            ("Oct. 3".into(), "1999-10-03".into()),
            ("Earlier that day".into(), "1999-10-03".into()),
            ("The next morning".into(), "1999-10-04".into()),
        ]
    );
    // With no day stated before, "the next day" is no date; nor is "later
    // in the day" another day.
    assert!(found("The next day he came back.", &r).is_empty());
    assert!(found("He arrived in Philadelphia later in the day.", &r).is_empty());
    for (text, v) in [
        ("It was found last night.", "2000-01-05"),
        ("He will speak tonight.", "2000-01-06"),
        ("Shares fell this morning.", "2000-01-06"),
        ("He spoke Wednesday night.", "2000-01-05"),
    ] {
        assert_eq!(one(text, &r).value, v, "{text}");
    }
    assert_eq!(
        found("He spoke Wednesday night.", &r)[0].0,
        "Wednesday night"
    );
}

#[test]
fn two_days_of_one_month_joined_by_and() {
    let r = day_ref("2000-01-06");
    assert_eq!(
        found("The summit met on April 24 and 25.", &r),
        vec![("April 24 and 25".into(), "1999-04-24/1999-04-25".into())]
    );
    // "and" before a count is no second day.
    assert_eq!(
        found("Sales rose on May 3 and 5 people died.", &r),
        vec![("May 3".into(), "1999-05-03".into())]
    );
}

#[test]
fn general_patterns_of_news_english() {
    let r = day_ref("2010-01-06");
    for (text, v) in [
        ("He will finish by end of year.", "2010"),
        ("It is more than is possible today.", "PRESENT_REF"),
        ("Holders may buy at the then current price.", "PAST_REF"),
        ("Growth in the coming decade will slow.", "FUTURE_REF"),
        ("Over the past decade it fell.", "PAST_REF"),
        ("Today's vote was close.", "2010-01-06"),
        ("The post-1959 politics split families.", "1959"),
    ] {
        assert_eq!(one(text, &r).value, v, "{text}");
    }
    // The present age and a programme's name are no day.
    for text in [
        "Chips of today's personal computers are fast.",
        "It is a matter for today's youth.",
        "This is VOA Today.",
    ] {
        assert_eq!(found(text, &r), Vec::<(String, String)>::new(), "{text}");
    }
    // A year-less season takes the year stated after it, or the one in reach.
    assert_eq!(
        found("It happened that spring morning in 2004.", &r)[0],
        ("that spring".into(), "2004-SP".into())
    );
    assert_eq!(
        found("In 1998 he left, and that summer he came back.", &r)[1],
        ("that summer".into(), "1998-SU".into())
    );
    // Read against an earlier date, it still takes the year that closes
    // its noun phrase.
    for (text, surface, v) in [
        (
            "It was 1999. That spring morning in 2004 he left.",
            "That spring",
            "2004-SP",
        ),
        (
            "It was 1999. That June day in 2001 he left.",
            "That June",
            "2001-06",
        ),
        ("He left on May 5 of 1998.", "May 5", "1998-05-05"),
        (
            "It was 1999. He left in the summer in 2004.",
            "the summer",
            "2004-SU",
        ),
    ] {
        let got = found(text, &r);
        assert!(got.contains(&(surface.into(), v.into())), "{text}: {got:?}");
    }
    // Trap: a year two nouns on tells of another time.
    let got = found("In May the vote in 2004 was annulled.", &r);
    assert_eq!(got[0], ("May".into(), "2009-05".into()));
}

#[test]
fn weeks_of_a_day_and_years_of_the_last_date() {
    let r = day_ref("2000-02-24");
    assert_eq!(
        found("It may be heard the week of March 6, he said.", &r),
        vec![("the week of March 6".into(), "2000-W10".into())]
    );
    assert_eq!(
        found("He fled in June 1998 and returned later that year.", &r)[1],
        ("later that year".into(), "1998".into())
    );
    // A date in brackets takes the tense of the clause around them.
    assert_eq!(
        one("He will leave at 4 in the morning (4 a.m. Friday).", &r).value,
        "2000-02-25"
    );
}

#[test]
fn a_future_clause_looks_ahead_even_far() {
    // December is nine months ahead and three behind; "will" looks ahead.
    assert_eq!(
        one(
            "She will be named commander for a mission in December.",
            &day_ref("1998-03-04")
        )
        .value,
        "1998-12"
    );
}
