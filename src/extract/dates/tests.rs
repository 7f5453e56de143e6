use super::*;

#[test]
fn full_dates() {
    let r = Reference::unknown();
    for (s, v) in [
        ("Nov. 21, 2024", "2024-11-21"),
        ("November 21, 2024", "2024-11-21"),
        ("21 November 2024", "2024-11-21"),
        ("2024-11-21", "2024-11-21"),
        ("February 2025", "2025-02"),
        ("June 9", "XXXX-06-09"),
    ] {
        assert_eq!(
            parse_date(s, &r).map(|d| d.value),
            Some(v.to_string()),
            "{s}"
        );
    }
}
