/* JSON export; see export_json.h. */
#include <stdlib.h>

#include "export_json.h"
#include "json.h"
#include "sbuf.h"
#include "xmalloc.h"

void
export_json_flags(struct sbuf *b, const struct report *r, enum lang lang)
{
	const struct tpl	*t = report_tpl(r);
	struct report_flag	*f;
	size_t			 n, i, k;
	char			*msg;

	n = report_flags(r, NULL, 0);
	f = xcalloc(n + 1, sizeof *f);
	report_flags(r, f, n);
	sbuf_adds(b, "[");
	for (i = 0; i < n; i++) {
		sbuf_adds(b, i ? ",\n    {\"rule\": " : "\n    {\"rule\": ");
		json_str(b, t->rules[f[i].rule].id);
		sbuf_addf(b, ", \"severity\": \"%s\", \"cells\": [",
		    f[i].severity == TPL_ERROR ? "error" : "warning");
		for (k = 0; k < f[i].ncells; k++) {
			if (k)
				sbuf_adds(b, ", ");
			json_str(b, t->cells[f[i].cells[k]].id);
		}
		sbuf_adds(b, "], \"message\": ");
		msg = report_flag_message(r, &f[i], lang);
		json_str(b, msg);
		free(msg);
		sbuf_adds(b, "}");
	}
	sbuf_adds(b, n ? "\n  ]" : "]");
	free(f);
}

char *
export_json(const struct report *r, enum lang lang)
{
	const struct tpl	*t = report_tpl(r);
	struct sbuf		 b;
	struct report_value	 v;
	char			 num[NUM_FMT_MAX];
	size_t			 i;

	sbuf_init(&b);
	sbuf_adds(&b, "{\n  \"template\": ");
	json_str(&b, t->id);
	sbuf_adds(&b, ",\n  \"organ\": ");
	json_str(&b, report_organ(r));
	sbuf_addf(&b, ",\n  \"year\": %d,\n  \"sections\": {", report_year(r));
	for (i = 0; i < t->nsections; i++) {
		sbuf_adds(&b, i ? ",\n    " : "\n    ");
		json_str(&b, t->sections[i].id);
		sbuf_adds(&b, ": ");
		json_str(&b, report_text(r, (int)i));
	}
	sbuf_adds(&b, "\n  },\n  \"cells\": {");
	for (i = 0; i < t->ncells; i++) {
		sbuf_adds(&b, i ? ",\n    " : "\n    ");
		json_str(&b, t->cells[i].id);
		v = report_value(r, (int)i);
		sbuf_adds(&b, ": ");
		if (v.state == RV_SET)
			sbuf_adds(&b, report_format_value(r, (int)i, v, num));
		else
			sbuf_adds(&b, "null");
	}
	sbuf_adds(&b, "\n  },\n  \"flags\": ");
	export_json_flags(&b, r, lang);
	sbuf_adds(&b, "\n}\n");
	return (sbuf_take(&b));
}
