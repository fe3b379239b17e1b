/*
 * Header detection; see ledger_head.h.  Every header cell is scored for
 * each field (0: not that field; higher is surer, so 收到日期 beats
 * 申请日期 for the date received, and 办理结果 beats 处理方式 for the
 * result); per field the column with the best score wins, the leftmost
 * on a tie.  The first row in which all four fields are found is the
 * header; rows above it are title rows, searched for the year ("2024年
 * 政府信息公开申请登记表") that dates written without one belong to.
 */
#include <stdlib.h>
#include <string.h>

#include "labelnorm.h"
#include "ledger_head.h"
#include "xmalloc.h"
#include "year.h"

struct scored {
	const char	*w;
	int		 score;
};

static const char *const date_words[] = { "日期", "时间", "日", NULL };
static const struct scored received_words[] = {
	{ "收到", 3 }, { "收件", 3 }, { "收文", 3 }, { "接收", 3 },
	{ "受理", 2 }, { "登记", 2 }, { "来件", 2 }, { "申请", 1 },
	{ NULL, 0 }
};
static const struct scored answered_words[] = {
	{ "答复", 3 }, { "办结", 3 }, { "回复", 3 }, { "告知", 2 },
	{ "送达", 2 }, { "完成", 2 }, { "结案", 2 }, { "处理", 1 },
	{ NULL, 0 }
};
static const char *const who_words[] = { "申请人", "申请主体", "申请者",
	"主体", NULL };
static const char *const kind_words[] = { "类型", "类别", "性质", "身份",
	"分类", NULL };
static const struct scored result_words[] = {
	{ "结果", 3 }, { "答复类型", 2 }, { "答复情况", 2 },
	{ "办理情况", 2 }, { "处理情况", 2 }, { "处理意见", 2 },
	{ "答复意见", 2 }, { "办理意见", 2 }, { "处理方式", 1 },
	{ "办理方式", 1 }, { "答复内容", 1 }, { NULL, 0 }
};
/* How an answer was sent, not what it was. */
static const char *const not_result[] = { "答复方式", "答复形式", "提供方式",
	"获取方式", "申请方式", "送达方式", "告知方式", "答复途径", "提交方式",
	"申请形式", NULL };

static bool
has_any(const char *k, const char *const *ws)
{
	for (; *ws != NULL; ws++)
		if (strstr(k, *ws) != NULL)
			return (true);
	return (false);
}

static int
best(const char *k, const struct scored *ws)
{
	int	s = 0;

	for (; ws->w != NULL; ws++)
		if (ws->score > s && strstr(k, ws->w) != NULL)
			s = ws->score;
	return (s);
}

/* How surely key k names field f (0: not at all). */
static int
score(const char *k, enum ledger_field f)
{
	bool	date = has_any(k, date_words);
	int	ans = best(k, answered_words);

	switch (f) {
	case LEDGER_RECEIVED:
		return (date && ans == 0 ? best(k, received_words) : 0);
	case LEDGER_ANSWERED:
		return (date ? ans : 0);
	case LEDGER_APPLICANT:
		return (!date && has_any(k, who_words) &&
		    has_any(k, kind_words) ? 3 : 0);
	case LEDGER_RESULT:
		return (date || has_any(k, not_result) ? 0 :
		    best(k, result_words));
	default:
		return (0);
	}
}

int
ledger_head_field(const char *text)
{
	char	*k = labelnorm_key(text);
	int	 f, s, bf = -1, bs = 0;

	for (f = 0; f < LEDGER_NFIELDS; f++)
		if ((s = score(k, f)) > bs) {
			bs = s;
			bf = f;
		}
	free(k);
	return (bf);
}

int
ledger_head_letters(const char *s)
{
	int	c = 0, n;

	for (n = 0; s[n] != '\0'; n++) {
		char ch = s[n] >= 'a' && s[n] <= 'z' ? s[n] - 32 : s[n];
		if (ch < 'A' || ch > 'Z' || n >= 3)
			return (-1);
		c = c * 26 + (ch - 'A' + 1);
	}
	return (n > 0 ? c - 1 : -1);
}

/* The nearest non-empty cell at or left of col in grid row r, or NULL. */
static const struct ledger_cell *
above(const struct ledger_grid *g, size_t r, int col)
{
	const struct ledger_row		*row = &g->rows[r];
	const struct ledger_cell	*best = NULL;
	size_t				 i;

	for (i = 0; i < row->n; i++) {
		const struct ledger_cell *c = &g->cells[row->first + i];
		if (c->col <= col && (best == NULL || c->col > best->col))
			best = c;
	}
	return (best);
}

/* One candidate column of a header row: its key and its text. */
struct cand {
	int	 col;
	char	*key;		/* alone, or with the cell above */
	char	*text;
};

/* The key of s, also kept in *out for the caller to free. */
static const char *
labelnorm_key_tmp(const char *s, char **out)
{
	*out = labelnorm_key(s);
	return (*out);
}

/*
 * Scores column c into h for every field.  A column the map names wins
 * (by its letters, its header text, or the text with the cell above); a
 * name found nowhere leaves the field to the header words, so a map made
 * for another register's layout does no harm.
 */
