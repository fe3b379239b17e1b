#!/bin/sh
# Start-up work that does not depend on the load of a shared machine:
# instructions executed (valgrind's callgrind, the dynamic loader
# included; the kernel's mapping of libraries is not counted) and page
# faults (perf stat, when it works) of whole commands on the full report.
#   sh tests/bench/instr.sh NIANBAO SOURCE_DIR
set -eu
nb=$1
rep=$2/tests/data/golden/full2021.yaml
if ! command -v valgrind >/dev/null 2>&1; then
	echo "  valgrind not installed: no instruction counts"
	exit 0
fi
count() {	# label, args...
	label=$1; shift
	ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
	    "$nb" "$@" 2>&1 >/dev/null | awk '/refs:/ { print $NF }')
	pf=$(perf stat -x, -e page-faults "$nb" "$@" 2>&1 >/dev/null |
	    awk -F, '/page-faults/ { print $1 }') || pf=
	printf '  %-28s %12s instructions  %5s page faults\n' "$label" "$ir" \
	    "${pf:-?}"
}
count "nianbao --version" --version
count "nianbao check (full report)" check "$rep"
count "nianbao export -f txt" export -f txt "$rep"
