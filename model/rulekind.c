/* The table of rule kinds, built from rulekinds.def; see rulekind.h. */
#include <stddef.h>
#include <string.h>

#include "rulekind.h"

const struct rule_kind rule_kinds[] = {
#define RULE_KIND(e, name, stem)					\
	[e] = { name, stem##_keys, stem##_parse, stem##_eval },
#include "rulekinds.def"
#undef RULE_KIND
};

const struct rule_kind *
rule_kind_find(const char *name)
{
	size_t	i;

	for (i = 0; i < TPL_R_NKINDS; i++)
		if (strcmp(rule_kinds[i].name, name) == 0)
			return (&rule_kinds[i]);
	return (NULL);
}
