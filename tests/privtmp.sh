#!/bin/sh
# Runs a command with a /tmp of its own: DIR, bind-mounted over /tmp in a
# private mount namespace (unshare(1)), so that whatever the command or a
# program it starts puts in /tmp while ignoring TMPDIR (LibreOffice's
# pipe, criterion's socket, a test that names /tmp) is found in DIR
# afterwards by tests/tmpcheck.sh, and never mixed with what other
# programs on the machine put in the real /tmp.  Where mount namespaces
# are not allowed (not root), the command runs as it is and tmpcheck.sh
# looks in the real /tmp instead.
#
#   privtmp.sh DIR [-k PATH]... COMMAND [ARG...]
#
# Each -k PATH (the source and build trees) stays where it is when it lies
# under /tmp, as a clone made with mktemp -d does: it is opened before
# /tmp is covered and bound again at the same path inside DIR (the mount
# points are removed after the command).  The exit status is the
# command's.
set -eu
dir=$1
shift
mkdir -p "$dir"
chmod 1777 "$dir"
if ! unshare -m --propagation private true 2>/dev/null; then
	while [ "${1-}" = -k ]; do
		shift 2
	done
	exec "$@"
fi
# shellcheck disable=SC2016
exec unshare -m --propagation private sh -c '
	set -eu
	dir=$1
	shift
	kept=""
	fd=3
	while [ "${1-}" = -k ]; do
		case $2 in
		/tmp/*)
			eval "exec $fd<\"\$2\""
			kept="$kept $fd:$2"
			fd=$((fd + 1))
			;;
		esac
		shift 2
	done
	mount --bind "$dir" /tmp
	for k in $kept; do
		mkdir -p "${k#*:}"
		mount --bind -c "/proc/self/fd/${k%%:*}" "${k#*:}"
		eval "exec ${k%%:*}<&-"
	done
	st=0
	"$@" || st=$?
	# A program the command started may still be in the tree (an
	# editor a test let go): detach lazily, and never fail for it.
	for k in $kept; do
		umount -l "${k#*:}" 2>/dev/null || true
		rmdir -p "${k#*:}" 2>/dev/null || true
	done
	exit "$st"
' privtmp "$dir" "$@"
