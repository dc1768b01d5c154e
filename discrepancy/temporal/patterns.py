"""The compiled regular expressions that find candidate time phrases, built from `lexicon`.

Each rule is one compiled pattern with named groups and a ``kind`` that `normalise` knows
how to read.  Rules find the smallest meaningful pieces ("Saturday", "January 7", "8 p.m.
Eastern time", "overnight"); `recognise` then joins neighbouring pieces ("8 p.m. Eastern
time on Saturday, September 27") so that no single pattern has to spell out every order.

Linear time is a design rule here: every repetition is bounded (``\\s{1,3}``, ``\\d{1,4}``)
and every digit run is anchored with a look-behind, so at each position a pattern does a
bounded amount of work and no input can make a pattern backtrack over the whole text.
"""

from __future__ import annotations

import re
from typing import Iterable

from . import lexicon as lx

FLAGS = re.IGNORECASE

S = r"\s{1,3}"  # a gap between words; bounded so that a gap never costs more than three steps
HY = r"(?:\s{1,3}|\s{0,2}-\s{0,2})"  # a space or a hyphen between words ("week-long", "mid-March")


def words(items: Iterable[str]) -> str:
    """An alternation of phrases, longest first so that "christmas day" wins over "christmas"."""
    ordered = sorted(set(items), key=lambda item: (-len(item), item))
    return "|".join(re.escape(item).replace(r"\ ", S) for item in ordered)


def title_words(items: Iterable[str]) -> str:
    """Case-sensitive alternation of phrases as written with capitals ("Christmas Eve")."""
    ordered = sorted(set(items), key=lambda item: (-len(item), item))
    variants = []
    for item in ordered:
        titled = " ".join(word[:1].upper() + word[1:] for word in item.split(" "))
        variants.append(re.escape(titled).replace(r"\ ", S))
    return "(?-i:" + "|".join(variants) + ")"


def _first_words(phrases: Iterable[str]) -> list[str]:
    return [re.findall(r"[a-z]+", phrase.lower())[0] for phrase in phrases]


def _last_words(phrases: Iterable[str]) -> list[str]:
    return [re.findall(r"[a-z]+", phrase.lower())[-1] for phrase in phrases]


_SAFE_MONTHS = [name for name in lx.MONTHS if name not in lx.AMBIGUOUS_MONTHS and len(name) > 3]
_SAFE_ABBREVIATIONS = ["feb", "apr", "sept", "oct", "nov"]
# Month words that are also English words only count capitalised ("May", "March", "Dec.").
MONTH = (
    r"(?:(?:" + words(_SAFE_MONTHS) + r")(?![\w])|(?:" + words(_SAFE_ABBREVIATIONS) + r")(?:\.|(?![\w]))"
    r"|(?-i:May|MAY|March|MARCH|August|AUGUST)(?![\w])"
    r"|(?-i:Jan|Mar|Jun|Jul|Aug|Sep|Dec|JAN|MAR|JUN|JUL|AUG|SEP|DEC)(?:\.|(?![\w])))"
)
WEEKDAY = (
    r"(?:(?:" + words(lx.WEEKDAYS) + r")(?![\w])|(?-i:" + words(lx.WEEKDAY_ABBREVIATIONS) + r"))"
)
# Nouns that make a number after "to" a count ("from May 8 to 10 percent"), not a day.
_COUNTED_NOUNS = (r"(?:percent|per|people|persons|days?|weeks?|months?|years?|hours?|minutes?|times|points?|cents?"
                  r"|million|billion|thousand|hundred|dollars?|euros?|%)(?![\w])")
