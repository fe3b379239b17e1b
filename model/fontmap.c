/*
 * Font resolution for the PDF; see fontmap.h.  One fixed table, fonts[],
 * gives each font the .docx names with its free stand-in.  fontmap_init
 * asks fontconfig (a configuration of its own, with the --fonts folder
 * added, released before returning) whether each family is installed;
 * the missing ones become the substitutions, in table order.
 *
 * libfontconfig is opened with dlopen when a PDF is made, not linked:
 * linked, it and FreeType were loaded by every command at start-up.
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "fontmap.h"
#include "sbuf.h"
#include "xmalloc.h"
#include "xmlw.h"

static const struct fontmap_sub fonts[] = {
	{ "仿宋_GB2312", "Noto Serif CJK SC", "fonts-noto-cjk", false, false },
	{ "方正小标宋简体", "Noto Serif CJK SC", "fonts-noto-cjk", true, false },
	{ "黑体", "Noto Sans CJK SC", "fonts-noto-cjk", false, false },
	{ "楷体_GB2312", "AR PL UKai CN", "fonts-arphic-ukai", false, false },
	{ "宋体", "Noto Serif CJK SC", "fonts-noto-cjk", false, false },
	{ "Times New Roman", "Liberation Serif", "fonts-liberation2", false,
	    false },
};

/* The fontconfig functions used, from dlopen. */
struct fc {
	FcConfig	*(*init)(void);
	FcBool		 (*add_dir)(FcConfig *, const FcChar8 *);
	FcPattern	*(*pattern)(void);
	FcBool		 (*add_string)(FcPattern *, const char *,
			    const FcChar8 *);
	FcObjectSet	*(*object_set)(const char *, ...);
	FcFontSet	*(*list)(FcConfig *, FcPattern *, FcObjectSet *);
	void		 (*set_destroy)(FcFontSet *);
	void		 (*os_destroy)(FcObjectSet *);
	void		 (*pattern_destroy)(FcPattern *);
	void		 (*config_destroy)(FcConfig *);
};

/* Loads fontconfig into *fc; false when it is not installed. */
static bool
fc_open(struct fc *fc)
{
	void	*h = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_LOCAL);

	if (h == NULL)
		return (false);
	*(void **)&fc->init = dlsym(h, "FcInitLoadConfigAndFonts");
	*(void **)&fc->add_dir = dlsym(h, "FcConfigAppFontAddDir");
	*(void **)&fc->pattern = dlsym(h, "FcPatternCreate");
	*(void **)&fc->add_string = dlsym(h, "FcPatternAddString");
	*(void **)&fc->object_set = dlsym(h, "FcObjectSetBuild");
	*(void **)&fc->list = dlsym(h, "FcFontList");
	*(void **)&fc->set_destroy = dlsym(h, "FcFontSetDestroy");
	*(void **)&fc->os_destroy = dlsym(h, "FcObjectSetDestroy");
	*(void **)&fc->pattern_destroy = dlsym(h, "FcPatternDestroy");
	*(void **)&fc->config_destroy = dlsym(h, "FcConfigDestroy");
	return (fc->init != NULL && fc->add_dir != NULL &&
	    fc->pattern != NULL && fc->add_string != NULL &&
	    fc->object_set != NULL && fc->list != NULL &&
	    fc->set_destroy != NULL && fc->os_destroy != NULL &&
	    fc->pattern_destroy != NULL && fc->config_destroy != NULL);
}

/* Whether family is installed: a font whose family is exactly it. */
static bool
installed(const struct fc *fc, FcConfig *cfg, const char *family)
{
	FcPattern	*p;
	FcObjectSet	*os;
	FcFontSet	*fs;
	bool		 found;

	if (cfg == NULL)
		return (false);
	p = fc->pattern();
	fc->add_string(p, FC_FAMILY, (const FcChar8 *)family);
	os = fc->object_set(FC_FAMILY, (char *)NULL);
	fs = fc->list(cfg, p, os);
	found = fs != NULL && fs->nfont > 0;
	if (fs != NULL)
		fc->set_destroy(fs);
	fc->os_destroy(os);
	fc->pattern_destroy(p);
	return (found);
}

void
fontmap_init(struct fontmap *fm, const char *dir)
{
	struct fc	 fc;
	FcConfig	*cfg = NULL;
	size_t		 i;

	memset(fm, 0, sizeof *fm);
	fm->dir = dir != NULL ? xstrdup(dir) : NULL;
	if (fc_open(&fc))
		cfg = fc.init();
	if (cfg != NULL && dir != NULL)
		fc.add_dir(cfg, (const FcChar8 *)dir);
	fm->subs = xcalloc(sizeof fonts / sizeof fonts[0], sizeof *fm->subs);
	for (i = 0; i < sizeof fonts / sizeof fonts[0]; i++) {
		if (installed(&fc, cfg, fonts[i].official))
			continue;
		fm->subs[fm->nsubs] = fonts[i];
		fm->subs[fm->nsubs++].present = installed(&fc, cfg,
		    fonts[i].used);
	}
	if (cfg != NULL)
		fc.config_destroy(cfg);
}

void
fontmap_done(struct fontmap *fm)
{
	free(fm->subs);
	free(fm->dir);
	memset(fm, 0, sizeof *fm);
}

/* <tag>text</tag> with text escaped. */
static void
element(struct xmlw *w, const char *tag, const char *text)
{
	xmlw_start(w, tag);
	xmlw_text(w, text, strlen(text));
	xmlw_end(w);
}

/* A <match> that puts s->used (bold if so) where s->official is asked. */
static void
match(struct xmlw *w, const struct fontmap_sub *s)
{
	xmlw_start(w, "match");
	xmlw_attr(w, "target", "pattern");
	xmlw_start(w, "test");
	xmlw_attr(w, "qual", "any");
	xmlw_attr(w, "name", "family");
	element(w, "string", s->official);
	xmlw_end(w);
	xmlw_start(w, "edit");
	xmlw_attr(w, "name", "family");
	xmlw_attr(w, "mode", "assign");
	xmlw_attr(w, "binding", "strong");
	element(w, "string", s->used);
	xmlw_end(w);
	if (s->bold) {
		xmlw_start(w, "edit");
		xmlw_attr(w, "name", "weight");
		xmlw_attr(w, "mode", "assign");
		element(w, "const", "bold");
		xmlw_end(w);
	}
	xmlw_end(w);
	xmlw_newline(w);
}

char *
fontmap_conf(const struct fontmap *fm)
{
	struct sbuf	 b;
	struct xmlw	 w;
	const char	*sys;
	size_t		 i;

	sbuf_init(&b);
	xmlw_init(&w, &b);
	xmlw_decl(&w);
	xmlw_start(&w, "fontconfig");
	xmlw_newline(&w);
	/* The configuration LibreOffice would have read, then ours. */
	if ((sys = getenv("FONTCONFIG_FILE")) == NULL || *sys == '\0')
		sys = "/etc/fonts/fonts.conf";
	xmlw_start(&w, "include");
	xmlw_attr(&w, "ignore_missing", "yes");
	xmlw_text(&w, sys, strlen(sys));
	xmlw_end(&w);
	xmlw_newline(&w);
	if (fm->dir != NULL) {
		element(&w, "dir", fm->dir);
		xmlw_newline(&w);
	}
	for (i = 0; i < fm->nsubs; i++)
		match(&w, &fm->subs[i]);
	xmlw_end(&w);
	xmlw_newline(&w);
	return (sbuf_take(&b));
}
