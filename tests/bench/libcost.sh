#!/bin/sh
# What each shared library nianbao links costs every process before main:
# an empty program linked (--no-as-needed) with nothing, with each of
# nianbao's direct libraries alone, with all it links now, with all it linked
# before libzip, libxml2 and FreeXL were opened on first use, and with all
# it links now bound at start (-z now); fastest and median of RUNS runs each, wall
# time, from one shell loop so that every variant meets the same load;
# or CPU time from perf stat when perf works.
#   sh tests/bench/libcost.sh [RUNS]      (default 41; needs cc)
set -eu
runs=${1:-41}
work=$(mktemp -d /tmp/nblibcost.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo 'int main(void) { return 0; }' > "$work/e.c"
all="-licui18n -licuuc -lyaml -lnettle -lncursesw -ltinfo"
# as linked since libzip, libxml2 and FreeXL are opened on first use; and
# as linked before, for comparison
old="-licui18n -licuuc -lyaml -lxml2 -lfreexl -lnettle -lzip -lncursesw -ltinfo"
build() {	# name, link flags...
	n=$1; shift
	cc -O2 "$work/e.c" -o "$work/$n" -Wl,--no-as-needed "$@" 2>/dev/null ||
	    echo "  (cannot link $n)"
}
build none
build icu -licui18n -licuuc
build yaml -lyaml
build xml2 -lxml2
build freexl -lfreexl
build nettle -lnettle
build zip -lzip
build crypto -lcrypto
build ncurses -lncursesw -ltinfo
build all $all
build before $old
build all_now -Wl,-z,now $all
names="none icu yaml xml2 freexl nettle zip crypto ncurses all before all_now"
# CPU time (perf stat task-clock, mean of RUNS) when perf is there: on a
# shared machine the wall clock mostly measures waiting for a core.
if command -v perf >/dev/null 2>&1 &&
    perf stat -x, -e task-clock true 2>/dev/null >/dev/null; then
	echo "  an empty program linked with (CPU ms, perf stat, mean of $runs):"
	for n in $names; do
		[ -x "$work/$n" ] || continue
		perf stat -x, -e task-clock -r "$runs" "$work/$n" 2>"$work/ps"
		printf '    %-12s %7.2f\n' "$n" \
		    "$(grep task-clock "$work/ps" | cut -d, -f1)"
	done
	exit 0
fi
# Interleaved: run i of every variant before run i+1 of any.
i=0
while [ $i -lt "$runs" ]; do
	for n in $names; do
		[ -x "$work/$n" ] || continue
		s=$(date +%s%N); "$work/$n"; e=$(date +%s%N)
		echo "$n $(( (e - s) / 1000 ))" >> "$work/times"
	done
	i=$((i + 1))
done
echo "  an empty program linked with (wall µs, fastest / median of $runs):"
for n in $names; do
	grep "^$n " "$work/times" | awk '{ print $2 }' | sort -n |
	    awk -v n="$n" '{ v[NR] = $1 } END { if (NR) printf "    %-12s %7d / %7d\n", n, v[1], v[int((NR + 1) / 2)] }'
done
