#!/bin/sh
# No test leaves files behind.  Every ctest test runs with TMPDIR set to a
# folder of its own, BASE/NAME under the build tree, and with a /tmp of
# its own, BASE/NAME.tmp (tests/privtmp.sh; tests/CMakeLists.txt); .ci/run
# does the same for its other steps.
#
#   tmpcheck.sh start BASE [NAME...]
#	empties BASE, makes BASE/NAME for each test and notes what /tmp
#	holds now (BASE/.tmp-before)
#   tmpcheck.sh check BASE [SOURCE_DIR]
#	fails, listing what is left, if a folder under BASE is not empty;
#	with SOURCE_DIR, also if a test source names /tmp (tests make their
#	folders with tu_tmpdir, or mktemp in scripts).  Where privtmp.sh
#	could not give the tests a /tmp of their own, it looks in the real
#	/tmp for names that nianbao or its tests make (OURS) that were not
#	there at start and are still there a few seconds later (other
#	programs, another checkout's tests among them, come and go there).
set -eu
OURS='nbtest.* nb-* nbbench.* nianbao* .nianbao* test_ytree.* bench_docx.*'

tmp_ours() {
	for p in $OURS; do
		for f in /tmp/$p; do
			[ -e "$f" ] || [ -L "$f" ] && printf '%s\n' "$f"
		done
	done | sort -u
}

mode=$1
base=$2
src=${3-}
shift 2
case $mode in
start)
	rm -rf "$base"
	mkdir -p "$base"
	for n in "$@"; do
		mkdir -p "$base/$n"
	done
	tmp_ours >"$base/.tmp-before"
	;;
check)
	st=0
	for d in "$base"/*/; do
		[ -d "$d" ] || continue
		left=$(find "$d" -mindepth 1 | head -n 20)
		if [ -n "$left" ]; then
			echo "left behind in ${d%/}:"
			printf '  %s\n' $left
			st=1
		fi
	done
	if [ -n "${src-}" ]; then
		named=$(grep -n '"/tmp' "$src"/tests/test_*.c \
		    "$src"/tests/ptyutil.c "$src"/tests/oom/*.c \
		    "$src"/tests/*.sh "$src"/tests/*.py 2>/dev/null |
		    grep -v 'tmpcheck.sh' || true)
		if [ -n "$named" ]; then
			echo "test sources that name /tmp (use tu_tmpdir):"
			printf '%s\n' "$named" | sed 's/^/  /'
			st=1
		fi
	fi
	# With a /tmp of their own, nothing of the tests' reached this one.
	if unshare -m --propagation private true 2>/dev/null; then
		[ "$st" -eq 0 ] && echo "tmpcheck: every test folder and" \
		    "every test's /tmp empty"
		exit "$st"
	fi
	new=$(tmp_ours | comm -13 "$base/.tmp-before" -)
	for i in 1 2 3 4 5; do
		[ -n "$new" ] || break
		sleep 1
		new=$(tmp_ours | comm -13 "$base/.tmp-before" -)
	done
	if [ -n "$new" ]; then
		echo "new in /tmp since the start (something ignored TMPDIR;" \
		    "or another checkout's tests made them: run again):"
		printf '  %s\n' $new
		st=1
	fi
	[ "$st" -eq 0 ] && echo "tmpcheck: every test folder empty, nothing new of ours in /tmp"
	exit "$st"
	;;
*)
	echo "usage: tmpcheck.sh start|check BASE [NAME...]" >&2
	exit 2
	;;
esac
