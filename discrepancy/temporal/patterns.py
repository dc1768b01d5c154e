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


# Words that may follow a day number without making it a count ("April 24 and 25 in
# Washington" but not "May 8 and 12 others").
_NOT_NOUNS = r"(?:in|at|on|and|or|to|for|when|with|after|before|by|from|this|next|last|the)(?![\w])"


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
        r"|" + S + r"(?:and|or)" + S + r"(?P<d3>" + DAY_NUMBER + r")(?!" + S + r"(?!" + _NOT_NOUNS + r")[a-z]))?"
        r"(?:(?:\s{0,2},\s{0,2}|" + S + r")(?P<y>" + YEAR + r"))?")),
    ("day_month", _compile(
        r"(?<![\w])(?:the" + S + r")?(?:(?P<d0>" + DAY_NUMBER + r")\s{0,2}[-\u2013]\s{0,2})?(?P<d>" + DAY_NUMBER + r")(?:" + S + r"of)?" + S + r"(?P<month>" + MONTH + r")"
        r"(?:(?:\s{0,2},\s{0,2}|" + S + r")(?P<y>" + YEAR + r"))?")),
    ("month", _compile(
        r"(?<![\w])(?:(?P<rel>last|this|next|coming|past|previous)" + S + r")?(?P<month>" + MONTH + r")"
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
        r"(?:" + S + r"of" + S + r"(?:(?:fiscal|calendar)" + S + r")?(?P<y>" + YEAR + r"|this" + S + r"year|last" + S + r"year|next" + S + r"year))?(?!-)")),
    ("quarter_code", _compile(r"(?<![\w])(?-i:Q)(?P<q>[1-4])(?:\s{0,2}(?P<y>" + YEAR + r"))?(?![\w])")),
    ("quarter_ref", _compile(
        r"(?<![\w])the" + S + r"(?:(?P<y>" + YEAR + r")" + S + r")?(?:(?P<qrel>latest|current|same|year-earlier|year-ago|comparable|prior|previous|recent|fiscal)" + S + r")?"
        r"(?P<unit>quarter|period)(?![\w-])")),
    ("half_year", _compile(
        r"(?<![\w])the" + S + r"(?:(?P<h>first|second|last|latter)" + S + r"half|(?P<hq>first|last)" + S + r"two" + S + r"quarters)(?:" + S + r"of" + S + r"(?P<y>" + YEAR + r"|this" + S + r"year|last" + S + r"year|next" + S + r"year))?(?![\w])")),
    ("season", _compile(
        r"(?<![\w])(?:(?P<rel>last|this|next|past|coming|the|early|late|mid)" + HY + r")?(?P<s>" + SEASON + r")(?![\w])"
        r"(?:(?:" + S + r"of)?" + S + r"(?P<y>" + YEAR + r"))?")),
    ("holiday", _compile(
        r"(?<![\w])(?:(?P<rel>last|this|next)" + S + r")?(?P<h>" + title_words(
            list(lx.FIXED_HOLIDAYS) + list(lx.NTH_WEEKDAY_HOLIDAYS) + list(lx.EASTER_HOLIDAYS)) + r")(?![\w])"
        r"(?:" + S + r"(?P<y>" + YEAR + r"))?")),
    ("weekday", _compile(
        r"(?<![\w])(?:(?P<rel>last|next|this|coming|past|previous|every|each)" + S + r")?(?P<wd>" + WEEKDAY + r")")),
    ("weekday_plural", _compile(
        r"(?<![\w])(?P<wd>" + words(lx.WEEKDAYS) + r")(?:s|" + S + r"(?P<pods>nights|mornings|afternoons|evenings))(?![\w])")),
    ("relative_day", _compile(
        r"(?<![\w])(?P<rd>the" + S + r"day" + S + r"before" + S + r"yesterday|the" + S + r"day" + S + r"after" + S + r"tomorrow"
        r"|yesterday|today|tomorrow|tonight)(?![\w])")),
    ("relative_period", _compile(
        r"(?<![\w])(?P<rel>last|this|next|past|previous|coming|current|following|that(?:" + S + r"same)?|the" + S
        + r"(?:past|previous|coming|current|following|next|last|same|preceding))" + S
        + r"(?P<unit>week|month|year|quarter|weekend|decade|century|day|fiscal" + S + r"year|night|morning)(?![\w-])")),
    ("offset", _compile(
        r"(?<![\w])(?:(?P<amod>" + AMOUNT_MODIFIER + r")" + S + r")?(?P<amount>" + AMOUNT + r")" + HY
        + r"(?P<unit>" + UNIT + r")" + S
        + r"(?P<dir>ago|earlier|later|before|after|from" + S + r"now|hence|back|previously|prior|since)(?![\w])")),
    ("clock", _compile(
        r"(?:(?<![\w:.,$])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s{0,2}(?P<ap>[ap]\.\s?m\.?|[ap]m(?![\w])|[AP]\.M\.?)"
        r"|(?<![\w:.,$])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])(?:" + S + r"(?:hours|hrs|h)(?![\w]))?"
        r"|(?<![\w])(?P<named>noon|midnight|midday)(?![\w])"
        r"|(?<![\w:.,$])(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?=\s{1,2}\(?(?-i:GMT|UTC|Zulu)(?![\w]))"
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
    ("deictic_unit", _compile(r"(?<![\w])the" + S + r"(?:full" + S + r"|fiscal" + S + r"(?=year))?(?-i:(?P<unit>week|weekend|year))(?![\w-])")),
    ("duration", _compile(
        r"(?<![\w])(?:(?P<amod>" + AMOUNT_MODIFIER + r")" + S + r"(?!the\s))?"
        r"(?:(?P<det>the" + S + r"(?:past|last|next|first|final|previous|coming|following|remaining|latest|same|whole|entire|full|ensuing|initial|current|better" + S + r"part" + S + r"of" + S + r"the)"
        r"|the|another|an?" + S + r"(?:additional|further|extra|full|whole|mere|total" + S + r"of)|each" + S + r"of" + S + r"the" + S + r"(?:past|last|next)"
        r"|past|coming|next|last|first|(?:more|less|fewer)" + S + r"than)" + S + r")?"
        r"(?:(?P<amount>" + AMOUNT + r")(?:" + S + r"(?:to|or)" + S + r"(?P<amount2>" + AMOUNT + r"))?" + HY + r")?"
        r"(?:(?P<qual>full|more|additional|straight|consecutive|long|whole|extra|further|trading|working|business|calendar|successive|solid|short|odd|mere)" + HY + r")?"
        r"(?P<unit>" + UNIT + r")(?!-(?:earlier|ago)(?![\w]))(?P<uhalf>" + S + r"and" + S + r"a" + S + r"half(?![\w]))?(?P<suffix>" + HY + r"long(?![\w]))?(?P<age>" + HY + r"olds?(?![\w]))?"
        r"|(?<![\w])(?P<lunit>week|day|month|year|hour|decade|night|season|century|minute)-?long(?![\w])")),
    ("reference", _compile(r"(?<![\w])(?P<ref>" + words(lx.REFERENCE_WORDS) + r")(?![\w-])")),
    ("soon", _compile(r"(?<![\w])(?<!as\s)soon(?!\s{1,3}(?:as|after|before|afterwards|thereafter)\b)(?![\w-])")),
    ("set", _compile(
        r"(?<![\w])(?:(?P<freq>once|twice|three" + S + r"times|several" + S + r"times|\d{1,2}" + S + r"times)" + S + r"(?P<q>a|an|per|every|each)|(?P<q2>every|each|per))" + S + r"(?:(?P<amount>other|" + NUMBER_WORD + r"|\d{1,3})" + S + r")?"
        r"(?P<unit>day|week|month|year|quarter|hour|minute|morning|night|evening|afternoon|weekend|" + words(lx.WEEKDAYS)
        + r"|" + words(lx.UNIT_PLURALS) + r")(?![\w])"
        r"|(?<![\w])(?P<word>" + words(lx.SET_WORDS) + r")(?![\w])"
        r"|(?<![\w])(?:every|each)" + S + r"(?P<smonth>" + MONTH + r")")),
]

# The kinds of trigger word each rule's matches always contain (see `recognise`): a rule
# runs only over stretches of text that hold one of them.
RULE_TRIGGERS: dict[str, frozenset[str]] = {
    "iso_date": frozenset({"digit"}), "slash_date": frozenset({"digit"}),
    "compact_date": frozenset({"digit"}), "month_day": frozenset({"month"}),
    "day_month": frozenset({"month"}), "month": frozenset({"month"}),
    "ordinal_day": frozenset({"digit"}), "year": frozenset({"digit"}),
    "spoken_year": frozenset({"number"}), "year_earlier": frozenset({"unit"}),
    "decade": frozenset({"digit", "decade"}), "century": frozenset({"unit"}),
    "quarter": frozenset({"unit"}), "quarter_code": frozenset({"digit"}),
    "quarter_ref": frozenset({"unit", "period"}), "deictic_unit": frozenset({"unit"}), "week_of_month": frozenset({"unit", "month"}), "half_year": frozenset({"half", "unit"}),
    "season": frozenset({"season"}), "holiday": frozenset({"holiday"}),
    "weekday": frozenset({"weekday"}), "weekday_plural": frozenset({"weekday"}),
    "relative_day": frozenset({"relative_day"}), "relative_period": frozenset({"unit", "part_of_day"}),
    "offset": frozenset({"unit"}), "clock": frozenset({"digit", "clock", "number"}),
    "part_of_day": frozenset({"part_of_day", "unit"}), "edge": frozenset({"edge"}),
    "duration": frozenset({"unit"}), "reference": frozenset({"reference"}), "soon": frozenset({"reference"}),
    "set": frozenset({"set", "unit", "weekday", "part_of_day"}),
}

# Text between two pieces that lets them join into one expression.
GLUE = re.compile(
    r"\s{0,3}|\s{0,3},\s{0,3}|\s{0,2}-\s{0,2}|" + S + r"(?:on|at|of|in|this|next|last)(?:" + S + r"the)?" + S
    + r"|\s{0,3},\s{0,3}(?:on|at)" + S + r"|" + S + r"into" + S + r"|\s{0,2},?" + S + r"(?:on|at)" + S + r"the" + S,
    FLAGS,
)

# Words that make a following month name a month rather than a verb, a modal or a name.
MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|during|from|to|of|before|after|last|next|this|early|late|mid|end|"
    r"beginning|start|between|and|or|for|on|around|until|throughout|each|every|that|the)\s{1,3}|-)$",
    FLAGS,
)
