//! In-process benchmarks of the report (criterion): `report::build` and its JSON on generated
//! journals of 1,000, 10,000 and 100,000 meetings (examples/generate.rs, seed 42, the issue's
//! proportions), the process start-up and the file's opening left out. See README.md,
//! "Performance"; whole-process figures are benches/cli.sh's.
//!
//! `cargo bench --bench report` (the journals are generated once, into target/bench-report).

use std::path::PathBuf;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use netjournal::db::report::Period;
use netjournal::db::{Access, Journal};
use netjournal::i18n::Lang;
use netjournal::report::{self, Request};

#[path = "../examples/generate.rs"]
#[allow(dead_code)] // The example's `main` and command line are not used here.
mod generate;

/// The journal of `meetings` meetings, generated on first use.
fn journal(meetings: usize) -> Journal {
    let dir =
        PathBuf::from(std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into()))
            .join("bench-report");
    std::fs::create_dir_all(&dir).expect("create the benchmarks' folder");
    let path = dir.join(format!("journal-{meetings}.db"));
    if !path.exists() {
        let partial = dir.join(format!("journal-{meetings}.db.new"));
        let _ = std::fs::remove_file(&partial);
        let mut journal = Journal::open(&partial, Access::Write).expect("create the journal");
        generate::generate(&mut journal, &generate::Spec::scaled(meetings, 42))
            .expect("generate the journal");
        drop(journal);
        std::fs::rename(&partial, &path).expect("put the journal in place");
    }
    Journal::open(&path, Access::Read).expect("open the journal")
}

fn report(c: &mut Criterion) {
    let today: NaiveDate = generate::NOW.parse().expect("a date");
    let request = Request {
        network_id: None,
        period: Period {
            since: None,
            until: today,
        },
        today,
        lang: Lang::En,
    };
    let mut group = c.benchmark_group("report");
    group.sample_size(20);
    for meetings in [1_000, 10_000, 100_000] {
        let journal = journal(meetings);
        group.throughput(Throughput::Elements(meetings as u64));
        group.bench_with_input(
            BenchmarkId::new("build", meetings),
            &journal,
            |b, journal| {
                b.iter(|| report::build(journal.conn(), &request).expect("the report"));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("json", meetings),
            &journal,
            |b, journal| {
                b.iter(|| {
                    let report = report::build(journal.conn(), &request).expect("the report");
                    serde_json::to_string_pretty(&report).expect("JSON")
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
