/*
 * The report as JSON, the contract for other tools:
 *   {"template": id, "organ": s, "year": n,
 *    "sections": {id: text, ...},
 *    "cells": {id: number or null, ...},        every cell, computed too
 *    "flags": [{"rule": id, "severity": "error"|"warning",
 *               "cells": [id, ...], "message": s}, ...]}
 * Numbers are written exactly as decimal literals (never through a
 * float); messages are in lang.
 */
#ifndef NB_EXPORT_JSON_H
#define NB_EXPORT_JSON_H

#include "report.h"

struct sbuf;

/* Newly allocated; caller frees. */
char	*export_json(const struct report *, enum lang);
/* Appends the "flags" array alone (used by `check --json`). */
void	 export_json_flags(struct sbuf *, const struct report *, enum lang);

#endif
