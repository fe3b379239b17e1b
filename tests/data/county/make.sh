#!/bin/sh
# Regenerates the county test folder (tests/data/county/folder) from the
# real reports in tests/data/real, with the nianbao given:
#	sh tests/data/county/make.sh build/bin/nianbao
# Each real report is imported as published; the other years are made
# from them by changing what README.md lists, each change meant to set
# off exactly one cross-report check.  tests/test_county.c checks that
# every check fires where README.md says and nowhere else.
set -eu
nb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
real=$here/../real
out=$here/folder
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"
mkdir -p "$out/乡镇" "$out/区县"

imp() {		# imp SOURCE OUT: the real report as published
	sed '/^# source:/d' "$real/$1" >"$tmp/$1"
	"$nb" import -o "$2" "$tmp/$1" >/dev/null 2>&1
}
# year FILE YEAR [ORGAN]: a copy for another year (and spelling)
another() {
	sed -e "s/^year: .*/year: $3/" "$1" >"$2"
	if [ $# -gt 3 ]; then
		sed -i "s/^organ: .*/organ: \"$4\"/" "$2"
	fi
}
text() {	# text NAME: the text on stdin kept for `set sN=@`
	cat >"$tmp/$1"
	printf '%s' "$tmp/$1"
}

imp 000_9062bfdbeadefa61.txt "$out/乡镇/小城子镇2021.yaml"
imp 001_13db19b5b2c6c511.txt "$out/乡镇/黄庄镇2020.yaml"
imp 004_cba99305fd9fd5d3.txt "$out/乡镇/拦隆口镇2021.yaml"
imp src-hongze2023.txt "$out/区县/洪泽区2023.yaml"
imp src-hongze2024.txt "$out/区县/洪泽区2024.yaml"
imp src-huaian2024.txt "$out/区县/淮安市2024.yaml"

# 拦隆口镇 2022: 五 as in 2021 (R9); a statutory one-liner in 六.
f=$out/乡镇/拦隆口镇2022.yaml
another "$out/乡镇/拦隆口镇2021.yaml" "$f" 2022
"$nb" set "$f" "s1=@$(text a1 <<'EOF'
2022年，拦隆口镇以群众需求为导向，围绕乡村振兴、惠民补贴、村级财务等群众关心的事项，通过镇政务公开栏和村务公开栏定期更新公开内容，全年更新公开栏四次，发放政策宣传资料一千二百余份，组织村干部参加政务公开业务培训两次。
EOF
)" "s6=本年度未收取信息处理费。" >/dev/null

# 拦隆口镇 2023, spelled with its district and city: a neighbouring
# town's name left in 一 (X6); the same one-liner in 六 (never R9c).
f=$out/乡镇/拦隆口镇2023.yaml
another "$out/乡镇/拦隆口镇2022.yaml" "$f" 2023 "西宁市湟中区拦隆口镇人民政府"
"$nb" set "$f" "s1=@$(text a2 <<'EOF'
2023年，我镇学习借鉴小城子镇的做法，在镇便民服务中心设立政府信息公开查阅点，配备查阅电脑一台，方便群众就近查阅政策文件。全年通过查阅点接待群众咨询八十余人次，对群众提出的低保、医保、养老保险等问题当场答复。
EOF
)" "s5=@$(text a3 <<'EOF'
2023年存在的问题：一是查阅点利用率不高，部分群众不了解查阅渠道；二是村务公开栏更新不及时，个别村半年未更新。改进措施：在各村微信群推送查阅点的开放时间，每季度检查一次村务公开栏，未按时更新的在全镇通报。
EOF
)" >/dev/null

# 小城子镇 2022: 上年结转 3 where 2021 carried 0 over (R5: 自然人 and
# 总计), 现行有效 5 where 0 + 2 - 0 = 2 (X1).
f=$out/乡镇/小城子镇2022.yaml
another "$out/乡镇/小城子镇2021.yaml" "$f" 2022 "小城子镇人民政府"
"$nb" set "$f" t3.carried_in.natural=3 t3.r_open.natural=3 \
    t2_1.normative_docs.issued=2 t2_1.normative_docs.in_force=5 \
    "s1=@$(text x1 <<'EOF'
2022年，小城子镇把惠农补贴发放、低保评定和土地流转作为公开重点，在镇村两级公开栏和镇政府网站专栏逐月公布补贴对象和金额，全年公开各类信息九十六条。
EOF
)" "s5=@$(text x2 <<'EOF'
问题是网站专栏栏目设置不够清晰，部分信息放错栏目，群众查找困难。下一步将按照事项清单重新梳理栏目，每月由专人核对一次栏目归类，年底前完成全部历史信息的归类整理。
EOF
)" "s6=本年度未收取信息处理费。" >/dev/null

# 小城子 2024 (the alias in organs.yaml names 小城子镇人民政府): 2023 is
# missing (X3, a note).
f=$out/乡镇/小城子2024.yaml
another "$out/乡镇/小城子镇2022.yaml" "$f" 2024 "小城子"
"$nb" set "$f" t3.carried_in.natural=0 t3.r_open.natural=0 \
    "s1=@$(text x3 <<'EOF'
2024年，小城子镇在各行政村推行“阳光村务”线上公开，利用村民微信群每周推送一次村级事务办理情况，同时保留纸质公开栏，兼顾不使用智能手机的老年群众。
EOF
)" "s5=@$(text x4 <<'EOF'
线上公开的内容格式不统一，部分村只发图片不发文字。明年将制定统一的公开模板，由镇政务公开办逐村培训村会计和村文书。
EOF
)" >/dev/null
cat >"$out/organs.yaml" <<'EOF'
# 机关名称别名：报告里的写法: 标准名称
小城子: 小城子镇人民政府
EOF

# 黄庄镇 2021: 拦隆口镇's tables, and 小城子镇 2021's 五 copied with one
# word changed (丰富 -> 多样): X5 on both reports.
f=$out/乡镇/黄庄镇2021.yaml
another "$out/乡镇/拦隆口镇2021.yaml" "$f" 2021 "黄庄镇人民政府"
five=$(sed -n 's/^  s5: "\(.*\)"$/\1/p' "$out/乡镇/小城子镇2021.yaml" |
    sed 's/\\n/\n/g; s/丰富/多样/')
"$nb" set "$f" "s1=@$(text h1 <<'EOF'
2021年，黄庄镇围绕疫情防控、秋粮收购和农村人居环境整治，及时在镇政府公开栏发布通知公告，召开村级政务公开推进会三次，各村均明确一名公开信息员。
EOF
)" "s5=@$(printf '%s\n' "$five" | text h2)" \
    "s6=本年度未收取信息处理费。" >/dev/null
