"""The words of English news time expressions, as data.

Tables only: number words, ordinals, months, weekdays, units, seasons, parts of day, time
zones, holidays, vague quantities and reference words.  `patterns` turns them into regular
expressions and `normalise` looks meanings up here; neither keeps a word list of its own,
so extending the tagger to a new word is one line in this file.
"""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}
TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "last": -1,
}

# Month names and abbreviations.  "May" and "March" are also a modal and a verb, so the
# patterns accept them only capitalised, and "March" only where a date follows or precedes.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
# Month words that are ordinary English words too; only their capitalised full form counts.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "dec", "august"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
# Abbreviations are recognised only capitalised and with their full stop ("Sun." not "sun").
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "Mon.": 0, "Tue.": 1, "Tues.": 1, "Wed.": 2, "Thu.": 3, "Thur.": 3, "Thurs.": 3,
    "Fri.": 4, "Sat.": 5, "Sun.": 6,
}

# Duration units: the field of `Duration` they fill and how many of it one unit is.
UNITS: dict[str, tuple[str, int]] = {
    "second": ("seconds", 1), "minute": ("minutes", 1), "hour": ("hours", 1),
    "day": ("days", 1), "night": ("days", 1), "week": ("weeks", 1), "fortnight": ("weeks", 2),
    "month": ("months", 1), "quarter": ("months", 3), "year": ("years", 1),
    "decade": ("years", 10), "century": ("years", 100), "millennium": ("years", 1000),
    "weekend": ("days", 2),
}
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "nights": "night",
    "weeks": "week", "fortnights": "fortnight", "months": "month", "quarters": "quarter",
    "years": "year", "decades": "decade", "centuries": "century", "millennia": "millennium",
    "weekends": "weekend",
}
# The letter TIMEX3 writes for a vague amount of a unit ("weeks" -> PXW).  Decades are written
# in years, as exact ones are ("two decades" -> P20Y, "decades" -> PXY), and as TimeBank does.
VAGUE_UNIT_CODES: dict[str, str] = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "Y",
    "century": "C", "millennium": "ML", "weekend": "WE",
}
# The TIMEX3 form of an exact amount: unit letter and multiplier ("3 decades" -> P30Y).
EXACT_UNIT_CODES: dict[str, tuple[str, int]] = {
    "second": ("TS", 1), "minute": ("TM", 1), "hour": ("TH", 1), "day": ("D", 1),
    "night": ("D", 1), "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1),
    "quarter": ("Q", 1), "year": ("Y", 1), "decade": ("DE", 1), "century": ("CE", 1),
    "millennium": ("ML", 1), "weekend": ("WE", 1),
}

# Vague quantities as [min, max] counts of the unit; max None means no upper limit.
VAGUE_QUANTITIES: dict[str, tuple[int, int | None]] = {
    "a couple of": (2, 3), "couple of": (2, 3), "a couple": (2, 3), "a few": (2, 5),
    "few": (2, 5), "several": (3, 9), "many": (5, None), "some": (2, None),
    "a number of": (2, None), "numerous": (5, None),
}
# Words that make an amount a lower or upper limit, with the TIMEX3 mod they give.
AMOUNT_MODIFIERS: dict[str, str] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "shorter than": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "a maximum of": "EQUAL_OR_LESS", "a minimum of": "EQUAL_OR_MORE",
    "nearly": "APPROX", "almost": "APPROX", "about": "APPROX",
    "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
    "exactly": "EXACT", "barely": "APPROX",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "well over": "MORE_THAN",
    "within": "EQUAL_OR_LESS",
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# Parts of the day and the TIMEX3 code of each (see `timex.PARTS_OF_DAY` for their hours).
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "daytime": "DT", "dawn": "MO", "daybreak": "MO", "dusk": "EV",
    "nightfall": "EV", "sunset": "EV", "sunrise": "MO", "morn": "MO",
}

