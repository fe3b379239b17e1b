/*
 * `check --json` and `check --csv` over many files: the same data as the
 * county page, for other tools.
 *
 * JSON, one object:
 *   {"files": [{"file", "template", "organ" (as written), "organ_name"
 *               (merged), "year", "status", "errors", "warnings",
 *               "worst", "rates": {"applications": n|null,
 *               "disclosed": {"num", "den", "percent"}|null,
 *               "corrected": ...}, "cross": [{"rule", "kind",
 *               "severity" ("warning"|"note"), "other", "message",
 *               and per kind "cell", "section", "similarity", "values",
 *               "name", "text"}], "flags": [...] (export_json.h)}
 *              or {"file", "error"} for a file that could not be read],
 *    "organs": [{"name", "key", "spellings": [...], "files": [...]}],
 *    "county": [{"year", "reports", "applications",
 *                "applications_per_organ": {"num", "den"}|null,
 *                "disclosed", "corrected"}],
 *    "aliases": path|null}
 * Figures are exact decimal literals; fractions are integers.
 *
 * CSV (RFC 4180, a header line), one table whose first column says what
 * a row is: "report" (file, organ, year, status, errors, warnings,
 * cross, worst_rule, applications, disclosed, corrected as "a/b"),
 * "finding" (file, rule, severity, other, message), "county" (year,
 * applications, disclosed, corrected; organ is the number of reports),
 * "unread" (file, error).
 */
#ifndef NB_COUNTY_DATA_H
#define NB_COUNTY_DATA_H

#include "batch.h"
#include "i18n.h"

/* Newly allocated; caller frees.  The batch must have been through
 * batch_check (json_flags for the flags arrays) and batch_cross. */
char	*county_json(const struct batch *, const struct i18n *);
char	*county_csv(const struct batch *, const struct i18n *);

#endif
