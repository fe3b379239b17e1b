/*
 * libFuzzer target for registers read as text (.csv, tab-separated, in
 * any encoding), through the whole path a clerk's file takes: read,
 * header and columns, values guessed, counted for 2024, and when the
 * count may be filled, filled into a report whose file must load again.
 * A refusal must say why; a count that may be filled must balance (R1
 * in every column); nothing may crash, leak or hang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "ledger_fuzz.h"

static struct tpl	**tpls;
static size_t		  ntpls;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tpls = fuzz_templates("fuzz_ledger_csv", &ntpls);
	return (0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Text only: a zip or compound file goes to fuzz_ledger_xlsx. */
	if (size >= 2 && ((data[0] == 'P' && data[1] == 'K') ||
	    (data[0] == 0xd0 && data[1] == 0xcf)))
		return (0);
	ledger_fuzz_run("fuzz.csv", data, size, tpls, ntpls);
	return (0);
}
