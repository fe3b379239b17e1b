/*
 * libFuzzer target for .xlsx registers.  An input starting with "PK" is
 * a package as it is; any other input is cut at NUL bytes into the XML
 * of the worksheet, the shared strings and the workbook, which are put
 * into a package (stored, not compressed) so that the fuzzer mutates
 * the XML the streaming reader sees, not deflate.  Then the same path
 * as fuzz_ledger_csv (ledger_fuzz.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "fuzzutil.h"
#include "ledger_fuzz.h"

static struct tpl	**tpls;
static size_t		  ntpls;

static const char wb[] = "<workbook xmlns:r=\"r\"><workbookPr/><sheets>"
    "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] = "<Relationships><Relationship Id=\"rId1\" "
    "Target=\"worksheets/sheet1.xml\"/></Relationships>";

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tpls = fuzz_templates("fuzz_ledger_xlsx", &ntpls);
	return (0);
}

static void
add(zip_t *za, const char *name, const void *data, size_t len)
{
	zip_source_t	*s = zip_source_buffer(za, data, len, 0);
	zip_int64_t	 i;

	if (s == NULL)
		abort();
	if ((i = zip_file_add(za, name, s, ZIP_FL_OVERWRITE)) < 0)
		abort();
	zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* A package of the parts in data (see above); newly allocated. */
static void *
package(const uint8_t *data, size_t size, size_t *len)
{
	const uint8_t	*part[3] = { NULL, NULL, NULL }, *p = data;
	size_t		 plen[3] = { 0, 0, 0 }, k;
	zip_source_t	*src;
	zip_error_t	 ze;
	zip_t		*za;
	void		*out;

	for (k = 0; k < 3 && p <= data + size; k++) {
		const uint8_t *nul = memchr(p, 0, (size_t)(data + size - p));
		part[k] = p;
		plen[k] = nul ? (size_t)(nul - p) : (size_t)(data + size - p);
		if (nul == NULL)
			break;
		p = nul + 1;
	}
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		abort();
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		abort();
	add(za, "xl/worksheets/sheet1.xml", part[0], plen[0]);
	if (part[1] != NULL)
		add(za, "xl/sharedStrings.xml", part[1], plen[1]);
	if (part[2] != NULL)
		add(za, "xl/workbook.xml", part[2], plen[2]);
	else
		add(za, "xl/workbook.xml", wb, sizeof wb - 1);
	add(za, "xl/_rels/workbook.xml.rels", rels, sizeof rels - 1);
	if (zip_close(za) != 0 || zip_source_open(src) != 0)
		abort();
	zip_source_seek(src, 0, SEEK_END);
	*len = (size_t)zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	out = malloc(*len + 1);
	if (out == NULL || zip_source_read(src, out, *len) != (zip_int64_t)*len)
		abort();
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return (out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	void	*pkg;
	size_t	 len;

	if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
		ledger_fuzz_run("fuzz.xlsx", data, size, tpls, ntpls);
		return (0);
	}
	pkg = package(data, size, &len);
	ledger_fuzz_run("fuzz.xlsx", pkg, len, tpls, ntpls);
	free(pkg);
	return (0);
}
