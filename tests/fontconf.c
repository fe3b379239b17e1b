/*
 * fontconf OUT: writes the fontconfig file with which `nianbao export -f
 * pdf` runs LibreOffice (model/fontmap.h: the official fonts where
 * installed, else the fixed free ones) to OUT, so that a test can convert
 * many .docx in one LibreOffice run and get the pages nianbao's own PDF
 * has (tests/preview_pages.py).  Exit 0, or 2 when OUT cannot be written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fontmap.h"

int
main(int argc, char **argv)
{
	struct fontmap	 fm;
	char		*conf;
	FILE		*f;
	int		 rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: fontconf OUT\n");
		return (2);
	}
	fontmap_init(&fm, NULL);
	conf = fontmap_conf(&fm);
	if ((f = fopen(argv[1], "w")) == NULL ||
	    fputs(conf, f) == EOF || fclose(f) != 0)
		rc = 2;
	free(conf);
	fontmap_done(&fm);
	return (rc);
}
