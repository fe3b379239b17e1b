/* Writing JSON text: string escaping (UTF-8 kept as is, controls as \u). */
#ifndef NB_JSON_H
#define NB_JSON_H

struct sbuf;

/* Appends s as a JSON string literal, quotes included. */
void	json_str(struct sbuf *, const char *s);

#endif
