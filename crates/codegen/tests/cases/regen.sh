#!/bin/sh
# Regenerates the expectations of every case with gc (Go 1.19): stdout,
# stderr and exit status of the built program. Run from this directory.
set -e
for f in *.go; do
	n=${f%.go}
	go build -o /tmp/deft-case-$n $f
	set +e
	/tmp/deft-case-$n > $n.stdout 2> $n.stderr
	echo $? > $n.status
	set -e
	rm -f /tmp/deft-case-$n
done
