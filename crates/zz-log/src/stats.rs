//! Totals of an audit log for supervisors (统计): verifications by day
//! (the last [`DAYS`] days) and by hour of day (China Standard Time), by
//! verdict, matter and license type; per matter, e-licenses used against
//! paper originals and other exceptions (the e-license use rate, 用证率);
//! the undecided share; the checks that fail most. Practice runs (模拟办事,
//! `drill`) are left out and counted apart. Filters: a date range, a
//! window, an operator.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::Event;
use crate::audit::Entry;
use crate::case::ExceptionKind;

/// Days in the by-day chart.
pub const DAYS: usize = 30;
/// Failing checks listed.
pub const TOP_FAILING: usize = 10;
const CST_OFFSET: i64 = 8 * 3600;
const DAY: i64 = 86_400;

/// The CST day (days since 1970-01-01) of a Unix time.
pub fn day_of(time: i64) -> i64 {
    time.saturating_add(CST_OFFSET).div_euclid(DAY)
}

/// The CST hour of day (0–23) of a Unix time.
pub fn hour_of(time: i64) -> usize {
    usize::try_from(time.saturating_add(CST_OFFSET).rem_euclid(DAY) / 3600).unwrap_or(0)
}

/// A CST day as `YYYY-MM-DD`.
pub fn date_of_day(day: i64) -> String {
    let t = day.saturating_mul(DAY).saturating_sub(CST_OFFSET);
    zz_core::dates::CstDate::of_instant(zz_core::UnixTime::from_secs(t)).map(|d| d.to_string()).unwrap_or_default()
}

/// The CST day of a `YYYY-MM-DD` date.
pub fn day_of_date(date: &str) -> Option<i64> {
    let d = zz_core::dates::CstDate::parse(date)?;
    Some(day_of(d.start().as_secs()))
}

/// Which entries count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// First and last CST day (inclusive).
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub window: Option<String>,
    /// A staff number.
    pub operator: Option<String>,
}

impl Filter {
    fn keeps(&self, e: &Entry) -> bool {
        let day = day_of(e.time);
        self.from.is_none_or(|f| day >= f)
            && self.to.is_none_or(|t| day <= t)
            && self.window.as_ref().is_none_or(|w| e.window.as_ref() == Some(w))
            && self.operator.as_ref().is_none_or(|o| e.operator.as_ref().is_some_and(|op| &op.number == o))
    }
}

/// One matter's use of licenses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MatterUse {
    /// The matter's code; empty for verifications outside any matter.
    pub matter: String,
    pub verifications: u64,
    /// Licenses that counted as e-licenses: valid verifications, each
    /// license once per case.
    pub e_license: u64,
    /// Paper originals checked instead (实体证照已核验).
    pub paper: u64,
    /// Other exceptions: accepted pending, issuance requested, objection.
    pub other: u64,
}

impl MatterUse {
    /// E-licenses over all the ways a license was settled, when any was.
    pub fn use_rate(&self) -> Option<f64> {
        let all = self.e_license + self.paper + self.other;
        (all > 0).then(|| self.e_license as f64 / all as f64)
    }
}

/// A count under a name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    pub key: String,
    pub count: u64,
}

/// The totals of the entries a filter keeps.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// Entries kept by the filter, practice runs left out.
    pub entries: u64,
    /// Practice entries the filter kept, left out of every total.
    pub drills: u64,
    pub verifications: u64,
    pub valid: u64,
    pub invalid: u64,
    pub indeterminate: u64,
    /// The last [`DAYS`] days up to the filter's last day (or `today`),
    /// oldest first, as `YYYY-MM-DD`.
    pub days: Vec<Count>,
    /// Verifications by CST hour of day.
    pub hours: Vec<u64>,
    /// By matter, most verifications first.
    pub matters: Vec<MatterUse>,
    /// Verifications by license type, most first.
    pub types: Vec<Count>,
    /// Failed checks, most first (at most [`TOP_FAILING`]).
    pub failing: Vec<Count>,
    /// Every window and operator (staff number, name) in the log, for the
    /// filters.
    pub windows: Vec<String>,
    pub operators: Vec<(String, String)>,
}

impl Totals {
    /// Indeterminate verifications over all verifications.
    pub fn undecided_share(&self) -> Option<f64> {
        (self.verifications > 0).then(|| self.indeterminate as f64 / self.verifications as f64)
    }

    /// E-licenses over all the ways licenses were settled, every matter.
    pub fn use_rate(&self) -> Option<f64> {
        let all = MatterUse {
            e_license: self.matters.iter().map(|m| m.e_license).sum(),
            paper: self.matters.iter().map(|m| m.paper).sum(),
            other: self.matters.iter().map(|m| m.other).sum(),
            ..MatterUse::default()
        };
        all.use_rate()
    }
}

fn sorted(map: HashMap<&str, u64>) -> Vec<Count> {
    let mut v: Vec<Count> = map.into_iter().map(|(k, count)| Count { key: k.to_owned(), count }).collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    v
}

