#!/usr/bin/env bash
# Renders crosscheck's HTML report in headless Chromium and saves a screenshot,
# to check the page as an editor sees it (timeline, findings, sources).
#
#   scripts/screenshot-html.sh [OUT.png] [PATH...]     (default: target/report.png corpus)
#
# Needs Debian's `chromium` (apt-get install -y chromium). Runs offline: the
# report has no external assets, and every Chromium feature that would reach
# the network is switched off. Not run by CI (a browser is slow to start).
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/report.png}"
shift || true
[ "$#" -gt 0 ] || set -- corpus

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "chromium not found: apt-get install -y chromium" >&2
    exit 2
fi

html="$(mktemp --suffix=.html)"
profile="$(mktemp -d)"
trap 'rm -rf "$html" "$profile"' EXIT

# Exit 1 only means findings were reported; 2 is a real failure.
status=0
cargo run --quiet -- check "$@" --format html >"$html" || status=$?
if [ "$status" -gt 1 ]; then
    echo "crosscheck failed (exit $status)" >&2
    exit "$status"
fi

mkdir -p "$(dirname "$out")"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-extensions --disable-default-apps --hide-scrollbars \
    --user-data-dir="$profile" --window-size="${WINDOW:-1280,1600}" \
    --screenshot="$(realpath -m "$out")" "file://$html" 2>/dev/null
[ -s "$out" ] || { echo "no screenshot written" >&2; exit 1; }
echo "$out"