# Time zones as people write them after a clock time.  "local time" means the text's zone.
ZONE_NAMES: dict[str, str] = {
    "utc": "UTC", "gmt": "UTC", "zulu": "UTC", "universal time": "UTC",
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "eastern": "America/New_York", "cst": "America/Chicago", "cdt": "America/Chicago",
    "central": "America/Chicago", "mst": "America/Denver", "mdt": "America/Denver",
    "mountain": "America/Denver", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles",
    "bst": "Europe/London", "cet": "Europe/Paris",
    "cest": "Europe/Paris", "eet": "Europe/Athens", "eest": "Europe/Athens",
    "msk": "Europe/Moscow", "ist": "Asia/Kolkata", "jst": "Asia/Tokyo", "hkt": "Asia/Hong_Kong",
    "aest": "Australia/Sydney", "aedt": "Australia/Sydney",
}
# "<Place> time": cities and countries whose clock news reports name.
PLACE_ZONES: dict[str, str] = {
    "kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv", "ukrainian": "Europe/Kyiv",
    "moscow": "Europe/Moscow", "russian": "Europe/Moscow", "london": "Europe/London",
    "british": "Europe/London", "uk": "Europe/London", "paris": "Europe/Paris",
    "french": "Europe/Paris", "berlin": "Europe/Berlin", "german": "Europe/Berlin",
    "brussels": "Europe/Brussels", "central european": "Europe/Paris",
    "eastern european": "Europe/Athens", "athens": "Europe/Athens", "istanbul": "Europe/Istanbul",
    "turkish": "Europe/Istanbul", "jerusalem": "Asia/Jerusalem", "israel": "Asia/Jerusalem",
    "israeli": "Asia/Jerusalem", "gaza": "Asia/Gaza", "cairo": "Africa/Cairo",
    "egyptian": "Africa/Cairo", "tehran": "Asia/Tehran", "iranian": "Asia/Tehran",
    "baghdad": "Asia/Baghdad", "riyadh": "Asia/Riyadh", "saudi": "Asia/Riyadh",
    "dubai": "Asia/Dubai", "abu dhabi": "Asia/Dubai", "gulf": "Asia/Dubai",
    "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "indian": "Asia/Kolkata",
    "india": "Asia/Kolkata", "pakistan": "Asia/Karachi", "pakistani": "Asia/Karachi",
    "islamabad": "Asia/Karachi", "beijing": "Asia/Shanghai", "china": "Asia/Shanghai",
    "chinese": "Asia/Shanghai", "hong kong": "Asia/Hong_Kong", "singapore": "Asia/Singapore",
    "tokyo": "Asia/Tokyo", "japan": "Asia/Tokyo", "japanese": "Asia/Tokyo",
    "seoul": "Asia/Seoul", "korean": "Asia/Seoul", "sydney": "Australia/Sydney",
    "washington": "America/New_York", "new york": "America/New_York",
    "chicago": "America/Chicago", "los angeles": "America/Los_Angeles",
    "havana": "America/Havana", "bogota": "America/Bogota", "colombian": "America/Bogota",
    "mexico city": "America/Mexico_City", "sao paulo": "America/Sao_Paulo",
    "brasilia": "America/Sao_Paulo", "caracas": "America/Caracas", "greenwich": "UTC",
    "yemen": "Asia/Aden", "sanaa": "Asia/Aden", "damascus": "Asia/Damascus",
    "beirut": "Asia/Beirut", "kabul": "Asia/Kabul", "nairobi": "Africa/Nairobi",
    "lagos": "Africa/Lagos", "johannesburg": "Africa/Johannesburg",
}

# Fixed-date holidays as (month, day); movable ones are computed in `normalise`.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "orthodox christmas": (1, 7), "valentine's day": (2, 14), "halloween": (10, 31),
    "independence day": (7, 4), "bastille day": (7, 14), "may day": (5, 1),
    "veterans day": (11, 11), "armistice day": (11, 11), "st. patrick's day": (3, 17),
    "new year": (1, 1),
}
# Holidays defined by a rule: (month, weekday, nth) with nth -1 for the last one.
NTH_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
    "presidents' day": (2, 0, 3), "columbus day": (10, 0, 2),
}
EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2,
    "orthodox easter": 0,
}

