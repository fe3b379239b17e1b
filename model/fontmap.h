/*
 * The fonts of the .docx and the fonts the PDF is made with.
 *
 * The .docx names the 公文 fonts (仿宋_GB2312, 方正小标宋简体, 黑体,
 * 楷体_GB2312, 宋体, and Times New Roman for digits and Latin).  When one
 * is installed (system-wide, in ~/.fonts or ~/.local/share/fonts, or in a
 * folder given with `--fonts DIR`), LibreOffice embeds it.  Otherwise the
 * PDF gets a fixed free font from Debian (installed by .ci/deps), never
 * whatever fontconfig happens to find first:
 *
 *   仿宋_GB2312, 宋体   Noto Serif CJK SC           (fonts-noto-cjk)
 *   方正小标宋简体     Noto Serif CJK SC, bold      (fonts-noto-cjk)
 *   黑体               Noto Sans CJK SC             (fonts-noto-cjk)
 *   楷体_GB2312        AR PL UKai CN                (fonts-arphic-ukai)
 *   Times New Roman    Liberation Serif             (fonts-liberation2)
 *
 * The mapping is a fontconfig configuration file (fontmap_conf) that
 * includes the system's and adds the folder and one <match> per missing
 * font; LibreOffice reads it through $FONTCONFIG_FILE.  Each substitution
 * is reported back so that the caller can say it (pdf.font_sub).
 */
#ifndef NB_FONTMAP_H
#define NB_FONTMAP_H

#include <stdbool.h>
#include <stddef.h>

struct fontmap_sub {
	const char	*official;	/* static: the name in the .docx */
	const char	*used;		/* static: the free family used */
	const char	*package;	/* static: the Debian package of it */
	bool		 bold;		/* used in its bold face */
	bool		 present;	/* the free family is installed */
};

struct fontmap {
	struct fontmap_sub	*subs;	/* the official fonts not installed */
	size_t			 nsubs;
	char			*dir;	/* the --fonts folder or NULL */
};

/*
 * Looks up which official fonts are installed, in fontconfig's usual
 * places and in dir (NULL: none).  Never fails: when fontconfig cannot be
 * initialised every font counts as missing.  Free with fontmap_done.
 */
void	 fontmap_init(struct fontmap *, const char *dir);
void	 fontmap_done(struct fontmap *);

/* The fontconfig file for LibreOffice (see above).  Newly allocated;
 * caller frees. */
char	*fontmap_conf(const struct fontmap *);

#endif
