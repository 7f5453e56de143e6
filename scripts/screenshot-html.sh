#!/usr/bin/env bash
# Renders crosscheck's HTML report in headless Chromium at a laptop's and a
# phone's width, saves a screenshot of each, and fails when the page is wider
# than the window (a horizontal scroll bar: a table or a path that does not
# wrap).
#
#   scripts/screenshot-html.sh [OUT] [PATH...]     (default: target/report corpus)
#
# Writes OUT-1400.png and OUT-500.png and prints, per width, the page's
# scrollWidth against the window's innerWidth. Exit 0 when every width fits,
# 1 when one does not, 2 when nothing could be rendered.
#
#   REPORT=FILE         render this HTML report instead of running crosscheck
#   CROSSCHECK=BIN      the crosscheck binary to run (default: cargo run)
#   WIDTHS="1400 500"   the window widths to try
#   HEIGHT=1600         the window height (the screenshot's)
#
# Needs Debian's `chromium` (apt-get install -y chromium). Runs offline: the
# report has no external assets, and every Chromium feature that would reach
# the network is switched off. Not run by CI (a browser is slow to start).
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/report}"
out="${out%.png}"
shift || true
[ "$#" -gt 0 ] || set -- corpus

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "chromium not found: apt-get install -y chromium" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
html="$work/report.html"

if [ -n "${REPORT:-}" ]; then
    cp "$REPORT" "$html"
else
    # Exit 1 only means findings were reported; 2 is a real failure.
    status=0
    if [ -n "${CROSSCHECK:-}" ]; then
        "$CROSSCHECK" check "$@" --format html >"$html" || status=$?
    else
        cargo run --quiet -- check "$@" --format html >"$html" || status=$?
    fi
    if [ "$status" -gt 1 ]; then
        echo "crosscheck failed (exit $status)" >&2
        exit "$status"
    fi
fi

# The same page with a script that, once laid out, writes the page's width
# and the window's into an attribute `--dump-dom` shows. The report itself
# has no script; only this copy does.
probe="$work/probe.html"
{
    cat "$html"
    echo '<script>document.documentElement.setAttribute("data-fit",'
    echo '  document.documentElement.scrollWidth + " " + window.innerWidth);</script>'
} >"$probe"

chrome() {
    local profile
    profile="$(mktemp -d -p "$work")"
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-extensions --disable-default-apps --hide-scrollbars \
        --user-data-dir="$profile" "$@" 2>/dev/null
}

mkdir -p "$(dirname "$out")"
fail=0
for w in ${WIDTHS:-1400 500}; do
    size="$w,${HEIGHT:-1600}"
    png="$(realpath -m "$out-$w.png")"
    chrome --window-size="$size" --screenshot="$png" "file://$html" >/dev/null
    [ -s "$png" ] || { echo "no screenshot written at $w px" >&2; exit 2; }
    fit="$(chrome --window-size="$size" --dump-dom "file://$probe" |
        sed -n 's/.*data-fit="\([0-9]*\) \([0-9]*\)".*/\1 \2/p' | head -n 1)"
    if [ -z "$fit" ]; then
        echo "could not measure the page at $w px" >&2
        exit 2
    fi
    read -r scroll inner <<<"$fit"
    if [ "$scroll" -le "$inner" ]; then
        echo "$png: fits (scrollWidth $scroll <= innerWidth $inner)"
    else
        echo "$png: TOO WIDE (scrollWidth $scroll > innerWidth $inner)"
        fail=1
    fi
done
exit "$fail"
