#!/bin/sh
# Regenerates the bad-input corpus: one small report file per way a file
# can be wrong, and EXPECTED, one line per file, tab-separated:
#	name	msgid	line	col	fragment
# msgid is what `nianbao check FILE` must say (exit 2); "ok" means the file
# must load (exit 0 or 1).  line and col are where the message points (0:
# no position).  fragment, if any, must appear in the English message.
# tests/test_badinput.c reads EXPECTED; the inputs too big or too odd to
# commit (100 MB, FIFOs, symlinks to devices, unreadable files) are made
# there at test time.
#
# Run it from anywhere: sh tests/data/bad/make.sh.  Contents are printf
# formats: \ooo is a byte, %% a percent sign, \\ one backslash.
set -eu
cd "$(dirname "$0")"
rm -f ./*.yaml EXPECTED
exec 3>EXPECTED

H='nianbao: 1\ntemplate: gb2021\n'
GOLDEN=../golden/full2021.yaml

# bad NAME MSGID LINE COL [FRAGMENT] < content
bad() {
	cat >"$1.yaml"
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5-}" >&3
}
p() {
	# shellcheck disable=SC2059
	printf -- "$1"
}
rep() {	# rep STRING COUNT: STRING repeated
	awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# ---- YAML syntax: truncated and corrupt files ----
p "${H}organ: \"abc\n"			| bad syn_unterminated_dq yaml.syntax 4 1
p "${H}organ: 'abc\n"			| bad syn_unterminated_sq yaml.syntax 4 1
p "${H}sections: [s1\n"			| bad syn_unclosed_flow_seq yaml.syntax 4 1
p "${H}cells: {t3.new.natural: 1\n"	| bad syn_unclosed_flow_map yaml.syntax 4 1
p "${H}organ: ]\n"			| bad syn_stray_bracket yaml.syntax 3 8
p 'nianbao: 1\n  template: gb2021\n'	| bad syn_bad_indent yaml.syntax 2 11
p "${H}cells:\n\tt3.new.natural: 1\n"	| bad syn_tab_indent yaml.syntax 4 1
p "${H}organ: a: b\n"			| bad syn_colon_in_value yaml.syntax 3 9
p "${H}organ: \"\\\\q\"\n"		| bad syn_unknown_escape yaml.syntax 3 9
p "${H}organ: \"\\\\xZZ\"\n"		| bad syn_bad_hex_escape yaml.syntax 3 11
p "${H}organ: \"\\\\uD800\"\n"		| bad syn_surrogate_escape yaml.syntax 3 11
p "${H}sections:\n  s1: |0\n   x\n"	| bad syn_indent_indicator_0 yaml.syntax 4 8
p "${H}cells: [a, - b]\n"		| bad syn_block_in_flow yaml.syntax 3 12
p '%%YAML 2.0\n---\nnianbao: 1\n'	| bad syn_yaml_2_0 yaml.syntax 1 1
p '%%TAG ! tag:a,2000:\n%%TAG ! tag:b,2000:\n---\nnianbao: 1\n' \
					| bad syn_duplicate_tag_directive yaml.syntax 2 1
p "${H}organ: & a\n"			| bad syn_empty_anchor yaml.syntax 3 9
p "${H}organ: *\n"			| bad syn_empty_alias yaml.syntax 3 9
p "${H}organ: a\n- b\n"			| bad syn_seq_after_map yaml.syntax 4 1
p "${H}\"organ\" x: 1\n"		| bad syn_junk_after_key yaml.syntax 3 9
{ p "${H}"; rep k 1100; p ': 1\n'; }	| bad syn_simple_key_too_long yaml.syntax 3 1101
# The golden report cut short: inside a quoted text, inside a UTF-8
# character, inside a key.
off=$(head -n 5 "$GOLDEN" | wc -c)
head -c $((off + 11)) "$GOLDEN"		| bad trunc_in_quoted_text yaml.syntax 6 12
head -c $((off + 12)) "$GOLDEN"		| bad trunc_in_utf8_char yaml.utf8 6 12
off=$(head -n 25 "$GOLDEN" | wc -c)
{ head -c $((off + 12)) "$GOLDEN"; p '\n'; } \
					| bad trunc_in_key yaml.syntax 27 1
head -c 7 "$GOLDEN"			| bad trunc_first_key store.not_report 1 1

# ---- anchors, aliases, merge keys ----
p "${H}organ: &a 镇\n"			| bad anchor_scalar yaml.anchor 3 8
p "${H}cells: &c\n  t3.new.natural: 1\n" | bad anchor_mapping yaml.anchor 3 8
p '&r\nnianbao: 1\n'			| bad anchor_root yaml.anchor 1 1
p "${H}year: [&y 2024]\n"		| bad anchor_in_flow yaml.anchor 3 8
p "${H}organ: *a\n"			| bad alias_undefined yaml.alias 3 8
p '&a [*a]\n'				| bad alias_self_cycle yaml.anchor 1 1
p 'a: &a ["lol","lol","lol"]\nb: &b [*a,*a,*a]\nc: &c [*b,*b,*b]\nd: [*c,*c,*c]\n' \
					| bad billion_laughs yaml.anchor 1 4
p "${H}*k : 1\n"			| bad alias_as_key yaml.alias 3 1
p "${H}<<: {organ: x}\n"		| bad merge_key_not_expanded store.unknown_key 3 1 '<<'

# ---- deep nesting ----
{ p "${H}organ: "; rep '[' 64; rep ']' 64; p '\n'; } \
					| bad depth_64_flow yaml.depth 3 71
{ p "${H}organ: "; rep '[' 63; rep ']' 63; p '\n'; } \
					| bad depth_63_flow_loads store.type 3 8 'organ'
{ p "${H}organ: "; rep '{a: ' 80; p '\n'; } \
					| bad depth_flow_maps yaml.depth 3 260
{ p "${H}organ: "; rep '[' 10000; p '\n'; } \
					| bad depth_10000_brackets yaml.depth 3 71
awk 'BEGIN { for (i = 0; i < 70; i++) { for (j = 0; j < i; j++) printf " "; printf "k%d:\n", i } }' \
					| bad depth_block_maps yaml.depth 65 65
{ rep '- ' 70; p 'x\n'; }		| bad depth_block_seqs yaml.depth 1 129

# ---- duplicate keys ----
p 'nianbao: 1\nnianbao: 1\n'		| bad dup_top yaml.dupkey 2 1 'nianbao'
p "${H}organ: a\n\"organ\": b\n"	| bad dup_quoted_and_plain yaml.dupkey 4 1 'organ'
p "${H}organ: a\n\"\\\\x6Frgan\": b\n"	| bad dup_by_escape yaml.dupkey 4 1 'organ'
p "${H}cells:\n  t3.new.natural: 1\n  t3.new.natural: 2\n" \
					| bad dup_cell yaml.dupkey 5 3 't3.new.natural'
p "${H}sections:\n  s1: a\n  s1: b\n"	| bad dup_section yaml.dupkey 5 3 's1'
p "${H}cells: {t3.new.natural: 1, t3.new.natural: 2}\n" \
					| bad dup_flow yaml.dupkey 3 28
p "${H}previous:\n  t3.new.natural: 1\n  t3.new.natural: 1\n" \
					| bad dup_previous yaml.dupkey 5 3
{ p "${H}"; rep 报 100; p ': 1\n'; rep 报 100; p ': 2\n'; } \
					| bad dup_long_key_cut yaml.dupkey 4 1 '报报…'
p "${H}年份: 1\n年份: 2\n"		| bad dup_cjk_key yaml.dupkey 4 1 '年份'

# ---- tags ----
p "${H}organ: !!str 镇\n"		| bad tag_str yaml.tag 3 8 '!!str'
p "${H}organ: !!binary aGVsbG8=\n"	| bad tag_binary yaml.tag 3 8 '!!binary'
p "${H}organ: !custom x\n"		| bad tag_custom yaml.tag 3 8 '!custom'
p "${H}organ: !<tag:evil.example,2024:x> x\n" \
					| bad tag_verbatim yaml.tag 3 8 'tag:evil.example'
p "${H}cells: !!map\n  t3.new.natural: 1\n" \
					| bad tag_on_mapping yaml.tag 3 8 '!!map'
p "${H}organ: !!python/object/apply:os.system [\"ls\"]\n" \
					| bad tag_python yaml.tag 3 8 '!!python/object/apply:os.system'
p '%%TAG !e! tag:example.com,2000:\n---\nnianbao: !e!x 1\n' \
					| bad tag_handle yaml.tag 3 10 'tag:example.com,2000:x'
p "${H}organ: ! x\n"			| bad tag_non_specific yaml.tag 3 8
p 'nianbao: !!int 1\n'			| bad tag_int yaml.tag 1 10 '!!int'
{ p "${H}organ: !"; rep t 200; p ' x\n'; } \
					| bad tag_long_cut yaml.tag 3 8 'ttt…'

# ---- more than one document; keys that are not text ----
p "${H}---\nnianbao: 1\n"		| bad multidoc yaml.multidoc 3 1
p "${H}...\n---\n"			| bad multidoc_after_end yaml.multidoc 4 1
p "${H}? [a]\n: 1\n"			| bad key_sequence yaml.key_type 3 3
p "${H}{a: 1}: 2\n"			| bad key_mapping yaml.key_type 3 1

# ---- invalid UTF-8 ----
p "${H}organ: \200\n"			| bad utf8_lone_continuation yaml.utf8 3 8
p "${H}organ: \326\320\316\304\n"	| bad utf8_gbk_value yaml.utf8 3 8
p '# \262\342\312\324\nnianbao: 1\n'	| bad utf8_gbk_comment yaml.utf8 1 3
p "${H}organ: \300\200\n"		| bad utf8_overlong_2 yaml.utf8 3 8
p "${H}organ: \340\200\200\n"		| bad utf8_overlong_3 yaml.utf8 3 8
p "${H}organ: \355\240\200\n"		| bad utf8_surrogate yaml.utf8 3 8
p "${H}organ: \355\240\275\355\270\200\n" | bad utf8_cesu8 yaml.utf8 3 8
p "${H}organ: \364\220\200\200\n"	| bad utf8_above_10ffff yaml.utf8 3 8
p "${H}organ: \365\200\200\200\n"	| bad utf8_f5 yaml.utf8 3 8
p "${H}organ: \377\n"			| bad utf8_ff yaml.utf8 3 8
p "${H}organ: \344\270"			| bad utf8_truncated_at_eof yaml.utf8 3 8
p "${H}organ: 镇\200镇\n"		| bad utf8_inside_text yaml.utf8 3 9
p '\377\376n\000i\000a\000n\000'	| bad utf8_utf16le_bom yaml.utf8 1 1
p '\376\377\000n\000i\000a'		| bad utf8_utf16be_bom yaml.utf8 1 1
p "${H}\200: 1\n"			| bad utf8_in_key yaml.utf8 3 1
p "${H}# \300\n"			| bad utf8_in_comment yaml.utf8 3 3
p '\357\273\277nianbao: 1\n\200\n'	| bad utf8_after_bom yaml.utf8 2 1

# ---- NUL bytes ----
p "${H}organ: a\000b\n"			| bad nul_raw yaml.nul 3 9
p "${H}# \000\n"			| bad nul_in_comment yaml.nul 3 3
p '\000nianbao: 1\n'			| bad nul_first_byte yaml.nul 1 1
p 'n\000i\000a\000'			| bad nul_utf16_without_bom yaml.nul 1 2
p "${H}organ: \"a\\\\0b\"\n"		| bad nul_escape_0 yaml.nul 3 8
p "${H}organ: \"a\\\\x00b\"\n"		| bad nul_escape_x00 yaml.nul 3 8
p "${H}organ: \"a\\\\u0000b\"\n"	| bad nul_escape_u0000 yaml.nul 3 8
p "${H}organ: \"a\\\\U00000000b\"\n"	| bad nul_escape_U00000000 yaml.nul 3 8

# ---- control characters and escape sequences, raw ----
p "${H}organ: a\033[31mb\n"		| bad ctl_esc yaml.control 3 9 'U+001B'
p "${H}organ: \033]0;pwned\007\n"	| bad ctl_osc_title yaml.control 3 8 'U+001B'
p "${H}organ: a\007\n"			| bad ctl_bel yaml.control 3 9 'U+0007'
p "${H}organ: a\010b\n"			| bad ctl_backspace yaml.control 3 9 'U+0008'
p "${H}organ: a\013b\n"			| bad ctl_vt yaml.control 3 9 'U+000B'
p "${H}organ: a\014b\n"			| bad ctl_ff yaml.control 3 9 'U+000C'
p "${H}organ: a\177b\n"			| bad ctl_del yaml.control 3 9 'U+007F'
p "${H}organ: a\302\233""31mb\n"	| bad ctl_c1_csi yaml.control 3 9 'U+009B'
p "${H}organ: a\357\277\276\n"		| bad ctl_fffe yaml.control 3 9 'U+FFFE'
p "${H}\033[2J: 1\n"			| bad ctl_in_key yaml.control 3 1 'U+001B'
p "${H}sections:\n  s1: \"第一段\033[8m隐藏\"\n" \
					| bad ctl_in_section yaml.control 4 11 'U+001B'

# ---- control characters written as YAML escapes: after unescaping the
# text would carry ESC, BEL, CSI to whatever shows it.  Refused like raw
# ones, at the scalar.
p "${H}organ: \"a\\\\e[2Jb\"\n"		| bad ctlesc_e yaml.control 3 8 'U+001B'
p "${H}sections:\n  s1: \"\\\\x1b]0;title\\\\x07\"\n" \
					| bad ctlesc_x1b_section yaml.control 4 7 'U+001B'
p "${H}organ: \"\\\\u009b31m\"\n"	| bad ctlesc_u009b yaml.control 3 8 'U+009B'
p "${H}organ: \"\\\\x9b""31m\"\n"	| bad ctlesc_x9b yaml.control 3 8 'U+009B'
p "${H}organ: \"\\\\a\"\n"		| bad ctlesc_bel yaml.control 3 8 'U+0007'
p "${H}\"\\\\e[31mred\": 1\n"		| bad ctlesc_in_key yaml.control 3 1 'U+001B'
p 'nianbao: 1\ntemplate: "\\e]0;x\\a"\n' \
					| bad ctlesc_template yaml.control 2 11 'U+001B'
p "${H}cells:\n  t3.new.natural: \"\\\\b5\"\n" \
					| bad ctlesc_in_number yaml.control 4 19 'U+0008'

# ---- not a report, wrong keys and types ----
p ''					| bad empty_file store.not_report 1 1
p '# only a comment\n'			| bad only_comment store.not_report 1 1
p '- nianbao\n- 1\n'			| bad root_sequence store.not_report 1 1
p 'hello\n'				| bad root_scalar store.not_report 1 1
p '~\n'					| bad root_null store.not_report 1 1
p 'template: gb2021\n'			| bad no_version store.not_report 1 1
p "${H}organs: x\n"			| bad unknown_key store.unknown_key 3 1 'organs'
p "${H}: x\n"				| bad root_empty_key yaml.syntax 3 1
p 'nianbao: abc\n'			| bad version_text store.bad_version 1 10 'abc'
p 'nianbao: 0\n'			| bad version_zero store.bad_version 1 10
p 'nianbao: -1\n'			| bad version_negative store.bad_version 1 10
p 'nianbao: 1.0\n'			| bad version_decimal store.bad_version 1 10
p 'nianbao: [1]\n'			| bad version_list store.bad_version 1 10
p 'nianbao: 99999999999999999999\n'	| bad version_huge store.bad_version 1 10
p 'nianbao: 2\ntemplate: gb2021\n'	| bad version_future store.version 1 10 '2'
p 'nianbao: 9999\ntemplate: gb2030\n'	| bad version_far_future store.version 1 10 '9999'
p 'nianbao: 1\norgan: x\n'		| bad template_missing store.missing_key 1 1 'template'
p 'nianbao: 1\ntemplate: gb2099\n'	| bad template_unknown store.unknown_template 2 11 'gb2099'
p 'nianbao: 1\ntemplate: ""\n'		| bad template_empty store.unknown_template 2 11
p 'nianbao: 1\ntemplate: ../../etc/passwd\n' \
					| bad template_path store.unknown_template 2 11 '../../etc/passwd'
p 'nianbao: 1\ntemplate: [gb2021]\n'	| bad template_list store.type 2 11 'template'
p 'nianbao: 1\ntemplate: ~\n'		| bad template_null store.unknown_template 2 11
p "${H}organ: {a: 1}\n"			| bad organ_mapping store.type 3 8 'organ'
p "${H}year: [2024]\n"			| bad year_list store.type 3 7 'year'
p "${H}year: abc\n"			| bad year_text store.bad_year 3 7 'abc'
p "${H}year: 0\n"			| bad year_zero store.bad_year 3 7
p "${H}year: 10000\n"			| bad year_five_digits store.bad_year 3 7
p "${H}year: -2024\n"			| bad year_negative store.bad_year 3 7
p "${H}year: 2024.5\n"			| bad year_decimal store.bad_year 3 7
p "${H}year: 二〇二四\n"		| bad year_chinese store.bad_year 3 7
p "${H}year: ２０２４\n"		| bad year_fullwidth store.bad_year 3 7
p "${H}sections: [a]\n"			| bad sections_list store.type 3 11 'sections'
p "${H}sections:\n  s1: {a: 1}\n"	| bad section_mapping store.type 4 7 's1'
p "${H}sections:\n  s99: x\n"		| bad section_unknown store.unknown_section 4 3 's99'
p "${H}cells: 5\n"			| bad cells_scalar store.type 3 8 'cells'
p "${H}cells:\n  t3.new.natural: [1]\n" | bad cell_list store.type 4 19 't3.new.natural'
p "${H}cells:\n  t3.new.alien: 1\n"	| bad cell_unknown store.unknown_cell 4 3 't3.new.alien'
p "${H}cells:\n  t3.new.total: 1\n"	| bad cell_computed store.computed 4 3 't3.new.total'
p "${H}published:\n  t3.new.natural: 1\n" \
					| bad published_input store.not_computed 4 3 't3.new.natural'
p "${H}previous:\n  t3.new.alien: 1\n"	| bad previous_unknown_cell store.unknown_cell 4 3 't3.new.alien'
p "${H}import_findings: 5\n"		| bad findings_scalar store.type 3 18 'import_findings'
p "${H}import_findings:\n  - {note: import.nonsense, line: 3}\n" \
					| bad finding_unknown_note store.missing_key 4 5 'note'

# ---- numbers out of range or not numbers ----
N="${H}cells:\n  t3.new.natural: "
M="${H}cells:\n  t2_8.fees.amount: "
p "${N}1e3\n"				| bad num_exponent num.e_char 4 19
p "${N}0x10\n"				| bad num_hex num.e_char 4 19
p "${N}12。5\n"				| bad num_ideographic_stop num.e_char 4 19
p "${N}1、000\n"			| bad num_ideographic_comma num.e_char 4 19
p "${N}--5\n"				| bad num_double_minus num.e_char 4 19
p "${N}abc\n"				| bad num_letters num.e_char 4 19
p "${N}\"1 2\"\n"			| bad num_inner_space num.e_char 4 19
p "${N}yes\n"				| bad num_yaml_bool num.e_char 4 19
p "${N}.nan\n"				| bad num_nan num.e_char 4 19
p "${N}.inf\n"				| bad num_inf num.e_char 4 19
p "${N}五\n"				| bad num_chinese_numeral num.e_char 4 19
p "${N}-1\n"				| bad num_negative_count num.e_negative 4 19
p "${N}1.5\n"				| bad num_decimal_count num.e_decimal 4 19
p "${N}1,23\n"				| bad num_grouping num.e_grouping 4 19
p "${N}1000000000001\n"			| bad num_over_limit num.e_range 4 19
p "${N}9223372036854775808\n"		| bad num_int64_overflow num.e_range 4 19
p "${N}999999999999999999999999999999\n" | bad num_huge num.e_range 4 19
p "${N}１０００００００００００００\n"	| bad num_fullwidth_over_limit num.e_range 4 19
p "${M}1.1234567\n"			| bad num_money_decimals num.e_digits 4 21
p "${M}-1.5\n"				| bad num_money_negative num.e_negative 4 21
p "${M}1000000000000.5\n"		| bad num_money_over_limit num.e_range 4 21
p 'nianbao: 1\ntemplate: gb2019\ncells:\n  t2_5.licensing.change: -1000000000001\n' \
					| bad num_signed_under_limit num.e_range 4 26
p "${H}published:\n  t3.new.total: x\n"	| bad num_published num.e_char 4 17
p "${H}previous:\n  t3.carried_out.natural: -3\n" \
					| bad num_previous num.e_negative 4 27

# ---- odd but valid: these must load ----
p '\357\273\277nianbao: 1\ntemplate: gb2021\n' | bad ok_bom ok 0 0
p 'nianbao: 1\r\ntemplate: gb2021\r\norgan: 镇\r\n' | bad ok_crlf ok 0 0
p "${H}organ: \"\\\\t镇\\\\n\"\n"	| bad ok_tab_newline_escapes ok 0 0
p "${H}sections:\n  s1: |\n    第一段\n    第二段\n" | bad ok_literal_block ok 0 0
p "${H}cells:\n  t3.new.natural: ０１２\n  t2_8.fees.amount: 1，234.50\n" \
					| bad ok_fullwidth_numbers ok 0 0
p "${H}previous:\n  t3.new.total: 12\n" | bad ok_previous_computed ok 0 0
cp "$GOLDEN" ok_golden.yaml
printf 'ok_golden\tok\t0\t0\t\n' >&3