static void
take(struct ledger_head *h, int sc[LEDGER_NFIELDS], const struct cand *c,
    const struct ledger_map *m)
{
	int	f, s;
	char	*k, *k2 = NULL;

	for (f = 0; f < LEDGER_NFIELDS; f++) {
		s = score(c->key, f);
		if (m != NULL && m->columns[f] != NULL) {
			k = labelnorm_key(m->columns[f]);
			if (ledger_head_letters(m->columns[f]) == c->col ||
			    strcmp(k, c->key) == 0 ||
			    strcmp(k, labelnorm_key_tmp(c->text, &k2)) == 0)
				s = 100;
			free(k);
			free(k2);
			k2 = NULL;
		}
		if (s > sc[f]) {
			sc[f] = s;
			h->col[f] = c->col;
			free(h->text[f]);
			h->text[f] = xstrdup(c->text);
		}
	}
}

/* The candidates of row r (prev: the row above in the same sheet, or
 * SIZE_MAX): each cell, or the cell above where r is empty. */
static size_t
candidates(const struct ledger_grid *g, size_t r, size_t prev,
    struct cand *out, size_t max)
{
	const struct ledger_row		*row = &g->rows[r];
	const struct ledger_cell	*c, *up;
	size_t				 i, n = 0;
	char				*k, *both;

	for (i = 0; i < row->n && n < max; i++) {
		c = &g->cells[row->first + i];
		k = labelnorm_key(ledger_grid_text(g, c));
		up = prev != SIZE_MAX ? above(g, prev, c->col) : NULL;
		if (up != NULL && ledger_head_field(ledger_grid_text(g, c)) < 0) {
			both = xasprintf("%s%s", ledger_grid_text(g, up),
			    ledger_grid_text(g, c));
			free(k);
			k = labelnorm_key(both);
			free(both);
		}
		out[n].col = c->col;
		out[n].key = k;
		out[n++].text = xstrdup(ledger_grid_text(g, c));
	}
	if (prev == SIZE_MAX)
		return (n);
	/* Vertically merged header cells keep their text in the row above. */
	row = &g->rows[prev];
	for (i = 0; i < row->n && n < max; i++) {
		c = &g->cells[row->first + i];
		if (ledger_grid_at(g, r, c->col) != NULL)
			continue;
		out[n].col = c->col;
		out[n].key = labelnorm_key(ledger_grid_text(g, c));
		out[n++].text = xstrdup(ledger_grid_text(g, c));
	}
	return (n);
}

/* Scores grid row r as the header; returns the fields found. */
static int
try_row(const struct ledger_grid *g, size_t r, size_t prev,
    const struct ledger_map *m, struct ledger_head *h)
{
	struct cand	*cs = xcalloc(LEDGER_MAX_COLS * 2, sizeof *cs);
	int		 sc[LEDGER_NFIELDS] = { 0 }, f;
	size_t		 n, i;

	ledger_head_done(h);
	h->row = r;
	h->number = g->rows[r].number;
	n = candidates(g, r, prev, cs, LEDGER_MAX_COLS * 2);
	for (i = 0; i < n; i++) {
		take(h, sc, &cs[i], m);
		free(cs[i].key);
		free(cs[i].text);
	}
	free(cs);
	for (f = 0, h->nfound = 0; f < LEDGER_NFIELDS; f++)
		if (h->col[f] >= 0)
			h->nfound++;
	return (h->nfound);
}

/* A report year written as "2024年" in s, or 0. */
static int
year_in(const char *s)
{
	const char	*p;
	int		 y;

	for (p = s; (p = strstr(p, "年")) != NULL; p++) {
		if (p - s < 4 || strspn(p - 4, "0123456789") < 4 ||
		    (p - s > 4 && p[-5] >= '0' && p[-5] <= '9'))
			continue;
		y = (p[-4] - '0') * 1000 + (p[-3] - '0') * 100 +
		    (p[-2] - '0') * 10 + (p[-1] - '0');
		if (year_valid(y))
			return (y);
	}
	return (0);
}

/* The title year: rows above the header, then the sheet's name. */
static int
title_year(const struct ledger_grid *g, int sheet, size_t first, size_t hdr)
{
	size_t	r, i;
	int	y;

	for (r = first; r < hdr; r++)
		for (i = 0; i < g->rows[r].n; i++)
			if ((y = year_in(ledger_grid_text(g,
			    &g->cells[g->rows[r].first + i]))) > 0)
				return (y);
	if ((y = year_in(g->sheets[sheet].name)) > 0)
		return (y);
	return (year_parse(g->sheets[sheet].name, &y) ? y : 0);
}

bool
ledger_head_find(const struct ledger_grid *g, int sheet,
    const struct ledger_map *m, struct ledger_head *h)
{
	struct ledger_head	 cur;
	size_t			 r, first = SIZE_MAX, prev = SIZE_MAX, seen = 0;

	memset(h, 0, sizeof *h);
	memset(&cur, 0, sizeof cur);
	ledger_head_done(h);
	for (r = 0; r < g->nrows && seen < LEDGER_HEAD_ROWS; r++) {
		if (g->rows[r].sheet != sheet)
			continue;
		if (first == SIZE_MAX)
			first = r;
		seen++;
		if (try_row(g, r, prev, m, &cur) > h->nfound) {
			ledger_head_done(h);
			*h = cur;
			memset(&cur, 0, sizeof cur);
			if (h->nfound == LEDGER_NFIELDS)
				break;
		}
		prev = r;
	}
	ledger_head_done(&cur);
	if (h->nfound == LEDGER_NFIELDS)
		h->year = title_year(g, sheet, first, h->row);
	return (h->nfound == LEDGER_NFIELDS);
}

void
ledger_head_done(struct ledger_head *h)
{
	int	f;

	for (f = 0; f < LEDGER_NFIELDS; f++) {
		free(h->text[f]);
		h->text[f] = NULL;
		h->col[f] = -1;
	}
	h->nfound = 0;
}
