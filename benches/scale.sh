#!/usr/bin/env bash
# How crosscheck scales: wall time, MB/s and peak RSS of `claims` and `check`
# (`check` twice: its JSON lines, and `table`, the report a user gets by
# default, whose fact sheet and quote rows are put together from every finding)
# on corpora of 10 MB, 100 MB and 1 GB built from the BBC News articles (two
# kinds: `copies`, the articles copied again and again with a fifth of the
# copies edited, make_corpus.py; and `distinct`, an archive of distinct
# stories, each told in at most ten versions, make_distinct.py), next
# to ripgrep counting an equivalent date regex over the same files (the floor
# of one regex pass), and, on the 10 MB corpus, the `duckling` crate and
# Python's datefinder.
#
# usage: benches/scale.sh [SIZE_MB ...]         (default: 10 100 1000)
#
# Environment:
#   BBC=DIR        the BBC articles (default: ../shared/bench/bbc)
#   OUT=DIR        where corpora are built (default: /tmp/crosscheck-bench)
#   THREADS=N      crosscheck --threads (default: every core)
#   KINDS="..."    which corpora (default: "copies distinct")
#   PEERS=0        skip duckling and datefinder
#   PEER_SECONDS=S stop each peer after S seconds and report its rate (300)
#
# Corpora are built once (benches/make_corpus.py, make_distinct.py) and reused; they never go
# in the repository. Needs ripgrep (`apt-get install ripgrep`) and python3;
# the peers are built (cargo) and installed (pip, in target/bench-venv) here.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BBC=${BBC:-$root/../shared/bench/bbc}
OUT=${OUT:-/tmp/crosscheck-bench}
PEERS=${PEERS:-1}
KINDS=${KINDS:-copies distinct}
PEER_SECONDS=${PEER_SECONDS:-300}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 100 1000)

command -v rg >/dev/null || { echo "ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 2; }
[ -d "$BBC" ] || { echo "no BBC articles at $BBC (set BBC=DIR)" >&2; exit 2; }

(cd "$root" && cargo build --release --quiet)
bin=$root/target/release/crosscheck
threads=()
[ -n "${THREADS:-}" ] && threads=(--threads "$THREADS")

# A date regex like the one crosscheck starts from: month-name dates, ISO and
# slashed dates, bare years. ripgrep counts matching lines.
MONTH='(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?'
DATE_RE="\\b(?:$MONTH\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+$MONTH(?:\\s+\\d{4})?|$MONTH\\s+\\d{4}|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4}|(?:19|20)\\d\\d)\\b"

# Runs a command, printing "seconds peak_rss_kb" (output to /dev/null).
measure() {
    local t
    t=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$t" "$@" >/dev/null 2>/dev/null || true
    tail -1 "$t"
    rm -f "$t"
}

mb_of() { du -sb --apparent-size "$1" | awk '{print $1 / 1e6}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1e6}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-9s %-8s %9s %9s %10s %9s %10s\n' size corpus command wall_s MB/s peak_RSS_MB rg_s x_rg
declare -A check_time
for kind in $KINDS; do
for mb in "${sizes[@]}"; do
    if [ "$kind" = copies ]; then
        dir=$OUT/${mb}M
        [ -d "$dir" ] || python3 "$here/make_corpus.py" "$BBC" "$dir" "$mb" >&2
    else
        dir=$OUT/distinct-${mb}M
        [ -d "$dir" ] || python3 "$here/make_distinct.py" "$BBC" "$dir" "$mb" >&2
    fi
    size=$(mb_of "$dir")
    # Read every file once first, so that ripgrep (timed first) and crosscheck
    # all read from the page cache rather than the first of them from disk.
    find "$dir" -type f -exec cat {} + >/dev/null
    read -r rg_s _ < <(measure rg -c --no-messages -P "$DATE_RE" "$dir")
    for cmd in claims check table; do
        case $cmd in
            claims) args=(claims --format jsonl -q "${threads[@]}" "$dir") ;;
            check) args=(check --format jsonl --no-ledger --fail-on never -q "${threads[@]}" "$dir") ;;
            table) args=(check --no-ledger --fail-on never -q "${threads[@]}" "$dir") ;;
        esac
        read -r s kb < <(measure "$bin" "${args[@]}")
        [ $cmd = check ] && check_time[$kind$mb]=$s
        awk -v mb="$mb" -v k="$kind" -v c="$cmd" -v s="$s" -v kb="$kb" -v size="$size" -v rg="$rg_s" 'BEGIN {
            printf "%-8s %-9s %-8s %9.2f %9.1f %10.0f %9.2f %10.1f\n", mb "MB", k, c, s, size / s, kb / 1024, rg, s / rg }'
    done
done
if [ -n "${check_time[${kind}100]:-}" ] && [ -n "${check_time[${kind}1000]:-}" ]; then
    awk -v k="$kind" -v a="${check_time[${kind}100]}" -v b="${check_time[${kind}1000]}" \
        'BEGIN { printf "check (%s): time at 1 GB / time at 100 MB = %.1f\n", k, b / a }'
fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$PEERS" = 1 ]; then
    sample=$OUT/${sizes[0]}M
    [ -d "$sample" ] || python3 "$here/make_corpus.py" "$BBC" "$sample" "${sizes[0]}" >&2
    echo "peers on $sample ($(mb_of "$sample") MB), each stopped after ${PEER_SECONDS}s:"
    (cd "$here/peers/duckling" && cargo build --release --quiet)
    "$here/peers/duckling/target/release/duckling-timebank" --time "$sample" "$PEER_SECONDS"
    venv=$root/target/bench-venv
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/python" -c 'import datefinder' 2>/dev/null || "$venv/bin/pip" install -q datefinder
    "$venv/bin/python" - "$sample" "$PEER_SECONDS" <<'EOF'
import os, sys, time
import datefinder
root, budget = sys.argv[1], float(sys.argv[2])
paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".txt"))
start, size, found, read = time.perf_counter(), 0, 0, 0
for p in paths:
    text = open(p, encoding="utf-8").read()
    found += sum(1 for _ in datefinder.find_dates(text))
    size += len(text.encode("utf-8"))
    read += 1
    if time.perf_counter() - start > budget:
        break
secs = time.perf_counter() - start
print(f"datefinder: {read} of {len(paths)} files, {size / 1e6:.1f} MB in {secs:.1f} s = {size / 1e6 / secs:.3f} MB/s, {found} dates")
EOF
    for cmd in claims; do
        read -r s _ < <(measure "$bin" claims --format jsonl -q --threads 1 "$sample")
        awk -v s="$s" -v size="$(mb_of "$sample")" 'BEGIN { printf "crosscheck claims, one thread: %.1f MB in %.1f s = %.2f MB/s\n", size, s, size / s }'
    done
fi
