//! Frames in the claims JSON: what each claim states a value of, read from
//! its own clause, and the reference date a dateline gives.

mod common;

use common::json;
use serde_json::Value;

fn claims() -> (Value, Vec<Value>) {
    let (code, v) = json([
        "claims",
        "--format",
        "json",
        "tests/fixtures/frames/quake.md",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["schema"], "crosscheck.claims/v2");
    let doc = v["documents"][0].clone();
    let claims = doc["claims"].as_array().unwrap().clone();
    (doc, claims)
}

fn frame_of(claims: &[Value], surface: &str) -> Value {
    claims
        .iter()
        .find(|c| c["match"] == surface)
        .unwrap_or_else(|| panic!("no claim {surface:?}"))["frame"]
        .clone()
}

#[test]
fn the_dateline_is_the_reference_and_no_fact() {
    let (doc, claims) = claims();
    assert_eq!(doc["reference"]["source"], "dateline");
    assert_eq!(doc["reference"]["value"], "2021-03-14");
    assert_eq!(frame_of(&claims, "03/14/2021")["attribute"], "published");
    // "Sunday" resolves against the dateline.
    let sunday = claims.iter().find(|c| c["match"] == "Sunday").unwrap();
    assert_eq!(sunday["value"], "2021-03-14");
    assert_eq!(sunday["frame"]["event"], "strike");
}

#[test]
fn two_counts_of_one_clause_keep_their_roles() {
    let (_, claims) = claims();
    let dead = frame_of(&claims, "12 people");
    assert_eq!(dead["attribute"], "deaths");
    assert_eq!(dead["of"], "people");
    let hurt = frame_of(&claims, "40 others");
    assert_eq!(hurt["attribute"], "injuries");
    assert_eq!(frame_of(&claims, "magnitude-6.2")["attribute"], "magnitude");
}

#[test]
fn a_distance_knows_its_place_and_a_depth_is_not_a_distance() {
    let (_, claims) = claims();
    for s in ["45 km", "28 miles"] {
        let f = frame_of(&claims, s);
        assert_eq!(f["attribute"], "distance", "{s}");
        assert_eq!(f["place"], "port amsel", "{s}");
    }
    assert_eq!(frame_of(&claims, "10 km")["attribute"], "depth");
    let tents = frame_of(&claims, "300 tents");
    assert_eq!(tents["attribute"], "count");
    assert_eq!(tents["of"], "tent");
}
