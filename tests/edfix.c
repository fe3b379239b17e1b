/* The editor suites' fixtures; see edfix.h. */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "editlock.h"
#include "err.h"
#include "report.h"
#include "statedir.h"
#include "store.h"
#include "testutil.h"
#include "tpl.h"
#include "vec.h"
#include "xmalloc.h"

static char		*g_dir;
static struct tpl	*g_tpl;
static char		**g_paths;	/* given out, freed by teardown */
static size_t		  g_npaths, g_cappaths;

/* Points variable name at dir/sub. */
static void
point(const char *name, const char *sub)
{
	char	*v = xasprintf("%s%s", g_dir, sub);

	setenv(name, v, 1);
	free(v);
}

void
edfix_setup(void)
{
	g_dir = tu_tmpdir();
	point("HOME", "");
	point("XDG_CONFIG_HOME", "/.config");
	point("XDG_STATE_HOME", "/.state");
	point("XDG_DATA_HOME", "/.data");
	point("XDG_CACHE_HOME", "/.cache");
	g_tpl = tu_tpl("gb2021");
}

void
edfix_teardown(void)
{
	if (g_tpl != NULL)
		tpl_free(g_tpl);
	g_tpl = NULL;
	while (g_npaths > 0)
		free(g_paths[--g_npaths]);
	free(g_paths);
	g_paths = NULL;
	g_cappaths = 0;
	if (g_dir != NULL)
		tu_rmtree(g_dir);
	free(g_dir);
	g_dir = NULL;
}

const char *
edfix_dir(void)
{
	return (g_dir);
}

const struct tpl *
edfix_tpl(void)
{
	return (g_tpl);
}

/* Keeps path, to free at teardown.  Returns it. */
static char *
keep(char *path)
{
	return (*VEC_PUSH(g_paths, g_npaths, g_cappaths) = path);
}

char *
edfix_path(const char *name)
{
	return (keep(tu_path(g_dir, name)));
}

char *
edfix_report(const char *dir, const char *name, const char *const *assign)
{
	struct report	*r = report_new(g_tpl);
	struct err	 e = { 0 };
	char		*path, *id;
	const char	*eq;
	size_t		 i;
	int		 c;

	path = keep(tu_path(dir != NULL ? dir : g_dir, name));
	report_set_organ(r, "测试镇人民政府");
	report_set_year(r, 2024);
	for (i = 0; i < g_tpl->ncells; i++)
		if (g_tpl->cells[i].formula < 0)
			cr_assert(report_set_input(r, (int)i, "0", NULL, &e));
	/* A report with no flag: 一, 五 and 六 written (R11), 一 with a
	 * government's 考核 (R16); a test that types in a section empties it
	 * with "s1=". */
	report_set_text(r, tpl_section_index(g_tpl, "s1"),
	    strchr(EDFIX_S1, '=') + 1, NULL);
	report_set_text(r, tpl_section_index(g_tpl, "s5"),
	    "一是信息更新不够及时；二是解读形式单一。下一步将加强培训。", NULL);
	report_set_text(r, tpl_section_index(g_tpl, "s6"),
	    "本年度未收取信息处理费。", NULL);
	for (i = 0; assign != NULL && assign[i] != NULL; i++) {
		eq = strchr(assign[i], '=');
		id = xstrndup(assign[i], (size_t)(eq - assign[i]));
		if ((c = tpl_section_index(g_tpl, id)) >= 0) {
			report_set_text(r, c, eq + 1, NULL);
			free(id);
			continue;
		}
		c = tpl_cell_index(g_tpl, id);
		cr_assert(c >= 0, "no cell %s", id);
		cr_assert(report_set_input(r, c, eq + 1, NULL, &e));
		free(id);
	}
	cr_assert(store_save(r, path, &e), "fixture %s not saved", path);
	report_free(r);
	return (path);
}

struct report *
edfix_try_load(const char *path)
{
	struct err	 e = { 0 };
	struct report	*r = store_load(path, &g_tpl, 1, &e);

	err_clear(&e);
	return (r);
}

struct report *
edfix_load(const char *path)
{
	struct err	 e = { 0 };
	struct report	*r = store_load(path, &g_tpl, 1, &e);

	cr_assert_not_null(r, "%s does not load: %s", path,
	    e.msgid != NULL ? e.msgid : "?");
	return (r);
}

char *
edfix_value(const struct report *r, const char *id)
{
	char	buf[NUM_FMT_MAX];
	int	c = tpl_cell_index(report_tpl(r), id);

	cr_assert(c >= 0, "no cell %s", id);
	report_format_value(r, c, report_value(r, c), buf);
	return (xstrdup(buf));
}

char *
edfix_file_value(const char *path, const char *id)
{
	struct report	*r = edfix_load(path);
	char		*v = edfix_value(r, id);

	report_free(r);
	return (v);
}

void
edfix_lock(const char *path, void (*edit)(struct procid *))
{
	struct err	 e = { 0 };
	struct statedir	*rc = statedir_new(path, &e);
	struct procid	 o;
	char		*text;

	cr_assert_not_null(rc);
	o = *statedir_self(rc);
	if (edit != NULL)
		edit(&o);
	text = editlock_format(&o, statedir_report_path(rc));
	tu_write(statedir_lock_path(rc), text);
	free(text);
	statedir_free(rc);
}

const char *
edfix_text(const struct report *r, const char *sec)
{
	return (report_text(r, tpl_section_index(report_tpl(r), sec)));
}

void
edfix_cli(const char *const *argv)
{
	struct tu_run	run;

	tu_nianbao(&run, NULL, argv);
	cr_assert_eq(run.status, 0, "nianbao %s failed (%d): %s", argv[0],
	    run.status, run.err);
	tu_run_free(&run);
}
