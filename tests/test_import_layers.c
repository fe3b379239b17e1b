/*
 * The importer's files form a chain, not a circle (issue 10): every
 * model/import*.{c,h} file is read, its #include "import*.h" lines make
 * edges between modules (a module is a .c and its .h), and a depth-first
 * walk looks for a cycle.  The same files are held to the style's size
 * limits: under 800 lines, no function over 80 lines.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "xmalloc.h"

#define MODEL	NB_SOURCE_DIR "/model"
#define MAXMOD	64

struct graph {
	char	*name[MAXMOD];
	bool	 edge[MAXMOD][MAXMOD];
	int	 n;
};

/* The module of a file name ("import_tab.c" -> "import_tab"). */
static int
module(struct graph *g, const char *file)
{
	size_t	len = strcspn(file, ".");
	int	i;

	for (i = 0; i < g->n; i++)
		if (strlen(g->name[i]) == len &&
		    strncmp(g->name[i], file, len) == 0)
			return (i);
	cr_assert_lt(g->n, MAXMOD);
	g->name[g->n] = xstrndup(file, len);
	return (g->n++);
}

static bool
is_import_file(const char *name)
{
	size_t	len = strlen(name);

	return (strncmp(name, "import", 6) == 0 && len > 2 &&
	    (strcmp(name + len - 2, ".c") == 0 ||
	    strcmp(name + len - 2, ".h") == 0));
}

/* Edges from file's module to the import modules it includes. */
static void
read_includes(struct graph *g, const char *file)
{
	char		*path = tu_path(MODEL, file), *text, *p, *name;
	const char	*inc = "#include \"";
	int		 from = module(g, file), to;

	text = tu_read(path, NULL);
	cr_assert_not_null(text, "%s", path);
	for (p = text; (p = strstr(p, inc)) != NULL; p += strlen(inc)) {
		name = xstrndup(p + strlen(inc), strcspn(p + strlen(inc),
		    "\"\n"));
		if (is_import_file(name) && (to = module(g, name)) != from)
			g->edge[from][to] = true;
		free(name);
	}
	free(text);
	free(path);
}

/* Depth-first: true when a cycle is reachable from m; *path names it. */
static bool
cycle(const struct graph *g, int m, int *state, char *path, size_t size)
{
	int	k;

	state[m] = 1;
	for (k = 0; k < g->n; k++) {
		if (!g->edge[m][k])
			continue;
		if (state[k] == 1 || (state[k] == 0 &&
		    cycle(g, k, state, path, size))) {
			snprintf(path + strlen(path), size - strlen(path),
			    " %s->%s", g->name[m], g->name[k]);
			return (true);
		}
	}
	state[m] = 2;
	return (false);
}

Test(import_layers, the_import_files_form_a_chain)
{
	struct graph	 g = { 0 };
	struct dirent	*de;
	DIR		*d = opendir(MODEL);
	int		 state[MAXMOD] = { 0 }, m, files = 0;
	char		 path[1024] = "";

	cr_assert_not_null(d);
	while ((de = readdir(d)) != NULL)
		if (is_import_file(de->d_name)) {
			read_includes(&g, de->d_name);
			files++;
		}
	closedir(d);
	cr_assert_geq(files, 12, "only %d import files", files);
	for (m = 0; m < g.n; m++)
		if (state[m] == 0)
			cr_expect(!cycle(&g, m, state, path, sizeof path),
			    "a circle of includes:%s", path);
	/* The leaf includes no other import file. */
	m = module(&g, "import_line.h");
	for (int k = 0; k < g.n; k++)
		cr_expect(!g.edge[m][k], "import_line includes %s", g.name[k]);
	for (m = 0; m < g.n; m++)
		free(g.name[m]);
}

/* A line that names a function being defined: an identifier in column
 * 0 followed by "(", not a declaration. */
static bool
def_line(const char *l, size_t len)
{
	size_t	k = 0;

	while (k < len && (l[k] == '_' || (l[k] >= 'a' && l[k] <= 'z') ||
	    (l[k] >= '0' && l[k] <= '9')))
		k++;
	return (k > 0 && k < len && l[k] == '(' && l[len - 1] != ';');
}

/* Lines of a file, and its longest function (from the line before its
 * name to the closing brace in column 0), named in name. */
static void
sizes(const char *file, int *lines, int *longest, char *name, size_t size)
{
	char		*path = tu_path(MODEL, file), *text = tu_read(path, NULL);
	char		 cur[256] = "";
	const char	*l, *nl;
	int		 n = 0, start = -1;
	size_t		 len;

	cr_assert_not_null(text);
	*longest = 0;
	for (l = text; *l != '\0'; l = nl + 1, n++) {
		if ((nl = strchr(l, '\n')) == NULL)
			nl = l + strlen(l) - 1;
		len = (size_t)(nl - l);
		if (n > 0 && def_line(l, len)) {
			start = n - 1;
			snprintf(cur, sizeof cur, "%.*s", (int)strcspn(l, "("),
			    l);
		}
		if (len == 1 && *l == '}' && start >= 0) {
			if (n - start + 1 > *longest) {
				*longest = n - start + 1;
				snprintf(name, size, "%s", cur);
			}
			start = -1;
		}
	}
	*lines = n;
	free(text);
	free(path);
}

Test(import_layers, every_import_file_is_small)
{
	struct dirent	*de;
	DIR		*d = opendir(MODEL);
	int		 lines, longest;
	char		 name[256];

	cr_assert_not_null(d);
	while ((de = readdir(d)) != NULL) {
		if (!is_import_file(de->d_name) &&
		    strncmp(de->d_name, "labelnorm", 9) != 0)
			continue;
		sizes(de->d_name, &lines, &longest, name, sizeof name);
		cr_expect_lt(lines, 800, "%s: %d lines", de->d_name, lines);
		cr_expect_leq(longest, 80, "%s: %s is %d lines long",
		    de->d_name, name, longest);
	}
	closedir(d);
}
