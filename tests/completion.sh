#!/bin/bash
# The bash completion (tui/nianbao.bash-completion) against the real
# binary: commands, each command's options, and option values, all read
# from nianbao's help.  Usage: completion.sh SOURCE_DIR BIN_DIR
set -u
PATH="$(cd "$2" && pwd):$PATH"
. "$1/tui/nianbao.bash-completion"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
st=0

# complete WORD... : what _nianbao offers for the last word.
complete_words() {
	COMP_WORDS=(nianbao "$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_nianbao
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}

# want "WORDS" WORD...: the completion of WORD... holds each of WORDS.
want() {
	local need=$1 got w
	shift
	got=" $(complete_words "$@")"
	for w in $need; do
		case $got in
		*" $w "*) ;;
		*) echo "nianbao $*<TAB>: no $w in:$got"; st=1 ;;
		esac
	done
}

want "export" ex
want "template templates" te
want "check" --lang en ch
want "-f -o --lang --ambiguous -h --help --version" export -
want "--json --csv -j -r" check -
want "--force" import --f
want "--plain" preview --
want "txt json docx pdf" export -f ""
want "gb2021 gb2019" new -t ""
want "show" template ""
want "export sum" help ""
want "gb2021" template show ""
want "zh en" --lang ""
want "1 2" check --ambiguous ""
[ "$st" -eq 0 ] && echo "completion: every case completes"
exit "$st"
