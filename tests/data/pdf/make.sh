#!/bin/sh
# Regenerates the PDF fixtures of tests/test_import_pdf.c (see README.md):
#   pingtan-2024.yaml        the 平潭 2024 web page as nianbao imports it
#                            (checked cell by cell by test_import_html)
#   own-pingtan-2024.pdf     that report exported by nianbao as .docx and
#                            turned into PDF by LibreOffice
#   official-pingtan-2024.pdf  the official 2021 template (Word) filled in
#                            with the same report (fill_template.py, as a
#                            clerk fills it) and turned into PDF by LibreOffice
#   scanned.pdf              a PDF of two pages with no text (images only)
#   locked.pdf               scanned.pdf with an open password
# Usage: sh tests/data/pdf/make.sh BUILD   (needs LibreOffice, python3-docx
# and qpdf)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build}" && pwd)
nb="$build/bin/nianbao"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"
"$nb" import ../real/html/pingtan-2024.html -o "$tmp/r.yaml" 2>/dev/null
cp "$tmp/r.yaml" pingtan-2024.yaml
"$nb" export -f pdf -o own-pingtan-2024.pdf pingtan-2024.yaml
"$nb" export -f json -o "$tmp/r.json" pingtan-2024.yaml
python3 fill_template.py ../real/official-template-2021.docx "$tmp/r.json" \
    "$tmp/official-pingtan-2024.docx"
soffice --headless "-env:UserInstallation=file://$tmp/profile" \
    --convert-to pdf --outdir "$tmp" "$tmp/official-pingtan-2024.docx" \
    >/dev/null 2>&1
cp "$tmp/official-pingtan-2024.pdf" .
python3 scanned.py scanned.pdf
qpdf --encrypt secret secret 256 -- scanned.pdf locked.pdf