DAY_NUMBER = r"(?<![\d.,$])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|:\d|\.\d|,\d{3})"
YEAR = r"(?<![\w$£€.,/:#])(?<!\d-)(?:1[5-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d)"
NUMBER_WORD = r"(?:" + words(lx.NUMBER_WORDS) + r")"
ORDINAL_WORD = r"(?:" + words(k for k in lx.ORDINAL_WORDS if k != "last") + r")"
AMOUNT = (
    r"(?:(?<![\d.,$])(?:\d{1,3}(?:,\d{3}){1,3}|(?!(?:19|20)\d\d(?!\d))\d{1,4}(?:\.\d{1,2})?(?:\s\d/\d{1,2})?)(?![\d.,]\d)"
    r"|(?:a|an)" + S + r"(?:dozen|hundred|thousand|half)"
    r"|" + words(k for k in lx.VAGUE_QUANTITIES) +
    r"|half" + S + r"an?"
    r"|" + NUMBER_WORD + r"(?:(?:-|" + S + r"(?:and" + S + r")?)" + NUMBER_WORD + r"){0,3}"
    r"|a|an)"
    r"(?:" + S + r"and" + S + r"a" + S + r"half)?"
)
_UNIT_WORDS = list(lx.UNITS) + list(lx.UNIT_PLURALS)
UNIT = r"(?:" + words(_UNIT_WORDS) + r")(?![\w])"
SEASON = r"(?:" + words(lx.SEASONS) + r")"
PART_OF_DAY = r"(?:" + words(lx.PARTS_OF_DAY) + r")"
# Zones that only follow a clock time, so that a four-digit number before one is a time.
CLOCK_ZONE = (
    r"(?-i:GMT|UTC|Zulu)(?![\w])|local" + S + r"time(?![\w])"
    r"|(?:" + words(lx.PLACE_ZONES) + r")" + S + r"(?:(?:standard|summer|daylight)" + S + r")?time(?![\w])"
    r"|(?:eastern|central|pacific|mountain)" + S + r"(?:(?:standard|daylight)" + S + r")?time(?![\w])"
)
ZONE = (
    r"(?:(?:" + words(lx.PLACE_ZONES) + r")" + S + r"(?:(?:standard|summer|daylight)" + S + r")?time"
    r"|local" + S + r"time"
    r"|(?:UTC|GMT)\s?[+\u2212-]\s?\d{1,2}(?::?\d\d)?(?!\d)"
    r"|(?:eastern|central|pacific|mountain)(?:" + S + r"(?:standard|daylight))?(?:" + S + r"time)?"
    r"|(?-i:" + "|".join(sorted((k.upper() for k in lx.ZONE_NAMES if k.isalpha() and len(k) <= 4), key=lambda k: (-len(k), k))) + r")"
    r"(?:" + S + r"time)?)(?![\w])"
)
AMOUNT_MODIFIER = r"(?:" + words(lx.AMOUNT_MODIFIERS) + r")"
EDGE_WORDS = (
    r"(?:(?:the" + S + r")?(?:very" + S + r")?(?:end|beginning|start|close|middle|turn|first" + S + r"half|second" + S + r"half|latter" + S + r"part|early" + S + r"part)" + S + r"of"
    r"|early|late|mid|earlier|later)"
)


# "this past Sunday", "this past spring": the span takes "this"; the meaning is that of "past".
# "this" before "past" or "coming" belongs to the phrase: "this past Monday", "this coming Sunday".
LEADING_THIS = r"(?:this" + S + r"(?=(?:past|coming)\s))?"


def _prefix_tree(items: Iterable[str]) -> str:
    """An alternation of words as a tree of their letters ("da(?:ily|y)"), so that a
    failed match costs a look at a letter or two, not one comparison per word."""
    tree: dict = {}
    for item in items:
        node = tree
        for character in item:
            node = node.setdefault(character, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = [re.escape(character) + branch(child) for character, child in sorted(node.items()) if character]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return branch(tree)


def opening(first_words: Iterable[str]) -> str:
    """A look-ahead that a phrase begins with a digit or one of ``first_words`` (whole, in
    any case).  Put before a pattern whose parts are all optional, it makes a word start
    where the pattern cannot match fail at once instead of trying every part in turn."""
    return opening_after(r"\d", first_words)


def opening_after(digits: str, first_words: Iterable[str]) -> str:
    """`opening`, with ``digits`` for what must follow where the phrase begins with a digit."""
    return r"(?=" + digits + "|" + _prefix_tree(sorted(set(first_words))) + r"(?![a-z]))"


# Words that may follow a day number without making it a count ("April 24 and 25 in
# Washington" but not "May 8 and 12 others").
_NOT_NOUNS = r"(?:in|at|on|and|or|to|for|when|with|after|before|by|from|this|next|last|the)(?![\w])"


# A length's qualifiers ("six full days") and the units that take "-long" ("weeklong").
_QUALIFIERS = ["full", "more", "additional", "straight", "consecutive", "long", "whole", "extra", "further",
               "trading", "working", "business", "calendar", "successive", "solid", "short", "odd", "mere"]
_LONG_UNITS = ["week", "day", "month", "year", "hour", "decade", "night", "season", "century", "minute"]
# A length that begins with a digit begins with its amount: at most fifteen characters of
# digits, commas and points ("1,000,000", "2.5"), maybe a fraction (" 1/2"), then a space or a
# hyphen and a letter (the unit, a qualifier, "and a half", "to"/"or" another amount).  So
# "1 2 3 ... 10 days" tries the whole pattern only at "10".
_DIGIT_AMOUNT_OPENING = r"\d[\d.,]{0,14}(?:\s\d/\d{1,2})?(?:\s{1,3}|\s{0,2}-\s{0,2})[^\W\d_]"
# Every word a length can begin with: a modifier, a determiner, an amount, a qualifier, a unit.
_DURATION_OPENING = opening_after(
    _DIGIT_AMOUNT_OPENING,
    _first_words(lx.AMOUNT_MODIFIERS)
    + ["the", "another", "a", "an", "each", "past", "coming", "next", "last", "first", "more", "less", "fewer"]
    + _first_words(lx.VAGUE_QUANTITIES) + ["half"] + _first_words(lx.NUMBER_WORDS)
    + _QUALIFIERS + _UNIT_WORDS + _LONG_UNITS + [unit + "long" for unit in _LONG_UNITS])


# The words after which "year-end" is the time itself rather than an adjective.
_YEAR_END_PREPOSITIONS = ["by", "at", "since", "until", "till", "before", "after", "around", "through",
                          "from", "to", "near", "toward", "towards", "of"]


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, FLAGS)


