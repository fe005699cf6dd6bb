#!/usr/bin/env bash
# Whole-process benchmarks of netjournal, each measured in the same run as its reference, with
# Debian's hyperfine and sqlite3 (apt-get install hyperfine sqlite3 time python3):
#
#   log meeting, on the 100,000-meeting journal and on an empty one, beside the sqlite3 shell
#     running one plain INSERT of the same meeting into the same file;
#   report --format json on journals of 1,000, 2,000, 10,000 and 100,000 meetings, beside the
#     sqlite3 shell running benches/report.sql (the report's aggregates, straightforwardly) on
#     the same file; and the report's peak memory (GNU time's maximum resident set size);
#   export of the 100,000-meeting journal (target: 1.2 × the sqlite3 shell's .dump of it, in
#     the same rounds), then import of it into an empty journal, then again (nothing new),
#     beside the sqlite3 shell's .dump and .read of the same journal; and the import's peak
#     memory, against its 64 MiB target;
#   netjournal --version beside a Rust hello-world built here with rustc -O;
#   then benches/ics.sh: import ics of calendars of 1, 2, 4 and 20 MB, with the growth ratio.
#
# Usage: benches/cli.sh [ROUNDS]   (environment: NETJOURNAL_BIN to measure another build,
# BENCH_DIR for the journals, 2 GB free; ROUNDS, default 3, splits each benchmark's runs into
# rounds that alternate with its reference's, so that a change of load on the machine weighs
# on both alike). The journals are generated once by examples/generate.rs, seed 42, and kept.
# Prints a table of medians and ratios, also written to $BENCH_DIR/results.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS=${1:-3}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
WORK=${BENCH_DIR:-$TARGET_DIR/bench-cli}
mkdir -p "$WORK/json"
WORK=$(cd "$WORK" && pwd)

for tool in hyperfine sqlite3 python3 rustc; do
    command -v "$tool" >/dev/null || { echo "benches/cli.sh needs $tool" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "benches/cli.sh needs GNU time (apt-get install time)" >&2; exit 1; }

# The default build, position-independent: a packager's NETJOURNAL_NO_PIE=1 is not measured.
env -u NETJOURNAL_NO_PIE cargo build --release --quiet --bin netjournal --example generate
BIN=${NETJOURNAL_BIN:-$TARGET_DIR/release/netjournal}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
GEN=$TARGET_DIR/release/examples/generate
REPORT_SQL=$PWD/benches/report.sql
# The report is told it is two weeks after the generated journals' last day.
export NETJOURNAL_NOW=2026-01-15
export NO_COLOR=1

# name meetings networks: a journal with the issue's proportions (a contact for 5 meetings,
# 2 people met per meeting, a referral for 10 meetings, a note for 50).
journal() {
    local name=$1 meetings=$2 networks=$3
    if [ ! -f "$WORK/$name.db" ]; then
        "$GEN" --db "$WORK/$name.db" --networks "$networks" --meetings "$meetings" \
            --contacts $((meetings / 5)) --links $((meetings * 2)) \
            --referrals $((meetings / 10)) --seed 42
    fi
}
journal j1k 1000 50
journal j2k 2000 20
journal j10k 10000 50
journal j100k 100000 50

# A Rust hello-world, for the start-up reference.
if [ ! -x "$WORK/hello" ]; then
    printf 'fn main() {\n    println!("hello, world");\n}\n' >"$WORK/hello.rs"
    rustc -C opt-level=3 -o "$WORK/hello" "$WORK/hello.rs"
fi

# bench NAME RUNS WARMUP [hyperfine options…] -- COMMAND…: ROUNDS rounds of hyperfine, each
# running every command in turn, exported as json/NAME.R.json.
bench() {
    local name=$1 runs=$2 warmup=$3
    shift 3
    local options=()
    while [ "$1" != "--" ]; do
        options+=("$1")
        shift
    done
    shift
    local round
    for round in $(seq 1 "$ROUNDS"); do
        hyperfine -N --style basic --runs "$runs" --warmup "$warmup" "${options[@]}" \
            --export-json "$WORK/json/$name.$round.json" "$@" >/dev/null
    done
}

