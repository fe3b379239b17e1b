/* JSON string literals; see json.h. */
#include "json.h"
#include "sbuf.h"

void
json_str(struct sbuf *b, const char *s)
{
	const unsigned char *p;

	sbuf_addc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			sbuf_adds(b, "\\\"");
			break;
		case '\\':
			sbuf_adds(b, "\\\\");
			break;
		case '\n':
			sbuf_adds(b, "\\n");
			break;
		case '\t':
			sbuf_adds(b, "\\t");
			break;
		case '\r':
			sbuf_adds(b, "\\r");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				sbuf_addf(b, "\\u%04x", *p);
			else
				sbuf_addc(b, (char)*p);
		}
	}
	sbuf_addc(b, '"');
}
