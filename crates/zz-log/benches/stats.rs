//! The statistics of 100,000 log entries natively: reading the lines
//! (serde_json) and totalling them (`zz_log::stats::compute`), with and
//! without a filter. The browser's figures, against plain JavaScript, come
//! from `scripts/bench-browser.mjs`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use zz_log::audit::{Entry, Operator, Verified};
use zz_log::stats::{self, Filter};

const N: u64 = 100_000;
const NOW: i64 = 1_795_311_000;

fn entry(i: u64) -> Entry {
    let matters = ["310000-DJ-0201", "310000-GG-0701", "310000-XK-0101", "310000-SB-0301", ""];
    let types = ["BL", "ID", "RE", "MC", "DL", "FB"];
    let verdicts = ["valid", "valid", "valid", "valid", "valid", "valid", "invalid", "indeterminate"];
    let at = |xs: &[&str], k: u64| xs.get((i % k) as usize).copied().unwrap_or_default().to_owned();
    let verdict = at(&verdicts, 8);
    Entry {
        n: i + 1,
        time: NOW - ((N - i) * 180 * 86_400 / N) as i64,
        event: if i % 10 == 9 {
            format!("exception-{}", at(&["paper", "pending", "issuance", "objection"], 4))
        } else {
            "verify".into()
        },
        operator: Some(Operator {
            name: format!("员工{}", i % 12),
            number: format!("C{}", 100 + i % 12),
            role: "counter".into(),
        }),
        org: Some("12310000MB2F12345X".into()),
        window: Some(format!("{} 号窗口", 1 + i % 6)),
        case: Some(format!("case-{}", i / 3)),
        matter: Some(at(&matters, 5)).filter(|m| !m.is_empty()),
        verified: (i % 10 != 9).then(|| Verified {
            kind: Some("license".into()),
            license_type: Some(at(&types, 6)),
            identifier: Some(format!("1.2.156.3005.{i}")),
            holder: Some("李*".into()),
            failed: if verdict == "valid" { vec![] } else { vec!["status".into()] },
            verdict,
            trust_seq: 7,
            authority: None,
            ..Verified::default()
        }),
        drill: i.is_multiple_of(50),
        prev: "0".repeat(64),
        sig: "0".repeat(128),
        ..Entry::default()
    }
}

fn bench(c: &mut Criterion) {
    let entries: Vec<Entry> = (0..N).map(entry).collect();
    let lines: Vec<String> = entries.iter().map(Entry::line).collect();
    let today = stats::day_of(NOW);
    let mut g = c.benchmark_group("stats");
    g.sample_size(20);
    g.bench_function("read 100,000 lines (serde_json)", |b| {
        b.iter(|| lines.iter().filter_map(|l| serde_json::from_str::<Entry>(l).ok()).count())
    });
    g.bench_function("totals of 100,000 entries", |b| {
        b.iter(|| stats::compute(black_box(&entries), &Filter::default(), today))
    });
    let one_window = Filter { window: Some("3 号窗口".into()), ..Filter::default() };
    g.bench_function("totals of 100,000 entries, one window", |b| {
        b.iter(|| stats::compute(black_box(&entries), &one_window, today))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
