/*
 * Which pane shows (see ed_pane.h): one pointer in the app.
 */
#include "ed_pane.h"

unsigned
ed_pane_open(struct tui_app *a, const struct ed_pane *p)
{
	a->pane = p;
	return (TUI_DIRTY_ALL);
}

unsigned
ed_pane_home(struct tui_app *a)
{
	a->pane = NULL;
	return (TUI_DIRTY_ALL);
}

bool
ed_pane_is(const struct tui_app *a, const struct ed_pane *p)
{
	return (a->pane == p);
}
