//! Statistics of a log of known content: every total is what the entries
//! say, practice runs are left out, and the filters narrow it.

use zz_log::audit::{Entry, Operator, Verified};
use zz_log::stats::{self, Filter};

/// 2026-11-20 09:30 CST.
const T0: i64 = 1_795_138_200;
const DAY: i64 = 86_400;

fn op(number: &str) -> Option<Operator> {
    Some(Operator { name: format!("员工{number}"), number: number.into(), role: "counter".into() })
}

fn verify(time: i64, matter: &str, ty: &str, id: &str, verdict: &str, failed: &[&str]) -> Entry {
    Entry {
        time,
        event: "verify".into(),
        operator: op("S1"),
        window: Some("1".into()),
        case: Some(format!("case-{id}")),
        matter: (!matter.is_empty()).then(|| matter.to_owned()),
        verified: Some(Verified {
            license_type: Some(ty.into()),
            identifier: Some(id.into()),
            verdict: verdict.into(),
            failed: failed.iter().map(|s| (*s).to_owned()).collect(),
            ..Verified::default()
        }),
        ..Entry::default()
    }
}

fn exception(time: i64, matter: &str, kind: &str) -> Entry {
    Entry {
        time,
        event: format!("exception-{kind}"),
        operator: op("S2"),
        window: Some("2".into()),
        matter: Some(matter.into()),
        ..Entry::default()
    }
}

fn known() -> Vec<Entry> {
    vec![
        verify(T0, "M1", "BL", "a", "valid", &[]),
        // The same license again in the same case: one e-license use.
        verify(T0 + 60, "M1", "BL", "a", "valid", &[]),
        verify(T0 + 3600, "M1", "ID", "b", "invalid", &["signature", "status"]),
        verify(T0 + DAY, "M2", "BL", "c", "indeterminate", &["status"]),
        // On the verify page: no case, no matter.
        Entry { case: None, ..verify(T0 + DAY + 7200, "", "ID", "d", "valid", &[]) },
        exception(T0 + DAY, "M1", "paper"),
        exception(T0 + 2 * DAY, "M2", "pending"),
        exception(T0 + 2 * DAY, "M2", "objection"),
        Entry { drill: true, ..verify(T0, "M1", "BL", "x", "valid", &[]) },
        Entry { event: "sign-in".into(), time: T0, ..Entry::default() },
    ]
}

#[test]
fn a_known_log_gives_known_totals() {
    let today = stats::day_of(T0 + 2 * DAY);
    let t = stats::compute(&known(), &Filter::default(), today);
    assert_eq!((t.entries, t.drills, t.verifications), (9, 1, 5));
    assert_eq!((t.valid, t.invalid, t.indeterminate), (3, 1, 1));
    assert_eq!(t.undecided_share(), Some(0.2));
    // By day: the last 30 days end today; 2026-11-20 has 3, 11-21 has 2.
    assert_eq!(t.days.len(), stats::DAYS);
    assert_eq!(t.days.last().map(|d| d.key.as_str()), Some("2026-11-22"));
    let on = |date: &str| t.days.iter().find(|d| d.key == date).map(|d| d.count);
    assert_eq!((on("2026-11-20"), on("2026-11-21"), on("2026-11-22")), (Some(3), Some(2), Some(0)));
    // By hour (CST): 09:30 twice, 10:30, 09:30 next day, 11:30.
    assert_eq!((t.hours[9], t.hours[10], t.hours[11]), (3, 1, 1));
    assert_eq!(t.hours.iter().sum::<u64>(), 5);
    // Matters: M1 3 verifications, 1 e-license (counted once), 1 paper;
    // M2 1 verification, 2 other exceptions; none: 1 valid, outside a case.
    let m = |code: &str| t.matters.iter().find(|m| m.matter == code).cloned().unwrap_or_default();
    assert_eq!((m("M1").verifications, m("M1").e_license, m("M1").paper, m("M1").other), (3, 1, 1, 0));
    assert_eq!(m("M1").use_rate(), Some(0.5));
    assert_eq!((m("M2").verifications, m("M2").e_license, m("M2").paper, m("M2").other), (1, 0, 0, 2));
    assert_eq!(m("M2").use_rate(), Some(0.0));
    // Outside any case: verified, but no use rate (it is of cases only).
    assert_eq!((m("").verifications, m("").e_license, m("").use_rate()), (1, 0, None));
    assert_eq!(t.use_rate(), Some(1.0 / 4.0));
    assert_eq!(t.matters.first().map(|m| m.matter.as_str()), Some("M1"));
    // Types and failing checks, most first.
    let pairs = |v: &[stats::Count]| v.iter().map(|c| (c.key.clone(), c.count)).collect::<Vec<_>>();
    assert_eq!(pairs(&t.types), [("BL".to_owned(), 3), ("ID".to_owned(), 2)]);
    assert_eq!(pairs(&t.failing), [("status".to_owned(), 2), ("signature".to_owned(), 1)]);
    assert_eq!(t.windows, ["1", "2"]);
    let ops: Vec<(&str, &str)> = t.operators.iter().map(|(n, name)| (n.as_str(), name.as_str())).collect();
    assert_eq!(ops, [("S1", "员工S1"), ("S2", "员工S2")]);
}

#[test]
fn filters_narrow_the_totals() {
    let today = stats::day_of(T0 + 2 * DAY);
    let all = known();
    let by_window = stats::compute(&all, &Filter { window: Some("2".into()), ..Filter::default() }, today);
    assert_eq!((by_window.entries, by_window.verifications), (3, 0));
    let by_operator = stats::compute(&all, &Filter { operator: Some("S1".into()), ..Filter::default() }, today);
    assert_eq!((by_operator.verifications, by_operator.drills), (5, 1));
    let first_day = stats::day_of(T0);
    let one_day =
        stats::compute(&all, &Filter { from: Some(first_day), to: Some(first_day), ..Filter::default() }, today);
    assert_eq!((one_day.verifications, one_day.valid, one_day.invalid), (3, 2, 1));
    // The chart ends at the filter's last day.
    assert_eq!(one_day.days.last().map(|d| d.key.as_str()), Some("2026-11-20"));
    assert_eq!(stats::day_of_date("2026-11-20"), Some(first_day));
    let none = stats::compute(&all, &Filter { from: Some(today + 1), ..Filter::default() }, today);
    assert_eq!((none.entries, none.undecided_share(), none.use_rate()), (0, None, None));
}

#[test]
fn the_csv_has_every_figure() {
    let t = stats::compute(&known(), &Filter::default(), stats::day_of(T0 + 2 * DAY));
    let csv = stats::to_csv(&t);
    assert!(csv.starts_with("\u{feff}section,key,count"));
    for row in [
        "verdict,valid,3",
        "total,undecided share,20.0%",
        "matter,M1,3,1,1,0,50.0%",
        "failing,status,2",
        "day,2026-11-21,2",
        "hour,09,3",
    ] {
        assert!(csv.contains(row), "{row} missing from\n{csv}");
    }
    assert_eq!(csv.lines().count(), 1 + 7 + 1 + 30 + 24 + 3 + 2 + 2);
}

#[test]
fn days_and_hours_are_china_standard_time() {
    // 2026-11-20 23:59:59 CST and a second later.
    let t = T0 + 14 * 3600 + 29 * 60 + 59;
    assert_eq!((stats::date_of_day(stats::day_of(t)), stats::hour_of(t)), ("2026-11-20".to_owned(), 23));
    assert_eq!((stats::date_of_day(stats::day_of(t + 1)), stats::hour_of(t + 1)), ("2026-11-21".to_owned(), 0));
}
