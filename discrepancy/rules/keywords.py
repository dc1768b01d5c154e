"""The reserved words of the rule language.

Apart from the grammar so that the checker, which refuses them as names, can be imported
without pyparsing: a rule set whose parse is cached (`parsecache`) never needs the grammar.
"""

KEYWORDS = frozenset(
    "and or not shorter longer than by more differs from matches within before after is "
    "none as in with".split()
)
