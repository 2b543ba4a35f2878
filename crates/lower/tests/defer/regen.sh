#!/bin/sh
# Regenerates the expected `-d=defer` output (NAME.defer) of every NAME.go
# here by running gc, which must be Go 1.19 (`apt-get install golang-go` on
# Debian 12). The flags come from each file's first line:
#   // defer-check [-l] [-N]
# Usage: crates/lower/tests/defer/regen.sh
set -eu
cd "$(dirname "$0")"
go version | grep -q 'go1\.19' || { echo "need Go 1.19, have: $(go version)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in *.go; do
	flags=$(head -n 1 "$f" | sed -n 's|^// defer-check||p')
	# shellcheck disable=SC2086
	if ! go tool compile -p main -d=defer $flags -o "$tmp/out.o" "$f" > "$tmp/out" 2>&1; then
		echo "gc rejected $f:" >&2
		cat "$tmp/out" >&2
		exit 1
	fi
	mv "$tmp/out" "${f%.go}.defer"
done