/// The totals of `entries` that `filter` keeps; `today` (a CST day) ends
/// the by-day chart when the filter has no last day.
pub fn compute(entries: &[Entry], filter: &Filter, today: i64) -> Totals {
    let mut t = Totals { hours: vec![0; 24], ..Totals::default() };
    let last_day = filter.to.unwrap_or(today);
    let first_day = last_day - (DAYS as i64 - 1);
    let mut days = [0u64; DAYS];
    let mut matters: HashMap<&str, MatterUse> = HashMap::new();
    let mut types: HashMap<&str, u64> = HashMap::new();
    let mut failing: HashMap<&str, u64> = HashMap::new();
    let mut counted: HashSet<(&str, &str)> = HashSet::new();
    let (mut windows, mut operators) = (HashSet::new(), HashSet::new());
    // Runs of entries share a window and operator: look them up once a run.
    let (mut last_window, mut last_operator) = (None, None);
    for e in entries {
        if e.window.as_deref() != last_window {
            last_window = e.window.as_deref();
            windows.extend(last_window);
        }
        let op = e.operator.as_ref().map(|o| (o.number.as_str(), o.name.as_str()));
        if op != last_operator {
            last_operator = op;
            operators.extend(op);
        }
        if !filter.keeps(e) {
            continue;
        }
        if e.drill {
            t.drills += 1;
            continue;
        }
        t.entries += 1;
        let matter = e.matter.as_deref().unwrap_or_default();
        match &e.verified {
            Some(v) => {
                t.verifications += 1;
                match v.verdict.as_str() {
                    "valid" => t.valid += 1,
                    "invalid" => t.invalid += 1,
                    _ => t.indeterminate += 1,
                }
                let day = day_of(e.time);
                if (first_day..=last_day).contains(&day)
                    && let Some(d) = usize::try_from(day - first_day).ok().and_then(|i| days.get_mut(i))
                {
                    *d += 1;
                }
                if let Some(h) = t.hours.get_mut(hour_of(e.time)) {
                    *h += 1;
                }
                let m = matters
                    .entry(matter)
                    .or_insert_with(|| MatterUse { matter: matter.to_owned(), ..MatterUse::default() });
                m.verifications += 1;
                // A license counts once per case however often it is shown;
                // the use rate is of cases only (a check on the verify page
                // settles no license of any matter).
                if v.verdict == "valid"
                    && match (&e.case, &v.identifier) {
                        (Some(c), Some(id)) => counted.insert((c.as_str(), id.as_str())),
                        (Some(_), None) => true,
                        (None, _) => false,
                    }
                {
                    m.e_license += 1;
                }
                if let Some(ty) = &v.license_type {
                    *types.entry(ty.as_str()).or_default() += 1;
                }
                for f in &v.failed {
                    *failing.entry(f.as_str()).or_default() += 1;
                }
            }
            None => {
                let Some(Event::Exception(kind)) = e.event_kind() else { continue };
                let m = matters
                    .entry(matter)
                    .or_insert_with(|| MatterUse { matter: matter.to_owned(), ..MatterUse::default() });
                if kind == ExceptionKind::Paper {
                    m.paper += 1;
                } else {
                    m.other += 1;
                }
            }
        }
    }
    t.days =
        days.iter().enumerate().map(|(i, c)| Count { key: date_of_day(first_day + i as i64), count: *c }).collect();
    t.matters = matters.into_values().collect();
    t.matters.sort_by(|a, b| {
        (b.verifications + b.paper + b.other)
            .cmp(&(a.verifications + a.paper + a.other))
            .then_with(|| a.matter.cmp(&b.matter))
    });
    t.types = sorted(types);
    t.failing = sorted(failing);
    t.failing.truncate(TOP_FAILING);
    t.windows = windows.into_iter().collect::<BTreeSet<_>>().into_iter().map(str::to_owned).collect();
    t.operators = operators
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|(n, name)| (n.to_owned(), name.to_owned()))
        .collect();
    t
}

fn share(x: Option<f64>) -> String {
    x.map(|x| format!("{:.1}%", x * 100.0)).unwrap_or_default()
}

/// The totals as CSV: one row per figure (`section,key,count,…`), after a
/// UTF-8 byte order mark.
pub fn to_csv(t: &Totals) -> String {
    let mut out = String::from("\u{feff}section,key,count,eLicense,paper,otherExceptions,useRate\r\n");
    let mut row = |cols: &[String]| {
        out.push_str(&cols.iter().map(|c| crate::csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    let s = |x: &str| x.to_owned();
    row(&[s("total"), s("entries"), t.entries.to_string()]);
    row(&[s("total"), s("drills left out"), t.drills.to_string()]);
    row(&[s("total"), s("verifications"), t.verifications.to_string()]);
    for (k, v) in [("valid", t.valid), ("invalid", t.invalid), ("indeterminate", t.indeterminate)] {
        row(&[s("verdict"), s(k), v.to_string()]);
    }
    row(&[s("total"), s("undecided share"), share(t.undecided_share())]);
    row(&[s("total"), s("use rate"), share(t.use_rate())]);
    for d in &t.days {
        row(&[s("day"), d.key.clone(), d.count.to_string()]);
    }
    for (h, c) in t.hours.iter().enumerate() {
        row(&[s("hour"), format!("{h:02}"), c.to_string()]);
    }
    for m in &t.matters {
        row(&[
            s("matter"),
            m.matter.clone(),
            m.verifications.to_string(),
            m.e_license.to_string(),
            m.paper.to_string(),
            m.other.to_string(),
            share(m.use_rate()),
        ]);
    }
    for c in &t.types {
        row(&[s("type"), c.key.clone(), c.count.to_string()]);
    }
    for c in &t.failing {
        row(&[s("failing"), c.key.clone(), c.count.to_string()]);
    }
    out
}
