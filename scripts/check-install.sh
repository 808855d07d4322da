#!/usr/bin/env bash
# Installs this checkout as a user would, outside the clone: globally from a folder (a fresh clone
# of HEAD, no node_modules) and from a tarball made with `npm pack`, each into a fresh prefix;
# then runs the installed `cj` on the fixture. Exits non-zero when either way fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/cj"
quiet=(--no-audit --no-fund --loglevel=error)

npm install --global "${quiet[@]}" --prefix "$work/from-folder" "$work/cj" >/dev/null
(cd "$work/cj" && npm pack --silent >/dev/null)
npm install --global "${quiet[@]}" --prefix "$work/from-tarball" "$work/cj"/cj-*.tgz >/dev/null

for way in from-folder from-tarball; do
  out="$work/$way-out"
  "$work/$way/bin/cj" analyse "$root/fixtures/haarlem-2016.csv" --out "$out" --quiet >/dev/null
  test -s "$out/figuur-8.svg" && test -s "$out/results.json"
  grep -q '"display": "6,1"' "$out/results.json"
  echo "check-install: $way: cj $("$work/$way/bin/cj" --version) ran the fixture"
done
