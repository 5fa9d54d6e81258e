//! Rule data: stale bodies, superseded legal bases and known misspellings.
//!
//! The crate ships `data/stale.json`; a user adds entries with a file of the same shape
//! (`kehoach check --rules-data FILE`). Every stale entry carries the date it takes effect
//! and a source note, and applies only to plans dated on or after it.

use serde::{Deserialize, Serialize};

/// The data shipped with the crate.
pub const BUILTIN: &str = include_str!("../data/stale.json");

/// A body renamed, merged or abolished.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StaleBody {
    #[serde(default)]
    pub id: String,
    /// Every way the body is written: full names, abbreviations ("Sở TT&TT").
    pub names: Vec<String>,
    /// What to write now (Vietnamese: it is written into the plan).
    pub replacement: String,
    /// The replacement explained in English, where it holds more than a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement_en: Option<String>,
    /// ISO date from which the name is stale.
    pub effective: String,
    /// The decision that made the change, in Vietnamese.
    pub source: String,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_en: Option<String>,
    /// The body became exactly one other body (a rename, or a merger into one): the name
    /// can be replaced as it stands. Not set where its tasks were split among several.
    #[serde(default)]
    pub certain: bool,
}

/// A legal document replaced by another.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StaleLegal {
    /// References as "61/2018/NĐ-CP".
    pub refs: Vec<String>,
    #[serde(default)]
    pub title: String,
    pub replacement: String,
    pub effective: String,
    /// The decision that replaced it, in Vietnamese.
    pub source: String,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_en: Option<String>,
}

/// A phrase known to be a typo of another.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Misspelling {
    pub wrong: String,
    pub right: String,
}

/// A province merged into another on the provinces' effective date.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MergedProvince {
    /// As written after "tỉnh": "Bắc Giang", "Bà Rịa - Vũng Tàu".
    pub name: String,
    /// The province (or centrally-run city) it became part of.
    pub into: String,
}

/// All rule data.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct RulesData {
    #[serde(default)]
    pub bodies: Vec<StaleBody>,
    #[serde(default)]
    pub legal: Vec<StaleLegal>,
    #[serde(default)]
    pub misspellings: Vec<Misspelling>,
    /// Provinces merged into others (63 → 34 on 1 July 2025).
    #[serde(default)]
    pub provinces: Vec<MergedProvince>,
    #[serde(default)]
    pub provinces_effective: String,
    #[serde(default)]
    pub provinces_source: String,
    #[serde(default)]
    pub provinces_source_en: Option<String>,
    /// Centrally-run cities: a "thành phố" that is a province, not a district.
    #[serde(default)]
    pub central_cities: Vec<String>,
    /// Why district-level bodies are stale from [`DISTRICT_LEVEL_ENDS`], in Vietnamese.
    #[serde(default)]
    pub district_source: String,
    #[serde(default)]
    pub district_source_en: Option<String>,
}

/// The day the district level of local government ended.
pub const DISTRICT_LEVEL_ENDS: (i32, u32, u32) = (2025, 7, 1);

impl RulesData {
    /// The data shipped with the crate.
    pub fn builtin() -> Self {
        Self::from_json(BUILTIN).expect("the shipped data/stale.json is valid")
    }

    /// Reads data in the shape of `data/stale.json`, checking the dates.
    pub fn from_json(s: &str) -> Result<Self, String> {
        let d: RulesData = serde_json::from_str(s).map_err(|e| e.to_string())?;
        for (what, date) in d
            .bodies
            .iter()
            .map(|b| (b.names.first().cloned().unwrap_or_default(), &b.effective))
            .chain(
                d.legal
                    .iter()
                    .map(|l| (l.refs.first().cloned().unwrap_or_default(), &l.effective)),
            )
        {
            if parse_iso(date).is_none() {
                return Err(format!(
                    "entry {what:?}: effective date {date:?} is not YYYY-MM-DD"
                ));
            }
        }
        if !d.provinces.is_empty() && parse_iso(&d.provinces_effective).is_none() {
            return Err(format!(
                "provinces_effective {:?} is not YYYY-MM-DD",
                d.provinces_effective
            ));
        }
        Ok(d)
    }

    /// Adds the entries of another data set.
    pub fn extend(&mut self, other: RulesData) {
        self.bodies.extend(other.bodies);
        self.legal.extend(other.legal);
        self.misspellings.extend(other.misspellings);
        self.provinces.extend(other.provinces);
        self.central_cities.extend(other.central_cities);
        for (mine, theirs) in [
            (&mut self.provinces_effective, other.provinces_effective),
            (&mut self.provinces_source, other.provinces_source),
            (&mut self.district_source, other.district_source),
        ] {
            if mine.is_empty() {
                *mine = theirs;
            }
        }
        if self.provinces_source_en.is_none() {
            self.provinces_source_en = other.provinces_source_en;
        }
        if self.district_source_en.is_none() {
            self.district_source_en = other.district_source_en;
        }
    }
}

/// "2025-07-01" → (2025, 7, 1).
pub fn parse_iso(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads() {
        let d = RulesData::builtin();
        assert!(d.bodies.len() >= 8);
        assert!(d
            .legal
            .iter()
            .any(|l| l.refs.contains(&"61/2018/NĐ-CP".into())));
    }

    #[test]
    fn bad_date_is_refused() {
        let e = RulesData::from_json(
            r#"{"bodies":[{"names":["X"],"replacement":"Y","effective":"1/7/2025","source":"s"}]}"#,
        )
        .unwrap_err();
        assert!(e.contains("YYYY-MM-DD"), "{e}");
    }
}