rm -f "$WORK"/json/*.json "$WORK"/json/rss-*.txt
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
echo "netjournal: $BIN ($("$BIN" --version)); $(nproc) cores ($cpu); load average at the start: \
$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$WORK/machine.txt"

echo "==> start-up"
# The ELF header's type: 3 is a position-independent executable (the default build), 2 one
# linked at a fixed address (NETJOURNAL_NO_PIE=1); the start-up figures say which they measured.
elf_type=$(python3 -c 'import sys; h = open(sys.argv[1], "rb").read(18); print(h[16] | h[17] << 8)' "$BIN")
linked=$([ "$elf_type" = 3 ] && echo "PIE (default)" || echo "fixed address (NETJOURNAL_NO_PIE=1)")
echo "netjournal linked as: $linked" | tee -a "$WORK/machine.txt"
bench startup 100 10 -- "$WORK/hello" "$BIN --version"

echo "==> log meeting"
rm -f "$WORK"/log0.db* "$WORK"/log100k.db*
cp "$WORK/j100k.db" "$WORK/log100k.db"
for db in log0 log100k; do
    "$BIN" --db "$WORK/$db.db" add network "Bench Club" --kind local --joined 2025-01-01 >/dev/null
done
club=$(sqlite3 "$WORK/log100k.db" "SELECT id FROM networks WHERE name_key = 'bench club'")
log="log meeting --network 'Bench Club' --date 2025-12-01 --format breakfast --minutes 90 \
--travel 30 --cost 14 --rating 4"
insert="INSERT INTO meetings (uuid, date, network_id, format, in_person, minutes, travel_minutes, \
cost_cents, rating, created_at, updated_at) VALUES (lower(hex(randomblob(16))), '2025-12-01', \
$club, 'breakfast', 1, 90, 30, 1400, 4, '2026-01-15T12:00:00+00:00', '2026-01-15T12:00:00+00:00')"
bench log 40 5 -- \
    "sqlite3 $WORK/log100k.db \"$insert\"" \
    "$BIN --db $WORK/log100k.db $log" \
    "$BIN --db $WORK/log0.db $log"

echo "==> report"
for size in 1k 2k 10k 100k; do
    runs=$([ "$size" = 100k ] && echo 10 || echo 40)
    bench "report$size" "$runs" 3 -- \
        "sqlite3 $WORK/j$size.db \".read $REPORT_SQL\"" \
        "$BIN --db $WORK/j$size.db report --format json"
done
# Peak memory: GNU time's maximum resident set size, in KiB, median of 5.
for run in 1 2 3 4 5; do
    /usr/bin/time -f %M -a -o "$WORK/json/rss-netjournal.txt" \
        "$BIN" --db "$WORK/j100k.db" report --format json >/dev/null
    /usr/bin/time -f %M -a -o "$WORK/json/rss-sqlite3.txt" \
        sqlite3 "$WORK/j100k.db" ".read $REPORT_SQL" >/dev/null
done

echo "==> export, import"
rm -f "$WORK"/import.db* "$WORK"/dump.db*
bench export 5 1 -- \
    "sqlite3 $WORK/j100k.db \".output $WORK/j100k.sql\" .dump" \
    "$BIN --db $WORK/j100k.db export --output $WORK/j100k.json"
bench import 5 0 --prepare "rm -f $WORK/import.db $WORK/import.db-wal $WORK/import.db-shm \
$WORK/dump.db $WORK/dump.db-wal $WORK/dump.db-shm" -- \
    "sqlite3 $WORK/dump.db \".read $WORK/j100k.sql\"" \
    "$BIN --db $WORK/import.db import $WORK/j100k.json"
bench reimport 5 0 -- "$BIN --db $WORK/import.db import $WORK/j100k.json"
# The import's peak memory (GNU time's maximum resident set size, in KiB, median of 5), into an
# empty journal each time: the export is read a record at a time, whatever its size.
for run in 1 2 3 4 5; do
    rm -f "$WORK"/import.db "$WORK"/import.db-wal "$WORK"/import.db-shm
    /usr/bin/time -f %M -a -o "$WORK/json/rss-import.txt" \
        "$BIN" --db "$WORK/import.db" import "$WORK/j100k.json" >/dev/null
done

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/machine.txt"
python3 - "$WORK" <<'EOF' | tee "$WORK/results.md"
import glob, json, os, statistics, sys

work = sys.argv[1]

def samples(name):
    """Every run's wall time, in ms, per command, pooled over the rounds."""
    pooled = {}
    for path in sorted(glob.glob(os.path.join(work, "json", name + ".*.json"))):
        for i, result in enumerate(json.load(open(path))["results"]):
            pooled.setdefault(i, []).extend(t * 1000 for t in result["times"])
    return [pooled[i] for i in sorted(pooled)]

def med(values):
    return statistics.median(values)

rows = []
def row(figure, value, reference, target, met):
    rows.append((figure, value, reference, target, "met" if met else "MISSED"))

hello, version = map(med, samples("startup"))
row("`--version` start-up", f"{version:.2f} ms", f"hello-world {hello:.2f} ms",
    "≤ hello-world + 2 ms", version <= hello + 2)

insert, log100k, log0 = map(med, samples("log"))
row("`log meeting`, 100k journal", f"{log100k:.2f} ms", f"sqlite3 INSERT {insert:.2f} ms "
    f"(× {log100k / insert:.2f})", "≤ 1.3 × INSERT", log100k <= 1.3 * insert)
row("`log meeting`, 100k vs empty", f"{log100k:.2f} ms", f"empty journal {log0:.2f} ms "
    f"(× {log100k / log0:.2f})", "≤ 1.1 × empty", log100k <= 1.1 * log0)

report = {}
for size in ["1k", "2k", "10k", "100k"]:
    sql, ours = map(med, samples("report" + size))
    report[size] = ours
    if size == "2k":
        row("`report --format json`, 2k", f"{ours:.1f} ms", f"report.sql {sql:.1f} ms",
            "< 10 ms", ours < 10)
    elif size == "100k":
        row("`report --format json`, 100k", f"{ours:.1f} ms",
            f"report.sql {sql:.1f} ms (× {ours / sql:.2f})", "≤ 0.7 × report.sql, < 150 ms",
            ours <= 0.7 * sql and ours < 150)
    else:
        row(f"`report --format json`, {size}", f"{ours:.1f} ms", f"report.sql {sql:.1f} ms "
            f"(× {ours / sql:.2f})", "(growth)", True)
g1, g2 = report["10k"] / report["1k"], report["100k"] / report["10k"]
row("report growth 1k→10k→100k", f"× {g1:.1f}, × {g2:.1f}", "data × 10, × 10",
    "≤ data", g1 <= 10 and g2 <= 10)

rss = lambda name: med([int(x) for x in open(os.path.join(work, "json", f"rss-{name}.txt"))])
ours, sql = rss("netjournal"), rss("sqlite3")
row("`report` peak memory, 100k", f"{ours / 1024:.1f} MiB", f"report.sql {sql / 1024:.1f} MiB",
    "< 20 MiB", ours < 20 * 1024)

dump, export = map(med, samples("export"))
row("`export`, 100k", f"{export:.0f} ms", f"sqlite3 .dump {dump:.0f} ms "
    f"(× {export / dump:.2f})", "≤ 1.2 × .dump", export <= 1.2 * dump)
read, imported = map(med, samples("import"))
row("`import` into an empty journal, 100k", f"{imported:.0f} ms", f"sqlite3 .read {read:.0f} ms",
    "< 1500 ms", imported < 1500)
(again,) = map(med, samples("reimport"))
row("`import` again (nothing new), 100k", f"{again:.0f} ms", "", "< 1500 ms", again < 1500)
size = os.path.getsize(os.path.join(work, "j100k.json")) / 2**20
ours = rss("import")
row("`import` peak memory, 100k", f"{ours / 1024:.1f} MiB", f"the file {size:.0f} MiB",
    "< 64 MiB", ours < 64 * 1024)

print(open(os.path.join(work, "machine.txt")).read())
print("| figure (median) | netjournal | reference, same run | target | |")
print("|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
EOF

# The calendar import, in its own script (it can be run alone).
BENCH_DIR=$WORK NETJOURNAL_BIN=$BIN benches/ics.sh "$ROUNDS"
