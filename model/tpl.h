/*
 * A statutory format, loaded from templates/<id>.yaml (see
 * templates/SCHEMA.md) into a read-only schema that drives everything else:
 * the editor's screens, the CLI, the checks, the exports.
 *
 * Structure: sections hold tables, tables hold blocks, a block is a grid of
 * value cells with a column header tree and a row label tree.  Header trees
 * are flattened into arrays of tpl_node in pre-order; leaves carry an index
 * into the block's rows[]/cols[].  Every cell of the template is in one
 * array, cells[], ordered block by block, row-major; a cell's index is its
 * identity everywhere (reports store values by it).
 *
 * Formulas are compiled to linear sums of cells (terms) and kept in a
 * dependency order computed once at load (a cell's formula comes after the
 * formulas of every computed cell it reads).  Rules are expanded into
 * instances (one per iterated row or column) that list the cells they read.
 *
 * A loaded tpl is immutable and may be shared by many reports (and
 * threads).  It is built by tpl_load (tpl_load.h); this header is the
 * schema and its read-only lookups.
 */
#ifndef NB_TPL_H
#define NB_TPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/uregex.h>

#include "err.h"
#include "num.h"

enum lang { LANG_ZH = 0, LANG_EN = 1 };

struct tpl_label {
	char	*s[2];		/* [LANG_ZH], [LANG_EN] */
};

struct tpl_type {
	enum num_kind	 kind;
	int		 decimals;	/* money only */
	struct tpl_label unit;		/* optional */
};

/* One node of a header tree (a column group, a column, a row group...). */
struct tpl_node {
	char		*id;		/* leaves only; NULL for groups */
	struct tpl_label label;		/* may be empty (NULL) for T4's row */
	int		 parent;	/* index in the same array, -1 at top */
	int		 depth;		/* 0 at top */
	int		 leaf;		/* index among leaves, or -1 */
	int		 first_leaf;	/* leaves this node spans: */
	int		 nleaves;	/* [first_leaf, first_leaf+nleaves) */
	bool		 has_type;	/* leaves: a type of their own */
	struct tpl_type	 type;
};

struct tpl_block {
	char		*id;
	struct tpl_label title;		/* optional */
	struct tpl_label corner;	/* optional */
	struct tpl_type	 type;		/* default type of its cells */
	int		 table;		/* index of its table */
	struct tpl_node	*colnodes;	/* header tree, pre-order */
	size_t		 ncolnodes;
	struct tpl_node	*rownodes;	/* label tree, pre-order */
	size_t		 nrownodes;
	int		*cols;		/* leaf i -> index in colnodes */
	size_t		 ncols;
	int		*rows;		/* leaf i -> index in rownodes */
	size_t		 nrows;
	int		 col_depth;	/* header rows */
	int		 row_depth;	/* label columns (0: none) */
	int		 first_cell;	/* cells[first_cell + r * ncols + c] */
};

struct tpl_table {
	char	*id;
	int	 section;
	int	 first_block;
	int	 nblocks;
};

enum tpl_section_kind { TPL_NARRATIVE, TPL_TABLES };

struct tpl_section {
	char			*id;
	char			*number;	/* 一 */
	struct tpl_label	 title;
	enum tpl_section_kind	 kind;
	struct tpl_label	 placeholder;
	struct tpl_label	 guidance;
	bool			 preface;	/* the 前言 (kind: preface) */
	struct tpl_label	 wording;	/* preface: a new report's text,
						   with {organ} and {year} */
	int			 first_table;
	int			 ntables;
};

/* A term of a linear expression: sign * (cell | prev cell | literal). */
enum tpl_term_kind { TPL_T_CELL, TPL_T_CONST, TPL_T_PREV, TPL_T_PUBLISHED };
struct tpl_term {
	enum tpl_term_kind kind;
	int		 sign;		/* +1 or -1 */
	int		 cell;		/* TPL_T_CELL, _PREV, _PUBLISHED */
	int64_t		 value;		/* TPL_T_CONST */
};

struct tpl_cell {
	char		*id;		/* "t3.new.natural" */
	int		 block;
	int		 row;		/* leaf index in the block */
	int		 col;
	struct tpl_type	 type;
	int		 formula;	/* index in formulas[], or -1 (input) */
	char		*row_path[2];	/* 三、本年度办理结果/（三）不予公开/1.… */
	char		*col_path[2];	/* 申请人情况/法人或其他组织/商业企业 */
	int		*deps;		/* formulas reading this cell */
	size_t		 ndeps;
	int		*rdeps;		/* rule instances reading this cell */
	size_t		 nrdeps;
};

struct tpl_formula {
	int		 cell;		/* the target */
	struct tpl_term	*terms;
	size_t		 nterms;
	int		 order;		/* position in the evaluation order */
};

/* The rule kinds (rulekinds.def: one line each). */
enum tpl_rule_kind {
#define RULE_KIND(e, name, stem)	e,
#include "rulekinds.def"
#undef RULE_KIND
	TPL_R_NKINDS
};
enum tpl_severity { TPL_ERROR, TPL_WARNING };
enum tpl_op { TPL_EQ, TPL_LE, TPL_GE };

struct tpl_rule {
	char			*id;		/* "R1" */
	enum tpl_rule_kind	 kind;
	enum tpl_severity	 severity;
	struct tpl_label	 message;
	int			 section;	/* text rules; -1: every
						   narrative section (TEXT_NUMBER,
						   TEXT_MATCH) */
	char			*pattern;	/* ICU regex of the text rules */
	URegularExpression	*re;		/* it compiled, never matched
						   with: each report clones it */
	char			**need;		/* literals every match holds
						   one of (regex_need), or
						   NULL */
	int64_t			 max;		/* TEXT_MAX; TEXT_PREV: min */
	unsigned		 reads;		/* TPL_READS_*: what besides
						   its cells it reads */
	char			**organ_ends;	/* `organ:` the rule holds
						   only for an organ whose
						   name ends so (NULL-
						   terminated), or NULL */
	int			 first_inst;
	int			 ninsts;
};