# Words that name the present, past or future without a date (TIMEX3 reference tokens).
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "more recently": "PAST_REF", "most recently": "PAST_REF", "recent years": "PAST_REF",
    "recent days": "PAST_REF", "recent weeks": "PAST_REF", "recent months": "PAST_REF",
    "past years": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    # "in the near term", "for the short term": the time ahead, as TimeML tags them; the
    # hyphenated adjective ("near-term earnings", "long-term debt") is not matched.
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "a later date": "FUTURE_REF", "a future date": "FUTURE_REF",
    # The adjective, as in "his current wife", "current market conditions" (TBAQ tags it
    # PRESENT_REF in 10 of its 17 uses before a noun); `normalise` keeps only that use.
    "current": "PRESENT_REF", "then current": "PAST_REF", "then-current": "PAST_REF",
}

# Frequencies: the TIMEX3 value of a SET word.
SET_WORDS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "fortnightly": "P2W", "monthly": "P1M", "yearly": "P1Y",
}

# Words before a time that make it the end of a window, with whether the named time is
# inside the window (None: the text leaves it open).
BOUND_CUES: dict[str, bool | None] = {
    "until": None, "till": None, "til": None, "'til": None, "up until": None, "up to": None,
    "through": True, "thru": True, "to": None, "by": True, "no later than": True,
    "not later than": True, "before": False, "ending": None, "ends": None, "ended": None,
    "expires": None, "expired": None, "expire": None, "expiring": None, "deadline of": True,
    "lapses": None, "lapsed": None, "runs out": None, "ran out": None, "run out": None,
}
START_CUES = frozenset({
    "from", "starting", "starting on", "starting from", "beginning", "beginning on", "as of",
    "as from", "effective", "effective from", "since", "commencing", "took effect",
    "takes effect", "take effect", "taking effect", "begins", "began", "begin", "starts",
    "started", "start",
})

# Words that mark a clause as being about the future or the past.  Strong markers decide
# on their own; weak ones (present-tense verbs) only when no strong marker is in the clause.
STRONG_FUTURE = frozenset({
    "will", "'ll", "shall", "gonna", "due", "scheduled", "expected", "plan", "plans", "planned",
    "planning", "soon", "upcoming", "intends", "would", "tomorrow", "await", "awaits", "awaiting",
    "next", "later", "expects", "hope", "hopes",
})
WEAK_FUTURE = frozenset({
    "is", "are", "am", "resume", "resumes", "begin", "begins", "starts", "meet", "meets",
    "votes", "holds", "opens", "expire", "expires", "ends", "returns", "visits", "travels",
    "faces", "must", "should", "can", "may", "might", "wants", "seeks", "remains", "aims",
    "continues", "arrive", "arrives", "leave", "leaves", "takes", "gets", "goes", "comes",
})
STRONG_PAST = frozenset({
    "said", "was", "were", "had", "did", "told", "ago", "yesterday", "earlier", "previously",
    "began", "came", "went", "made", "took", "gave", "left", "met", "held", "won", "lost",
    "fell", "rose", "struck", "hit", "sent", "saw", "spoke", "got", "found", "became",
    "brought", "paid", "sold", "bought", "ran", "wrote", "led", "kept", "shot", "broke",
    "fought", "flew", "knew", "thought", "been", "last", "say", "says", "tumbled", "slid",
    "froze", "chose", "drew", "grew", "threw", "stood", "sat", "began", "won", "hung",
    "dipped", "slipped", "dropped", "set", "cut", "put",
})
WEAK_PAST = frozenset({"has", "have", "since", "according"})
# Words that look like past-tense verbs by their ending but are not ("need", "red", "bed").
NOT_PAST_EDS = frozenset({
    "need", "red", "bed", "shed", "feed", "seed", "speed", "indeed", "weed", "breed", "greed",
    "hundred", "bred", "led", "fled", "sled", "wed", "embed", "proceed", "succeed", "exceed",
    "united", "limited", "related", "based", "detailed", "planned", "scheduled", "expected",
    "proposed", "supposed", "due", "armed", "advanced", "elected", "designed",
})
