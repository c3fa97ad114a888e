//! The deployment's own configuration (`trust/site.json`, replaced at
//! deployment like the trust files, or set on the settings page by an
//! administrator): the organisation doing the verifying and its USCC, the
//! service hall and window, the matters it handles, whether staff may
//! verify with no matter (scoped mode off), the deadline its rules give an
//! objection, and how long the log keeps entries. With no configuration
//! the portal verifies as before and says so.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use zz_core::UnixTime;
use zz_core::dates::{CST_OFFSET, CstDate};
use zz_core::model::{Matter, Named};

use crate::services::storage::KEY_SITE;

const SITE_URL: &str = "trust/site.json";
/// Largest configuration read.
const MAX_SITE: usize = 64 * 1024;

/// Working days an issuing department has to answer an objection when the
/// configuration says nothing (常熟市电子证照管理办法: 核查 within 3).
pub const DEFAULT_OBJECTION_DAYS: u32 = 3;
/// Days log entries are kept when the configuration says nothing.
pub const DEFAULT_RETENTION_DAYS: u32 = 180;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Site {
    /// The organisation doing the verifying (用证单位), with its USCC.
    pub org: Option<Named>,
    /// The service hall (服务大厅) and window (窗口) names.
    pub hall: String,
    pub window: String,
    /// Codes of the matters this organisation handles (from the catalog).
    pub matters: Vec<String>,
    /// Scoped mode: only those matters are offered, and a matter must be
    /// chosen before anything is verified.
    pub scoped: bool,
    /// Working days the issuing department has to answer an objection
    /// (异议核查), and the rule that says so.
    pub objection_days: Option<u32>,
    pub objection_rule: String,
    /// Days the verification log keeps its entries before an administrator
    /// may prune them (exported first).
    pub retention_days: Option<u32>,
}

/// Where the configuration in use came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteOrigin {
    /// None: the portal verifies with no organisation.
    Nothing,
    /// The site's `trust/site.json`.
    Served,
    /// Set on this device's settings page.
    Device,
}

impl Site {
    /// Reads a configuration; `None` when it is not one.
    pub fn parse(text: &str) -> Option<Site> {
        if text.len() > MAX_SITE {
            return None;
        }
        let mut s: Site = serde_json::from_str(text).ok()?;
        s.org = s.org.filter(|o| !o.code.trim().is_empty());
        s.matters.retain(|m| !m.trim().is_empty());
        s.objection_days = s.objection_days.map(|d| d.clamp(1, 60));
        s.retention_days = s.retention_days.map(|d| d.clamp(1, 3650));
        Some(s)
    }

    /// The verifying organisation's code, passed to every verification.
    pub fn org_code(&self) -> Option<String> {
        self.org.as_ref().map(|o| o.code.trim().to_owned())
    }

    /// The matters offered: in scoped mode only this organisation's (in
    /// the catalog's order), otherwise all with this organisation's first.
    pub fn offered<'a>(&self, all: &'a [Matter]) -> Vec<&'a Matter> {
        let ours = |m: &&Matter| self.matters.iter().any(|c| c == &m.code);
        let mut list: Vec<&Matter> = all.iter().filter(ours).collect();
        if !self.scoped || list.is_empty() {
            list.extend(all.iter().filter(|m| !ours(m)));
        }
        list
    }

    /// Whether verifying with no matter is allowed.
    pub fn may_verify_without_matter(&self) -> bool {
        !self.scoped
    }

    pub fn objection_days(&self) -> u32 {
        self.objection_days.unwrap_or(DEFAULT_OBJECTION_DAYS)
    }

    pub fn retention_days(&self) -> u32 {
        self.retention_days.unwrap_or(DEFAULT_RETENTION_DAYS)
    }
}

/// The configuration in use: the one set on this device, else the site's.
pub async fn load() -> (Site, SiteOrigin) {
    if let Some(s) = LocalStorage::get::<String>(KEY_SITE).ok().and_then(|t| Site::parse(&t)) {
        return (s, SiteOrigin::Device);
    }
    let served = match gloo::net::http::Request::get(SITE_URL).send().await {
        Ok(r) if r.ok() => r.text().await.ok(),
        _ => None,
    };
    match served.and_then(|t| Site::parse(&t)) {
        Some(s) => (s, SiteOrigin::Served),
        None => (Site::default(), SiteOrigin::Nothing),
    }
}

/// Keeps `site` on this device (settings, by an administrator), or goes
/// back to the site's configuration with `None`.
pub fn save(site: Option<&Site>) -> Result<(), String> {
    match site {
        Some(s) => {
            LocalStorage::set(KEY_SITE, serde_json::to_string(s).map_err(|e| e.to_string())?).map_err(|e| e.to_string())
        }
        None => {
            LocalStorage::delete(KEY_SITE);
            Ok(())
        }
    }
}

/// The date `days` working days (Monday to Friday) after the day of `from`
/// (China Standard Time). Public holidays and the weekends moved for them
/// are not known here: the date is the earliest the rules allow, and the
/// form says so.
pub fn working_days_after(from: UnixTime, days: u32) -> Option<CstDate> {
    let mut day = crate::services::clock::cst_day(from.as_secs());
    let mut left = days;
    while left > 0 {
        day += 1;
        // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
        if (day + 3).rem_euclid(7) < 5 {
            left -= 1;
        }
    }
    CstDate::of_instant(UnixTime::from_secs(day * 86_400 - CST_OFFSET + 12 * 3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `date` at `hour` o'clock, China Standard Time.
    fn at(date: &str, hour: u64) -> UnixTime {
        CstDate::parse(date).unwrap().start().saturating_add_secs(hour * 3600)
    }

    #[test]
    fn working_days_skip_weekends() {
        // 2026-11-27 is a Friday.
        let friday = at("2026-11-27", 16);
        assert_eq!(working_days_after(friday, 3).unwrap().to_string(), "2026-12-02");
        assert_eq!(working_days_after(friday, 5).unwrap().to_string(), "2026-12-04");
        // Friday 17:00 UTC is already Saturday in China.
        let saturday = at("2026-11-28", 1);
        assert_eq!(working_days_after(saturday, 1).unwrap().to_string(), "2026-11-30");
        let monday = at("2026-11-23", 9);
        assert_eq!(working_days_after(monday, 3).unwrap().to_string(), "2026-11-26");
    }

    #[test]
    fn configuration_is_read_leniently_and_bounded() {
        let s = Site::parse(r#"{"org":{"name":"某局","code":" 11310000002417500X "},"matters":["A","", "B"],"scoped":true,"objectionDays":500,"other":1}"#)
            .unwrap();
        assert_eq!(s.org_code().as_deref(), Some("11310000002417500X"));
        assert_eq!(s.matters, ["A", "B"]);
        assert_eq!(s.objection_days(), 60);
        assert!(!s.may_verify_without_matter());
        assert!(Site::parse("<html>").is_none());
        assert!(Site::parse(&" ".repeat(MAX_SITE + 1)).is_none());
        let none = Site::parse(r#"{"org":{"name":"x","code":""}}"#).unwrap();
        assert_eq!(none.org_code(), None);
    }
}