# (kind, pattern): the order breaks ties between equally long matches at one position.
RULES: list[tuple[str, re.Pattern]] = [
    ("iso_date", _compile(
        r"(?<![\w-])(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
        r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?)?(?![\w-])")),
    ("slash_date", _compile(
        r"(?<![\w/.])(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d\d(?:\d\d)?)(?![\w/])")),
    ("compact_date", _compile(
        r"(?<![\w.,])(?P<y>19\d\d|20\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w.,])")),
    ("month_day", _compile(
        r"(?<![\w])(?P<month>" + MONTH + r")" + S + r"(?:the" + S + r")?(?P<d>" + DAY_NUMBER + r")"
        r"(?:\s{0,2}[-\u2013]\s{0,2}(?P<d2>" + DAY_NUMBER + r")"
        r"|" + S + r"(?:and|or)" + S + r"(?P<d3>" + DAY_NUMBER + r")(?!" + S + r"(?!" + _NOT_NOUNS + r")[a-z])"
        r"|" + S + r"(?:to|through|thru|until|till)" + S + r"(?P<d4>" + DAY_NUMBER + r")(?![\w:]|" + S + _COUNTED_NOUNS + r"))?"
        r"(?:(?:\s{0,2},\s{0,2}|" + S + r")(?P<y>" + YEAR + r"))?")),
    ("day_month", _compile(
        r"(?<![\w])(?:the" + S + r")?(?:(?P<d0>" + DAY_NUMBER + r")\s{0,2}[-\u2013]\s{0,2})?(?P<d>" + DAY_NUMBER + r")(?:" + S + r"of)?" + S + r"(?P<month>" + MONTH + r")"
        r"(?:(?:\s{0,2},\s{0,2}|" + S + r")(?P<y>" + YEAR + r"))?")),
    ("month", _compile(
        r"(?<![\w])(?:" + LEADING_THIS + r"(?P<rel>last|this|next|coming|past|previous)" + S + r")?(?P<month>" + MONTH + r")"
        r"(?:(?:\s{0,2},\s{0,2}|" + S + r")(?:of" + S + r")?(?P<y>" + YEAR + r"))?(?!\.?\s{1,3}\d)")),
    ("ordinal_day", _compile(r"(?<![\w])the" + S + r"(?P<d>(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th))(?![\w])")),
    ("year", _compile(
        r"(?<![\w])(?:(?P<fiscal>(?:the" + S + r")?(?:fiscal|calendar|financial|model|school)(?:" + S + r"year)?)" + S + r")?"
        r"(?P<y>" + YEAR + r")(?!\s{0,2}(?:-|\u2013|to)\s{0,2}\d\d(?!\d))(?!'?s)")),
    ("spoken_year", _compile(
        r"(?<![\w])(?:the" + S + r"year" + S + r")?(?P<century>nineteen|twenty)" + HY + r"(?P<tens>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:" + HY + r"(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh" + HY + r"(?:one|two|three|four|five|six|seven|eight|nine))(?![\w-])"
        r"|(?<![\w])the" + S + r"year" + S + r"two" + S + r"thousand(?:" + S + r"and" + S + r"(?P<small>one|two|three|four|five|six|seven|eight|nine|ten))?(?![\w])")),
    ("year_earlier", _compile(r"(?<![\w])(?:the" + S + r")?(?:(?:comparable|corresponding|same)" + S + r")?(?P<which>year" + HY + r"(?:earlier|ago)|prior" + HY + r"year)(?:" + S + r"(?P<unit>quarter|period|month|week))?(?![\w-])")),
    ("decade", _compile(
        r"(?<![\w$])(?:the" + S + r")?(?:(?P<dec>1[5-9]\d0|20\d0)'?s|'(?P<short>\d0)s|(?<=the )(?P<named>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])")),
    ("century", _compile(
        r"(?<![\w])(?:the" + S + r")?(?P<ord>" + ORDINAL_WORD + r"|\d{1,2}(?:st|nd|rd|th))" + HY + r"century(?![\w-])")),
    ("quarter", _compile(
        r"(?<![\w])(?:(?P<yp>(?:this|last|next)" + S + r"year's|" + YEAR + r"(?:'s)?)" + S + r")?(?:the" + S + r")?(?:(?P<yp2>" + YEAR + r")" + S + r")?"
        r"(?:(?P<qrel>last|this|next|previous|current|latest|same|year-earlier|year-ago|comparable|prior)" + S + r")?"
        r"(?:(?:fiscal|calendar)" + S + r")?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)" + HY + r"quarter"
        r"(?:" + S + r"of" + S + r"(?:(?:fiscal|calendar)" + S + r")?(?P<y>" + YEAR + r"|this" + S + r"year|last" + S + r"year|next" + S + r"year))?(?!-|(?!(?:ly|s)\b)\w)")),
    ("quarter_code", _compile(r"(?<![\w])(?-i:Q)(?P<q>[1-4])(?:\s{0,2}(?P<y>" + YEAR + r"))?(?![\w])")),
    ("quarter_ref", _compile(
        r"(?<![\w])(?:the|(?P<yrel>last|this|next)" + S + r"year's)" + S + r"(?:(?P<y>" + YEAR + r")" + S + r")?"
        r"(?:(?P<qrel>latest|current|same|year-earlier|year-ago|comparable|corresponding|prior|previous|recent|fiscal)" + S + r")?"
        r"(?P<unit>quarter|period)(?![\w-])"
        r"(?:" + S + r"(?P<back>a" + S + r"year" + S + r"(?:ago|earlier|before)|last" + S + r"year|of" + S + r"last" + S + r"year)(?![\w-]))?")),
    ("half_year", _compile(
        r"(?<![\w])the" + S + r"(?:(?P<h>first|second|last|latter)" + S + r"half|(?P<hq>first|last)" + S + r"two" + S + r"quarters)(?:" + S + r"of" + S + r"(?P<y>" + YEAR + r"|this" + S + r"year|last" + S + r"year|next" + S + r"year))?(?![\w])")),
    ("season", _compile(
        r"(?<![\w])(?:" + LEADING_THIS + r"(?P<rel>last|this|next|past|coming|the|early|late|mid)" + HY + r")?(?P<s>" + SEASON + r")(?![\w])"
        r"(?:(?:" + S + r"of)?" + S + r"(?P<y>" + YEAR + r"))?")),
    ("holiday", _compile(
        r"(?<![\w])(?:(?P<rel>last|this|next)" + S + r")?(?P<h>" + title_words(
            list(lx.FIXED_HOLIDAYS) + list(lx.NTH_WEEKDAY_HOLIDAYS) + list(lx.EASTER_HOLIDAYS)) + r")(?![\w])"
        r"(?:" + S + r"(?P<hweek>week)(?![\w-]))?"  # "Easter week": the week the holiday falls in
        r"(?:" + S + r"(?P<y>" + YEAR + r"))?")),
    ("weekday", _compile(
        # "the following Monday" only with its article: "following Monday's vote" is "after".
        r"(?<![\w])(?:(?:" + LEADING_THIS + r"(?P<rel>last|next|this|coming|past|previous|every|each)|the" + S
        + r"(?P<following>following))" + S + r")?(?P<wd>" + WEEKDAY + r")")),
    ("weekday_plural", _compile(
        r"(?<![\w])(?P<wd>" + words(lx.WEEKDAYS) + r")(?:s|" + S + r"(?P<pods>nights|mornings|afternoons|evenings))(?![\w])")),
    ("relative_day", _compile(
        r"(?<![\w])(?P<rd>the" + S + r"day" + S + r"before" + S + r"yesterday|the" + S + r"day" + S + r"after" + S + r"tomorrow"
        r"|yesterday|today|tomorrow|tonight)(?![\w])")),
    ("relative_period", _compile(
        r"(?<![\w])" + LEADING_THIS + r"(?P<rel>last|this|next|past|previous|coming|current|following|that(?:" + S + r"same)?|the" + S
        + r"(?:past|previous|coming|current|following|next|last|same|preceding))" + S
        + r"(?P<unit>week|month|year|quarter|weekend|decade|century|day|fiscal" + S + r"year|night|morning)(?![\w-])")),
    ("offset", _compile(
        r"(?<![\w])(?:(?P<amod>" + AMOUNT_MODIFIER + r")" + S + r")?(?P<amount>" + AMOUNT + r")" + HY
        + r"(?P<unit>" + UNIT + r")" + S + r"(?:(?P<orso>or" + S + r"so)" + S + r")?"
        + r"(?P<dir>ago|earlier|later|before|after|from" + S + r"now|hence|back|previously|prior|since)(?![\w])")),
    ("clock", _compile(
        r"(?:(?<![\w:.,$])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s{0,2}(?P<ap>[ap]\.\s?m\.?|[ap]m(?![\w])|[AP]\.M\.?)"
        r"|(?<![\w:.,$])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])(?:" + S + r"(?:hours|hrs|h)(?![\w]))?"
        # "one minute past midnight", "five minutes to noon": a clock time told from a named one.
        r"|(?<![\w])(?P<mn>" + NUMBER_WORD + r")" + S + r"minutes?" + S + r"(?P<md>past|after|before|to)" + S
        + r"(?P<mnamed>noon|midnight|midday)(?![\w])"
        r"|(?<![\w])(?<!high\s)(?P<named>noon|midnight|midday)(?![\w])"  # "high noon": a showdown, not a clock
        # Four-digit times only where nothing else reads them: before a zone that needs a
        # clock ("0030 GMT", "1800 Moscow time", "0001 local time"; not "1945 Eastern Europe"),
        # or with "hours" after a leading zero or "at" ("0600 hours", "at 2100 hours").
        r"|(?<![\w:.,$])(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?=\s{1,2}\(?(?:" + CLOCK_ZONE + r"))"
        r"|(?:(?<![\w:.,$])(?=0)|(?<=\bat\s))(?P<hh>[01]\d|2[0-3])(?P<hm4>[0-5]\d)" + S + r"(?:hours|hrs)(?![\w])"
        r"|(?<![\w])(?P<oc>" + NUMBER_WORD + r"|\d{1,2})" + S + r"o'clock(?![\w])"
        r"|(?<![\w:.,$])(?P<hm>1[0-2]|0?[1-9])" + S + r"in" + S + r"the" + S + r"(?P<pm>morning|afternoon|evening|night))"
        r"(?:\s{1,2}(?P<zp>\()?(?P<zone>" + ZONE + r")(?(zp)\)))?")),
    ("part_of_day", _compile(
        r"(?<![\w])(?:(?P<det>this|last|tomorrow|yesterday|the|that|each|every)" + S + r")?"
        r"(?:(?P<pmod>early|late|mid)" + HY + r")?(?P<pod>" + PART_OF_DAY + r")(?![\w])"
        r"|(?<![\w])(?P<hours>the" + S + r"(?:early|small|wee)" + S + r"hours)(?![\w])")),
    ("edge", _compile(r"(?<![\w])(?P<edge>" + EDGE_WORDS + r")(?=[\s-])")),
    ("week_of_month", _compile(
        r"(?<![\w])the" + S + r"(?P<nth>first|second|third|fourth|last|final)" + S + r"week" + S + r"of" + S
        + r"(?P<month>" + MONTH + r")(?:(?:\s{0,2},\s{0,2}|" + S + r")(?P<y>" + YEAR + r"))?")),
    # "by year-end", "since year end", "by year's end": the end of the year, as a noun after a
    # preposition only, so that the adjective ("year-end net", "year-end bonus") is left alone.
    ("year_end", _compile(
        r"(?:" + "|".join(r"(?<=\b" + word + r"\s)" for word in _YEAR_END_PREPOSITIONS) + r")(?:the" + S + r")?"
        r"year(?:\s{0,2}-\s{0,2}|" + S + r"|['\u2019]s" + S + r")end(?![\w-])(?:" + S + r"(?P<y>" + YEAR + r"))?")),
    ("deictic_unit", _compile(r"(?<![\w])the" + S + r"(?:full" + S + r"|fiscal" + S + r"(?=year))?(?-i:(?P<unit>week|weekend|year))(?![\w-])"
                              # "the end of the month": the month at an edge; "the month" alone is left alone
                              r"|(?:(?<=end\sof\s)|(?<=beginning\sof\s)|(?<=start\sof\s)|(?<=middle\sof\s))the\s(?-i:(?P<munit>month))(?![\w-])")),
    ("duration", _compile(
        _DURATION_OPENING + r"(?:"
        r"(?<![\w])(?:(?P<amod>" + AMOUNT_MODIFIER + r")" + S + r"(?!the\s))?"
        r"(?:(?P<det>the" + S + r"(?:past|last|next|first|final|previous|coming|following|remaining|latest|same|whole|entire|full|ensuing|initial|current|year-(?:earlier|ago)|better" + S + r"part" + S + r"of" + S + r"the)"
        r"|the|another|an?" + S + r"(?:additional|further|extra|full|whole|mere|total" + S + r"of)|each" + S + r"of" + S + r"the" + S + r"(?:past|last|next)"
        r"|past|coming|next|last|first|(?:more|less|fewer)" + S + r"than)" + S + r")?"
        r"(?:(?P<amount>" + AMOUNT + r")(?:" + S + r"(?:to|or)" + S + r"(?P<amount2>" + AMOUNT + r"))?" + HY + r")?"
        r"(?:(?P<qual>" + "|".join(_QUALIFIERS) + r")" + HY + r")?"
        r"(?P<unit>" + UNIT + r")(?!-(?:earlier|ago|end)(?![\w]))(?P<uhalf>" + S + r"and" + S + r"a" + S + r"half(?![\w]))?"
        # "a year or two", "the next year or so": a vague amount, an approximate one
        r"(?:" + S + r"or" + S + r"(?:(?P<orso>so)|(?P<ormore>two|three|[23]))(?![\w%-])(?!\s{1,3}(?:percent|more|[a-z]{1,20}s)(?![\w-])))?"
        r"(?P<suffix>" + HY + r"long(?![\w]))?(?P<age>" + HY + r"olds?(?![\w]))?"
        r"|(?<![\w])(?P<lunit>" + "|".join(_LONG_UNITS) + r")-?long(?![\w])" + r")")),
    ("reference", _compile(r"(?<![\w])(?P<ref>" + words(lx.REFERENCE_WORDS) + r")(?![\w-])")),
    ("soon", _compile(r"(?<![\w])(?<!as\s)soon(?!\s{1,3}(?:as|after|before|afterwards|thereafter)\b)(?![\w-])")),
    ("set", _compile(
        r"(?<![\w])(?:(?P<freq>once|twice|three" + S + r"times|several" + S + r"times|\d{1,2}" + S + r"times)" + S + r"(?P<q>a|an|per|every|each)|(?P<q2>every|each|per))" + S + r"(?:(?P<amount>other|" + NUMBER_WORD + r"|\d{1,3})" + S + r")?"
        r"(?P<unit>day|week|month|year|quarter|hour|minute|morning|night|evening|afternoon|weekend|" + words(lx.WEEKDAYS)
        + r"|" + words(lx.UNIT_PLURALS) + r")(?![\w])"
        r"|(?<![\w])(?P<word>" + words(lx.SET_WORDS) + r")(?![\w])"
        r"|(?<![\w])(?:every|each)" + S + r"(?P<smonth>" + MONTH + r")")),
]

# Trigger words.  `recognise` first finds every trigger word in a text (in one pass of a
# word regex), then tries each rule only at the word starts from which one of its matches
# could reach the trigger words it needs.  Words are looked up in lower case, whole words
# only ("quarters" is not "quarter"); runs of digits have kinds of their own (`digit_kinds`).


def _last_word_offset(phrases: Iterable[str]) -> int:
    """How far into a phrase of `words` its last word may begin (gaps of up to three spaces)."""
    return max(len(phrase) - len(phrase.rsplit(" ", 1)[-1]) + 2 * phrase.count(" ") for phrase in phrases)


TRIGGER_KINDS: dict[str, frozenset[str]] = {kind: frozenset(words) for kind, words in {
    "month": _first_words(lx.MONTHS),
    "weekday": list(lx.WEEKDAYS) + [day + "s" for day in lx.WEEKDAYS]
    + ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"],
    "unit": list(lx.UNITS) + list(lx.UNIT_PLURALS) + ["weeklong", "daylong", "yearlong", "monthlong", "hourlong"],
    "season": _first_words(lx.SEASONS),
    "part_of_day": _first_words(lx.PARTS_OF_DAY),
    "set": _first_words(lx.SET_WORDS) + ["every", "each", "per"],
    "relative_day": ["yesterday", "today", "tomorrow", "tonight"],
    "clock": ["noon", "midnight", "midday", "o", "clock"],  # "o'clock" is the words "o" and "clock"
    "holiday": _first_words(list(lx.FIXED_HOLIDAYS) + list(lx.NTH_WEEKDAY_HOLIDAYS) + list(lx.EASTER_HOLIDAYS)),
    "decade": ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"],
    "number": _first_words(lx.NUMBER_WORDS),
    "edge": ["early", "late", "mid", "earlier", "later", "end", "beginning", "start", "close", "middle", "turn"],
    # The last word of every reference phrase ("the near future", "these days", "now").
    "reference": _last_words(lx.REFERENCE_WORDS),
    "soon": ["soon"],
    # Words that single out one rule among those a unit triggers.
    "year": ["year"], "century": ["century"], "week": ["week"], "hours": ["hours"],
    "quarter": ["quarter", "quarters"], "half": ["half"], "period": ["period"],
    "deictic": ["week", "weekend", "year", "month"],
    "calendar_unit": ["week", "month", "year", "quarter", "weekend", "decade", "century", "day", "night", "morning"],
    "spoken_century": ["nineteen", "twenty", "two"],
    "direction": ["ago", "earlier", "later", "before", "after", "from", "hence", "back", "previously", "prior", "since"],
    "s": ["s"],  # the "s" of "1990s", "1990's", "'90s"
    "q": ["q"],  # the "Q" of "Q3"
    "ordinal_suffix": ["st", "nd", "rd", "th"],  # "1st" is the words "1" and "st"
    "quarter_ordinal": ["first", "second", "third", "fourth", "final"],
    # The words a frequency can begin with ("twice a week", "every Monday", "daily").
    "set_start": _first_words(lx.SET_WORDS) + ["every", "each", "per", "once", "twice", "three", "several"],
    "weekday_plural": [day + "s" for day in lx.WEEKDAYS],
    "parts_of_days": ["nights", "mornings", "afternoons", "evenings"],
}.items()}
_YEAR_NUMBER = re.compile(r"1[5-9]\d\d|20\d\d")


# What may follow the hour of a clock time: minutes ("11:30", "9.15"), "a.m."/"pm" after at
# most two spaces, "o'clock" or "in the morning" after at most three.  In the same case-folding
# as the pattern, so that whatever "clock" could match is let through.
_CLOCK_HOUR_AFTER = re.compile(r"[:.]|\s{0,3}[apoi]", FLAGS)
_TIMES_AFTER = re.compile(r"\s{1,3}t", FLAGS)  # "12 times a year"
# What must follow four digits for them to be a clock time: a word after at most two spaces
# and an opening bracket, where the pattern looks for a zone ("0001 GMT", "1800 Moscow time",
# "0001 local time") or "hours" ("0600 hours").
_ZONE_AFTER_FOUR = re.compile(r"\s{1,2}\(?[A-Za-z]")
DIGIT_LOOKAHEAD = 4  # characters after a run of digits that `digit_kinds` reads


def digit_kinds(run: str, following: str) -> tuple[str, ...]:
    """The trigger kinds of a run of digits, given the (up to four) characters after it.

    Every run is a "digit"; one or two digits a "short_number" (a day, an hour, a month),
    and a "clock_number" when what follows could continue a clock time ("11:30", "9 p.m.",
    "6 o'clock"), a "times_number" before "times" ("12 times a year"); a single digit
    followed by a letter an "ordinal_digit" ("3rd"); four a "four_digits" before a word
    (a clock time such as "0001 GMT" or "0600 hours", the only ones four digits begin), and a "year_number"
    when it reads as a year, the only four digits `YEAR` accepts, a "year_dash" when a
    hyphen follows (the only year an ISO date begins with); eight an "eight_digits" (a date
    like "19980303"); a run followed by a slash a "slashed_number" ("11/02/89").  The
    narrower kinds spare the rules that need them an attempt at every number of a dense text.
    """
    kinds = ["digit"]
    if len(run) <= 2:
        kinds.append("short_number")
        if _CLOCK_HOUR_AFTER.match(following):
            kinds.append("clock_number")
        if _TIMES_AFTER.match(following):
            kinds.append("times_number")
        if len(run) == 1 and following[:1].isalpha():
            kinds.append("ordinal_digit")
    elif len(run) == 4:
        if _ZONE_AFTER_FOUR.match(following):
            kinds.append("four_digits")
        if _YEAR_NUMBER.fullmatch(run):
            kinds.append("year_number")
            if following[:1] == "-":
                kinds.append("year_dash")
    elif len(run) == 8:
        kinds.append("eight_digits")
    if following[:1] == "/":
        kinds.append("slashed_number")
    return tuple(kinds)


# What follows a month word decides two of its rules at a glance (in the same case folding as
# the patterns).  `month_day` goes on to its day: a dot, one to three spaces, maybe "the",
# and a digit ("Sept. 5", "March the 3rd").  `month` stands alone: its pattern refuses a
# month followed by a number (`(?!\.?\s{1,3}\d)`), unless that number could be its year.
_MONTH_THEN_DAY = re.compile(r"\.?\s{1,3}(?:the\s{1,3})?[0-9]", FLAGS)
_MONTH_THEN_NUMBER = re.compile(r"\.?\s{1,3}\d")
_MONTH_THEN_YEARLIKE = re.compile(r"\.?\s{1,3}\d{4}")
MONTH_LOOKAHEAD = 11  # characters after a month word that `month_kinds` reads
# The only characters outside ASCII that an ASCII letter matches when case is ignored (the
# dotted and dotless i, the long s, the Kelvin sign): where none stands in the text, a month
# rule's month name is always one whole word of ASCII letters, the month word itself.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def month_kinds(following: str) -> tuple[str, ...]:
    """The narrower trigger kinds of a month word, given the (up to `MONTH_LOOKAHEAD`)
    characters after it: "month_then_day" where `month_day` could go on to a day number,
    "month_alone" where `month` could end (no number after it, or four digits that could be
    its year).  In a run of dates ("February 1 March 2") this spares `month` an attempt at
    every month, and in a run of months ("March May June") `month_day`.
    """
    kinds = []
    if _MONTH_THEN_DAY.match(following):
        kinds.append("month_then_day")
    if not _MONTH_THEN_NUMBER.match(following) or _MONTH_THEN_YEARLIKE.match(following):
        kinds.append("month_alone")
    return tuple(kinds)


def near(reach: int, *kinds: str) -> dict[str, int]:
    """A condition: a trigger word of one of ``kinds`` begins at most ``reach`` characters
    after the phrase does.  Conditions combine with ``|`` (either holds)."""
    return dict.fromkeys(kinds, reach)


# The conditions every match of a rule meets (all of them), so that the rule is tried only
# where they hold.  A reach is the most characters from the phrase's start to the start of
# the word it needs, counting each gap ``S`` as three; a rule whose phrase can begin further
# back than 48 characters (a long amount before a unit) is tried only within 48, as before.
RULE_TRIGGERS: dict[str, tuple[dict[str, int], ...]] = {
    "iso_date": (near(0, "year_dash"),),
    "slash_date": (near(0, "slashed_number"),),
    "compact_date": (near(0, "eight_digits"),),
    "month_day": (near(0, "month_then_day"),),
    "day_month": (near(20, "month"), near(6, "digit")),  # "the 8-11 of May"
    "month": (near(16, "month_alone"),),  # "this coming May"
    "ordinal_day": (near(6, "short_number"), near(8, "ordinal_suffix")),  # "the 31st"
    "year": (near(24, "year_number"),),  # "the fiscal year 1998"
    "spoken_year": (near(13, "spoken_century"),),  # "the year nineteen ninety-six"
    "year_earlier": (near(32, "year"),),  # "the corresponding prior - year"
    "decade": (near(8, "digit", "decade"), near(11, "s") | near(4, "decade")),  # "the 1990's", "the twenties"
    "century": (near(22, "century"),),  # "the seventeenth - century"
    # "next year's the 1998 year-earlier calendar fourth quarter": its ordinal within 55.
    "quarter": (near(48, "unit"), near(55, "quarter_ordinal", "ordinal_digit")),
    "quarter_code": (near(0, "q"), near(1, "short_number")),  # "Q3"
    "quarter_ref": (near(34, "quarter", "period"),),  # "next year's 1998 year-earlier period"
    "half_year": (near(20, "half", "quarter"),),  # "the first two quarters"
    "season": (near(16, "season"),),  # "this coming spring"
    "holiday": (near(6, "holiday"),),
    "weekday": (near(18, "weekday"),),  # "this coming Monday", "the following Monday"
    "weekday_plural": (near(0, "weekday"), near(0, "weekday_plural") | near(12, "parts_of_days")),
    "relative_day": (near(16, "relative_day"),),
    "relative_period": (near(27, "calendar_unit"),),  # "the following fiscal year"
    # An offset's direction follows its unit: at most 48 + "millennium" + a gap.
    "offset": (near(48, "unit"), near(61, "direction")),
    "clock": (near(0, "clock_number", "four_digits", "clock", "number"),),
    "part_of_day": (near(16, "part_of_day", "hours"),),
    "edge": (near(12, "edge"),),
    "week_of_month": (near(15, "week"),),  # "the fourth week"
    "year_end": (near(6, "year"),),  # "the year-end"
    "deictic_unit": (near(12, "deictic"),),
    "duration": (near(48, "unit"),),
    "reference": (near(_last_word_offset(lx.REFERENCE_WORDS), "reference"),),
    "soon": (near(0, "soon"),),
    "set": (near(32, "set", "part_of_day") | near(48, "unit") | near(16, "weekday"), near(0, "set_start", "times_number")),
}

# Rules whose every match begins with a letter: a word of their own ("the", "last", a month
# or weekday name), never a number and never the apostrophe of "'90s".  `recognise` tries
# them only where a word of letters begins, which spares them every number of a dense text.
LETTER_OPENING = frozenset({
    "month_day", "month", "ordinal_day", "spoken_year", "year_earlier", "quarter_ref", "half_year",
    "season", "holiday", "weekday", "weekday_plural", "relative_day", "relative_period", "part_of_day",
    "edge", "week_of_month", "year_end", "deictic_unit", "reference", "soon",
})

# Rules whose every match begins with an ASCII digit or the word "the": `day_month` ("1 March",
# "the 8-11 of May"), never with the month its trigger conditions reach for ("February 1
# March": not at "February").  `recognise` tries them only at such words.
DIGIT_OR_THE_OPENING = frozenset({"day_month"})
# Rules whose every match begins with one of a few words, told by their first two letters:
# `relative_period` ("this", "last", "next", "past", "previous", "coming", "current",
# "following", "that", "the"), `deictic_unit` and `week_of_month` ("the").  In a run of
# lengths ("48-hour 30-day week-long") their trigger words are everywhere and their
# openings nowhere.  None of these letters is i, s or k, the only ASCII letters that match
# a letter outside ASCII when case is ignored, so the two letters are ASCII wherever a
# match begins, and lower-casing them is exact.
OPENING_PREFIXES: dict[str, frozenset[str]] = {
    "relative_period": frozenset({"th", "la", "ne", "pa", "pr", "co", "cu", "fo"}),
    "deictic_unit": frozenset({"th"}),
    "week_of_month": frozenset({"th"}),
}

# Rules whose every match that begins with a number begins with a word of the given kind:
# `year` with the year itself ("1998", "the fiscal year 1998"), never with the other numbers
# its reach spans ("31 12 1999").  `recognise` tries them at no other number.
NUMBER_OPENING: dict[str, str] = {"year": "year_number"}

# Text between two pieces that lets them join into one expression.
GLUE = re.compile(
    r"\s{0,3}|\s{0,3},\s{0,3}|\s{0,2}-\s{0,2}|" + S + r"(?:on|at|of|in|this|next|last)(?:" + S + r"the)?" + S
    + r"|\s{0,3},\s{0,3}(?:on|at)" + S + r"|" + S + r"into" + S + r"|\s{0,2},?" + S + r"(?:on|at)" + S + r"the" + S,
    FLAGS,
)

# Words that make a following month name a month rather than a verb, a modal or a name.
MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|during|from|to|of|before|after|last|next|this|early|late|mid|end|"
    r"beginning|start|between|and|or|for|on|around|until|throughout|each|every|that|the|an?)\s{1,3}|-)$",
    FLAGS,
)
