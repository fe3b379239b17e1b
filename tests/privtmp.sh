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
#   privtmp.sh DIR COMMAND [ARG...]
set -eu
dir=$1
shift
mkdir -p "$dir"
chmod 1777 "$dir"
if unshare -m --propagation private true 2>/dev/null; then
	exec unshare -m --propagation private \
	    sh -c 'mount --bind "$0" /tmp && exec "$@"' "$dir" "$@"
fi
exec "$@"