/* What a rule reads besides the cells of its instances; a change to it
 * re-checks the rule's first instance. */
#define TPL_READS_TEXT		0x1	/* the text of its section (every
					   narrative section if -1) */
#define TPL_READS_PREV_TEXT	0x2	/* last year's text of its section */
#define TPL_READS_META		0x4	/* the report's organ and year */

/*
 * One checkable instance of a rule.  For CHECK: lhs and rhs terms; for
 * BLANK: one instance per cell (cells[0]); for text rules one instance
 * (TEXT_NUMBER: lhs is the table value the stated number must equal;
 * TEXT_MATCH: lhs OP rhs must hold wherever the pattern matches).
 * cells[] lists every cell the instance involves, in expression order.
 */
struct tpl_inst {
	int		 rule;
	int		 iter_block;	/* block of the iterated {row}/{col}, or -1 */
	int		 iter_row;	/* leaf index, or -1 */
	int		 iter_col;	/* leaf index, or -1 */
	enum tpl_op	 op;
	struct tpl_term	*lhs;
	size_t		 nlhs;
	struct tpl_term	*rhs;
	size_t		 nrhs;
	int		*cells;
	size_t		 ncells;
	bool		 uses_prev;
	bool		 uses_published;
};

struct tpl {
	char			*id;
	char			*path;		/* the file it came from */
	char			*variant_of;	/* a provincial variant of this id */
	struct tpl_label	 name;
	struct tpl_label	 basis;
	struct tpl_label	 title;		/* with {organ} and {year} */
	int			 year_from;
	int			 year_to;	/* 0: open-ended */
	/*
	 * The sections as numbered (一 … 六), then the 前言 if the template
	 * has one: it is printed before 一 but kept last, so that section
	 * k of every template is the k-th numbered one.  A preface is
	 * TPL_NARRATIVE with preface set and number "".
	 */
	struct tpl_section	*sections;
	size_t			 nsections;
	int			 preface;	/* its index, or -1 */
	struct tpl_table	*tables;
	size_t			 ntables;
	struct tpl_block	*blocks;
	size_t			 nblocks;
	struct tpl_cell		*cells;
	size_t			 ncells;
	struct tpl_formula	*formulas;
	size_t			 nformulas;
	int			*order;		/* formula indices, dependency order */
	struct tpl_rule		*rules;
	size_t			 nrules;
	struct tpl_inst		*insts;
	size_t			 ninsts;
	int			*by_id;		/* cell indices sorted by id */
};

/* Whether a comparison num_cmp gave cmp satisfies op. */
bool		 tpl_op_holds(enum tpl_op op, int cmp);

/* Frees a loaded template (tpl_load.h); NULL is fine. */
void		 tpl_free(struct tpl *);

/* Index of the cell with this id, or -1. */
int		 tpl_cell_index(const struct tpl *, const char *id);
/* The number of numbered sections (一 … 六): they are sections 0 to
 * n - 1, the 前言 (if any) after them. */
size_t		 tpl_numbered(const struct tpl *);
/* The section printed k-th (k < nsections): the 前言 first when there
 * is one, then the numbered sections in order. */
int		 tpl_printed(const struct tpl *, size_t k);

/* Index of the section with this id ("s1") or number ("一", "1"), or -1. */
int		 tpl_section_index(const struct tpl *, const char *id);
/* The rule with that id ("R6a"), or -1. */
int		 tpl_rule_index(const struct tpl *, const char *id);

/*
 * Finds cells by id or by label: an exact id wins; otherwise the query is
 * split at '/' and a cell matches when every part occurs, in order, in its
 * label path (row path, then column path) in either language, e.g.
 * "本年新收/自然人", "行政处罚".  Fills out[0..max) and returns the total
 * number of matches (0: none; >1: ambiguous unless one match is exact).
 */
size_t		 tpl_find_cells(const struct tpl *, const char *query,
		    int *out, size_t max);

/* The label in lang, falling back to Chinese; "" when absent. */
const char	*tpl_label(const struct tpl_label *, enum lang);

/* "row path/col path" of a cell in lang, into buf (truncated to size). */
char		*tpl_cell_label(const struct tpl *, int cell, enum lang,
		    char *buf, size_t size);

/*
 * Fills *err for a value refused on cell: msgid at path:line:col (path
 * NULL, line and col 0 when it was typed) with {0} the cell's id, {1} its
 * Chinese label path, {2} its allowed number of decimals, {3} its
 * English label path, as the num.e_* and cell.* messages expect.
 */
void		 tpl_cell_err(const struct tpl *, int cell, const char *msgid,
		    const char *path, int line, int col, struct err *err);

/* True when the cell is computed by a formula. */
bool		 tpl_cell_computed(const struct tpl *, int cell);

/* The block's leaf node for row r / column c. */
const struct tpl_node *tpl_row_node(const struct tpl_block *, int r);
const struct tpl_node *tpl_col_node(const struct tpl_block *, int c);

/* The national template (not a variant) whose years contain year, or
 * NULL. */
const struct tpl *tpl_for_year(struct tpl *const *tpls, size_t n, int year);
const struct tpl *tpl_by_id(struct tpl *const *tpls, size_t n, const char *id);

#endif
