/*
 * The fixtures of the editor's suites, in one place: the keyless ones
 * (edutil.h) and the pseudo-terminal ones (ptyutil.h).
 *
 * edfix_setup() gives each test a fresh folder under $TMPDIR, which is
 * also HOME and every XDG folder of the editor (its recovery snapshots
 * and locks go to its .state), in the test process's environment too:
 * the keyless editor runs in it, and statedir_new() there names the same
 * files as the editor's.  edfix_teardown() removes the folder and frees
 * what the fixtures gave.  Reports are written through the model
 * (store_save), so that they do not depend on the command line.
 */
#ifndef NB_EDFIX_H
#define NB_EDFIX_H

struct report;
struct tpl;

void	 edfix_setup(void);
void	 edfix_teardown(void);

/* The test's folder, and gb2021 (loaded from the source tree). */
const char	*edfix_dir(void);
const struct tpl *edfix_tpl(void);
/* dir/name in the test's folder.  Freed by teardown. */
char	*edfix_path(const char *name);
/*
 * Writes a gb2021 report for 测试镇人民政府, 2024 in dir (NULL: the test's
 * folder): every input cell 0 (so no "left blank" warnings), section 六
 * mentioning the processing fee (so R7 holds), then the NULL-terminated
 * "id=value" assignments (may be NULL).  Returns its path (freed by
 * teardown).
 */
char	*edfix_report(const char *dir, const char *name,
	    const char *const *assign);

/* The report in the file (fails the test when it does not load), or
 * NULL (quietly: the editor may be writing it).  Caller frees. */
struct report	*edfix_load(const char *path);
struct report	*edfix_try_load(const char *path);
/* The value of cell id as text ("" for blank).  Newly allocated. */
char	*edfix_value(const struct report *, const char *id);
char	*edfix_file_value(const char *path, const char *id);
/* Runs the nianbao command with argv (its arguments only); fails the
 * test unless it exits 0. */
void	 edfix_cli(const char *const *argv);

/* Writes the lock of the report at path as another editor would have
 * it: this process's identity with edit() applied (may be NULL). */
struct procid;
void	 edfix_lock(const char *path, void (*edit)(struct procid *));

/* The text of section sec ("s1"...).  Borrowed from r. */
const char *edfix_text(const struct report *, const char *sec);

/* A 一 that raises no flag (R11 empty, R16 a government's 考核), for
 * edfix_report's assignments: a section is set by its id like a cell. */
#define EDFIX_S1	"s1=本机关依法主动公开政府信息，工作考核、社会评议和" \
			"责任追究结果已公开。"

#endif
