#!/usr/bin/env bash
# `import ics` of calendars of 1, 2, 4 and 20 MB into an empty journal, measured side by side
# (each round runs every size in turn), with the growth of the time against the growth of the
# file: doubling the file must at most double the time, and 20 MB must import in under 10 s.
# Then the 20 MB calendar imported again into the journal it filled (nothing new).
#
# The calendars are written by examples/generate_ics.rs (a busy Google Calendar export, about
# 900 bytes an event: 23 000 events in 20 MB), seed 42, and kept.
#
# Usage: benches/ics.sh [ROUNDS]   (needs Debian's hyperfine and python3; environment:
# NETJOURNAL_BIN to measure another build, BENCH_DIR for the files, 100 MB free). Prints a table
# of medians and ratios, also written to $BENCH_DIR/ics.md. benches/cli.sh runs it last.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS=${1:-3}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
WORK=${BENCH_DIR:-$TARGET_DIR/bench-cli}
mkdir -p "$WORK/json"
WORK=$(cd "$WORK" && pwd)

for tool in hyperfine python3; do
    command -v "$tool" >/dev/null || { echo "benches/ics.sh needs $tool" >&2; exit 1; }
done

cargo build --release --quiet --bin netjournal --example generate_ics
BIN=${NETJOURNAL_BIN:-$TARGET_DIR/release/netjournal}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
GEN=$TARGET_DIR/release/examples/generate_ics
# The calendars run to the end of 2025: the import reads them up to this day.
export NETJOURNAL_NOW=2026-01-15
export NO_COLOR=1

SIZES=(1 2 4 20)
for size in "${SIZES[@]}"; do
    [ -f "$WORK/calendar-$size.ics" ] || "$GEN" --megabytes "$size" --seed 42 >"$WORK/calendar-$size.ics"
done

rm -f "$WORK"/json/ics*.json
echo "netjournal: $BIN ($("$BIN" --version)); $(nproc) cores; load average at the start: \
$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$WORK/ics-machine.txt"

echo "==> import ics, 1 to 20 MB, into an empty journal"
commands=()
for size in "${SIZES[@]}"; do
    commands+=("$BIN --db $WORK/ics-$size.db import ics $WORK/calendar-$size.ics")
done
for round in $(seq 1 "$ROUNDS"); do
    hyperfine -N --style basic --runs 3 --warmup 0 \
        --prepare "rm -f $(for s in "${SIZES[@]}"; do printf '%s ' "$WORK/ics-$s.db" "$WORK/ics-$s.db-wal" "$WORK/ics-$s.db-shm"; done)" \
        --export-json "$WORK/json/ics.$round.json" "${commands[@]}" >/dev/null
done
echo "==> import ics again, 20 MB, nothing new"
hyperfine -N --style basic --runs 3 --warmup 1 --export-json "$WORK/json/ics-again.json" \
    "$BIN --db $WORK/ics-20.db import ics $WORK/calendar-20.ics" >/dev/null

python3 - "$WORK" "${SIZES[@]}" <<'EOF' | tee "$WORK/ics.md"
import glob, json, os, statistics, sys

work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
pooled = {}
for path in sorted(glob.glob(os.path.join(work, "json", "ics.*.json"))):
    for i, result in enumerate(json.load(open(path))["results"]):
        pooled.setdefault(i, []).extend(t * 1000 for t in result["times"])
medians = [statistics.median(pooled[i]) for i in sorted(pooled)]
again = statistics.median(t * 1000 for t in json.load(
    open(os.path.join(work, "json", "ics-again.json")))["results"][0]["times"])

def events(size):
    with open(os.path.join(work, f"calendar-{size}.ics"), "rb") as f:
        return f.read().count(b"BEGIN:VEVENT")

print(open(os.path.join(work, "ics-machine.txt")).read())
print("| calendar | events | `import ics` (median) | file × | time × | target | |")
print("|---|---|---|---|---|---|---|")
for i, (size, ms) in enumerate(zip(sizes, medians)):
    if i == 0:
        grow, time, target, met = "", "", "", True
    else:
        grow = size / sizes[i - 1]
        time = ms / medians[i - 1]
        target, met = f"time × ≤ file × ({grow:g})", time <= grow
        grow, time = f"× {grow:g}", f"× {time:.2f}"
    if size == 20:
        target += ("; " if target else "") + "< 10 s"
        met = met and ms < 10_000
    print(f"| {size} MB | {events(size)} | {ms:.0f} ms | {grow} | {time} | {target} | "
          f"{'met' if met else 'MISSED'} |")
print(f"| 20 MB again (nothing new) | {events(20)} | {again:.0f} ms | | | < 10 s | "
      f"{'met' if again < 10_000 else 'MISSED'} |")
EOF
