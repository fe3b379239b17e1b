/*
 * The theme table: one row per role with its colour pair (foreground,
 * background, extra attributes) and its monochrome attributes.  -1 is the
 * terminal's default colour (use_default_colors), so the editor sits on
 * the user's own background.  Monochrome keeps roles apart with reverse
 * (cursor, bars), underline (headers, blanks, input) and bold (totals,
 * errors).
 */
#include <stdlib.h>

#include "ed_theme.h"

struct theme_row {
	short	fg;
	short	bg;
	attr_t	color_attr;
	attr_t	mono_attr;
};

static const struct theme_row rows[ST_COUNT_] = {
	[ST_NORMAL]	  = { -1, -1, 0, 0 },
	[ST_TITLE]	  = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[ST_TITLE_MOD]	  = { COLOR_RED, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[ST_TITLE_ERR]	  = { COLOR_RED, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[ST_STATUS]	  = { -1, -1, 0, 0 },
	[ST_MSG_INFO]	  = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ST_MSG_ERROR]	  = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ST_MSG_FLAG]	  = { COLOR_YELLOW, -1, 0, A_BOLD },
	[ST_KEY]	  = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[ST_KEYLABEL]	  = { -1, -1, 0, 0 },
	[ST_OUTLINE]	  = { -1, -1, 0, 0 },
	[ST_OUTLINE_CUR]  = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[ST_COUNT_ERR]	  = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[ST_COUNT_WARN]	  = { COLOR_YELLOW, -1, 0, 0 },
	[ST_SECTION]	  = { -1, -1, A_BOLD, A_BOLD },
	[ST_BLOCK_TITLE]  = { -1, -1, A_BOLD, A_BOLD },
	[ST_HEADER]	  = { COLOR_BLACK, COLOR_WHITE, 0, A_UNDERLINE },
	[ST_LABEL]	  = { -1, -1, 0, 0 },
	[ST_LABEL_CUR]	  = { -1, -1, A_BOLD, A_BOLD },
	[ST_VALUE]	  = { -1, -1, 0, 0 },
	[ST_BLANK]	  = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[ST_COMPUTED]	  = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ST_CURSOR]	  = { -1, -1, A_REVERSE, A_REVERSE },
	[ST_INPUT]	  = { COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE | A_UNDERLINE },
	[ST_INPUT_ERROR]  = { COLOR_WHITE, COLOR_RED, A_BOLD,
			      A_REVERSE | A_BOLD },
	[ST_FLAG_ERROR]	  = { COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD },
	[ST_FLAG_WARNING] = { COLOR_BLACK, COLOR_YELLOW, 0, A_UNDERLINE },
	[ST_TEXT]	  = { -1, -1, 0, 0 },
	[ST_PLACEHOLDER]  = { -1, -1, A_DIM, A_DIM },
	[ST_DIALOG]	  = { COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE },
	[ST_DIALOG_INPUT] = { -1, -1, 0, 0 },
	[ST_SELECT]	  = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE | A_BOLD },
};

static bool
want_color(void)
{
	const char	*nc = getenv("NO_COLOR");

	if (nc != NULL && *nc != '\0')
		return (false);
	return (has_colors() && start_color() == OK && COLORS >= 8);
}

void
ed_theme_init(struct ed_theme *th)
{
	int	i;

	th->color = want_color();
	if (th->color && use_default_colors() != OK) {
		/* Without default colours -1 is invalid: use white on black. */
		for (i = 0; i < ST_COUNT_; i++) {
			short	fg = rows[i].fg < 0 ? COLOR_WHITE : rows[i].fg;
			short	bg = rows[i].bg < 0 ? COLOR_BLACK : rows[i].bg;

			init_pair(i + 1, fg, bg);
			th->attr[i] = COLOR_PAIR(i + 1) | rows[i].color_attr;
		}
		return;
	}
	for (i = 0; i < ST_COUNT_; i++) {
		if (!th->color) {
			th->attr[i] = rows[i].mono_attr;
			continue;
		}
		init_pair(i + 1, rows[i].fg, rows[i].bg);
		th->attr[i] = COLOR_PAIR(i + 1) | rows[i].color_attr;
	}
}
