#!/bin/sh
# Regenerates the expectations of every case with gc (gc 1.27.3): stdout,
# stderr and exit status of the built program. Run from this directory.
# Cases are also run with open-coded defers disabled (deft's -N variant);
# where gc -N prints other lines for the program's own frames (the line of
# a frame resumed after a recovery), its output is kept as NAME.N.stdout,
# .stderr and .status.
set -e

# The program's own frames as the test compares them: no runtime frames,
# offsets or argument words.
STRIP=$(cat <<'EOF'
next if m{/src/runtime/} || /^panic\(\{/;
s/ \+0x[0-9a-f]+$//;
s{^\t.*/}{\t};
s/^([^\t].*?)\((?:0x[0-9a-f]+\??(?:, )?|\.\.\.(?:, )?|\{[^}]*\}(?:, )?)*\)$/$1(...)/ unless /^panic: /;
print;
EOF
)

for f in *.go; do
	n=${f%.go}
	for variant in "" N; do
		suffix=${variant:+.$variant}
		flags=${variant:+-gcflags=-N}
		go build $flags -o /tmp/deft-case-$n $f
		set +e
		/tmp/deft-case-$n > $n$suffix.stdout 2> $n$suffix.stderr
		echo $? > $n$suffix.status
		set -e
		rm -f /tmp/deft-case-$n
	done
	if [ "$(perl -ne "$STRIP" $n.stderr)" = "$(perl -ne "$STRIP" $n.N.stderr)" ] &&
		cmp -s $n.stdout $n.N.stdout && cmp -s $n.status $n.N.status; then
		rm -f $n.N.stdout $n.N.stderr $n.N.status
	fi
done
