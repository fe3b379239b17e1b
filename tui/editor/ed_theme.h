/*
 * Styles by role.  Every drawing function names what it draws (a header,
 * a computed cell, a flagged cell...) and the theme turns the role into
 * curses attributes: colours when the terminal has them and NO_COLOR is
 * not set, otherwise a monochrome table of bold/underline/reverse that
 * still tells every role apart (TERM=vt100 has no colours at all).
 */
#ifndef NB_ED_THEME_H
#define NB_ED_THEME_H

#include <stdbool.h>

#include <curses.h>

enum style {
	ST_NORMAL,
	ST_TITLE,		/* title bar */
	ST_TITLE_MOD,		/* "modified" in the title bar */
	ST_TITLE_ERR,		/* error count in the title bar */
	ST_STATUS,		/* label path line */
	ST_MSG_INFO,		/* transient message: done */
	ST_MSG_ERROR,		/* transient message: refused, failed */
	ST_MSG_FLAG,		/* the message of a flag on the current cell */
	ST_KEY,			/* key name in the key bar */
	ST_KEYLABEL,		/* its label */
	ST_OUTLINE,
	ST_OUTLINE_CUR,		/* the current section or block */
	ST_COUNT_ERR,		/* flag counts */
	ST_COUNT_WARN,
	ST_SECTION,		/* section heading in the pane */
	ST_BLOCK_TITLE,
	ST_HEADER,		/* column headers and the corner */
	ST_LABEL,		/* row labels */
	ST_LABEL_CUR,		/* the label of the current row */
	ST_VALUE,		/* an input cell with a value */
	ST_BLANK,		/* an input cell left blank */
	ST_COMPUTED,		/* a computed cell */
	ST_CURSOR,		/* the current cell */
	ST_INPUT,		/* the cell being typed into */
	ST_INPUT_ERROR,		/* ... while its text does not parse */
	ST_FLAG_ERROR,		/* a cell in a failing error rule */
	ST_FLAG_WARNING,	/* ... in a failing warning rule */
	ST_TEXT,		/* narrative text */
	ST_PLACEHOLDER,		/* hints, empty-text placeholders */
	ST_DIALOG,
	ST_DIALOG_INPUT,
	ST_SELECT,		/* the selected line of a list */
	ST_COUNT_
};

struct ed_theme {
	bool	color;
	attr_t	attr[ST_COUNT_];
};

/*
 * Fills *th after initscr(): colours when has_colors() and NO_COLOR is
 * unset or empty, else monochrome.  Allocates colour pairs 1..n.
 */
void	ed_theme_init(struct ed_theme *th);

static inline attr_t
ed_theme_attr(const struct ed_theme *th, enum style st)
{
	return (th->attr[st]);
}

#endif
