#!/bin/sh
# Every message id has its Chinese and its English text: the keys of
# i18n/zh/*.txt and i18n/en/*.txt are the same set, and no key is given
# twice.  Prints the differences and fails on any.
set -eu
src=${1:-$(dirname "$0")/..}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
keys() {
	sed -n 's/^[[:space:]]*\([A-Za-z0-9_.]*\)[[:space:]]*{.*/\1/p' "$src"/i18n/"$1"/*.txt
}
keys zh | sort >"$tmp/zh"
keys en | sort >"$tmp/en"
st=0
for l in zh en; do
	d=$(uniq -d "$tmp/$l")
	[ -z "$d" ] || { echo "i18n/$l: given twice: $d"; st=1; }
done
only=$(comm -23 "$tmp/zh" "$tmp/en")
[ -z "$only" ] || { echo "in i18n/zh only (add to i18n/en): $only"; st=1; }
only=$(comm -13 "$tmp/zh" "$tmp/en")
[ -z "$only" ] || { echo "in i18n/en only (add to i18n/zh): $only"; st=1; }
[ "$st" -eq 0 ] && echo "i18n: $(wc -l <"$tmp/zh") keys in both languages"
exit "$st"
