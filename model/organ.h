/*
 * Organ identity: which report files of a folder are the same organ.
 * Clerks spell their organ's name differently from year to year
 * ("洪泽区人民政府" in 2023, "淮安市洪泽区人民政府" in 2024), so names are
 * compared by a key:
 *
 *   1. labelnorm_key: NFKC (full-width letters, digits and brackets
 *      become ASCII), every white space and quotation mark removed;
 *      then every remaining punctuation character removed;
 *   2. "人民政府" written "政府" (the two name the same organ);
 *   3. the name is read as administrative places from its start, each a
 *      run of 1 to ORGAN_MAX_PLACE Han characters ending in a level
 *      (省 自治区 市 自治州 州 地区 盟 县 自治县 区 旗 镇 乡 街道); the
 *      enclosing ones are dropped and the key starts at the innermost:
 *      "淮安市洪泽区政府" -> "洪泽区政府", "宝清县小城子镇" -> "小城子镇";
 *   4. a bare place ("黄庄镇") names its government: "政府" is added.
 *
 * A level character only ends a place where it is not part of a common
 * word (市场, 城乡, 社区, 乡村, 市政...), and a place never starts with a
 * word such as 全, 本 or 我: "淮安市住房和城乡建设局" keeps its 淮安市.
 * This is a heuristic with no gazetteer behind it: a folder whose names it
 * gets wrong says so in an alias file, and `check -r` lists every merge
 * it made so that a wrong one can be seen.
 *
 * The alias file (organs.yaml in the folder checked) is one YAML mapping
 * of name to canonical name ("小城子: 小城子镇人民政府").  Both sides are
 * keyed as above; a name whose key is an alias's takes the canonical
 * name's key (one step: the canonical name is not looked up again), and
 * the canonical name is the one shown for the organ.
 *
 * Everything here is safe to call from several threads at once; an
 * organ_aliases is read-only once loaded.
 */
#ifndef NB_ORGAN_H
#define NB_ORGAN_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

#define ORGAN_MAX_PLACE		8	/* Han characters before the level */
#define ORGAN_MAX_PLACES	4	/* places read from a name's start */
#define ORGAN_ALIASES_MAX	(1024 * 1024)	/* bytes of organs.yaml */

/* A name read as places and the rest. */
struct organ_name {
	char	*key;		/* the key (steps 1-4), never NULL */
	char	*place;		/* innermost place ("洪泽区"), or NULL */
	char	*outer[ORGAN_MAX_PLACES];	/* enclosing places, outermost
						   first ("淮安市") */
	size_t	 nouter;
};

/* Reads name (any UTF-8; invalid bytes are dropped).  Fills *out; free
 * with organ_name_done. */
void	 organ_parse(const char *name, struct organ_name *out);
void	 organ_name_done(struct organ_name *);

/* Just the key.  Newly allocated; caller frees. */
char	*organ_key(const char *name);

/*
 * The places of a text: calls fn(place, len, arg) for every run in s that
 * reads as a place under the rules of step 3 (each level occurrence, with
 * each allowed length before it), so that a caller can look them up in a
 * set of known places.  place points into a buffer of normalised text
 * (not into s, not NUL-terminated), valid during the call only.
 */
void	 organ_text_places(const char *s,
	    void (*fn)(const char *place, size_t len, void *arg), void *arg);

struct organ_aliases;

/*
 * Reads an alias file: a YAML mapping of scalar names to scalar canonical
 * names.  Returns NULL with *err (path:line:col) on: the ytree_load errors
 * (file.*, yaml.*), organs.not_map (the top is not a mapping),
 * organs.not_name {0}=key (a value that is not a single name, or an empty
 * name), organs.conflict {0}=name {1}=other name (two names with one key
 * mapped to different organs), organs.too_big (over ORGAN_ALIASES_MAX
 * bytes; organ_aliases_parse only: ytree_load has its own limit).  An
 * empty file is no aliases.  Caller
 * frees with organ_aliases_free.
 */
struct organ_aliases *organ_aliases_load(const char *path, struct err *err);
/* The same from memory (path names the input in errors). */
struct organ_aliases *organ_aliases_parse(const char *buf, size_t len,
	    const char *path, struct err *err);
void	 organ_aliases_free(struct organ_aliases *);
size_t	 organ_aliases_count(const struct organ_aliases *);

/*
 * The key of name with aliases applied (a may be NULL).  Newly
 * allocated; caller frees.  *canonical, if not NULL, is set to the
 * canonical name as written in the file (borrowed from a) when an alias
 * applied, else NULL.
 */
char	*organ_resolve(const struct organ_aliases *a, const char *name,
	    const char **canonical);

#endif
