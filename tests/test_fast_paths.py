"""The shortcuts that keep dense text cheap give exactly what the long way gives.

Each fast path (a cheap test that skips work, a cache of a pure step) is checked against the
step it stands in for, over generated text built from the words that matter to it: markers,
cue words, apostrophes, long words, clause breaks, non-ASCII letters that case-fold to ASCII.
"""

from __future__ import annotations

import os

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from zoneinfo import ZoneInfo

from discrepancy.claims.cues import ClaimingCues, Cue, claiming_cue
from discrepancy.temporal import cues, find_times, recognise, tense
from discrepancy.temporal.normalise import Piece
from discrepancy.temporal.patterns import RULES
from discrepancy.temporal.values import Grain, Instant, Span, localize, start_of_day

from rule_matches import first_matches

BUDGET = settings(max_examples=int(os.environ.get("DISCREPANCY_FUZZ_EXAMPLES", 400)), deadline=None)

_PIECES = [
    "will", "said", "was", "due", "to", "set", "had", "been", "would", "could", "plans", "hope",
    "postponed", "until", "through", "extended", "given", "Monday", "Wednesday", "February", "1",
    "wanted", "red", "indeed", "advanced", "resumed", "Scheduled", "'ll", "he'll", "o'", "'",
    "a" * 19 + "ed", "b" * 18 + "edx", "x" * 25, "Thursday's", "on", "at", "the", "of", "in",
    "by", "before", "'til", "til", "no later than", "starting", "from", "as of", "effective",
    "took effect", "ran out", "BY", "UnTiL", "\u212a", "\u0130", "\u017ftarting", "caf\u00e9",
    ".", ",", ";", "!", "?", "\"", "''", "``", "\u201c", "\u201d", "-", "(", ")", "\n", "  ",
    "   ", "\t", "\u00a0",
    # words whose reading depends on their neighbours: passives, bare pasts, "plan to", adjectives
    "be", "being", "is", "not", "did", "plan", "held", "cut", "put", "hastily", "planned", "as", "a",
]
_SEPARATORS = st.sampled_from(["", " ", " ", " ", "  ", "\n", ", ", ". "])
segments = st.lists(st.tuples(st.sampled_from(_PIECES), _SEPARATORS), max_size=30).map(
    lambda parts: "".join(piece + separator for piece, separator in parts))


@BUDGET
@given(segment=segments)
def test_marker_shortcut_matches_reading_every_word(segment):
    """A segment the shortcut calls marker-free has no marker when read word by word."""
    words = tense._tense_words(segment)
    assert tense._marker(segment, outwards_from_end=True) == tense._governing_marker(words[::-1])
    assert tense._marker(segment, outwards_from_end=False) == tense._governing_marker(words)


@BUDGET
@given(before=segments)
def test_cue_pretest_never_hides_a_cue(before):
    """Whenever a cue pattern matches the window, the cheap test lets it be searched."""
    window = before[-cues._LOOK_BACK:]
    if not cues._may_end_in_cue(window):
        assert not cues._BOUND_BEFORE.search(window)
        assert not cues._START_BEFORE.search(window)
        assert not cues._AT_END.search(window)


def test_cue_pretest_lets_cues_through():
    for window in ("until ", "ran out  ", "x'til ", "effective from the ", "runs OUT\t", "no later than "):
        assert cues._may_end_in_cue(window), window
    for window in ("Monday ", "until", "until    ", "until-", ""):
        assert not cues._may_end_in_cue(window), window


# Cue words of the tense readings and of ranges, and letters that case-fold onto them.
_CUE_PIECES = _PIECES + ["as", "As", "soon", "early", "as soon as", "AS EARLY AS", "thru", "and", "to", "\u2013",
                         "unt\u0131l", "beginning", "than", "a", "s", "on the", "And"]
cue_segments = st.lists(st.tuples(st.sampled_from(_CUE_PIECES), _SEPARATORS), max_size=20).map(
    lambda parts: "".join(piece + separator for piece, separator in parts))


@BUDGET
@given(before=cue_segments)
def test_tense_cue_pretest_never_hides_a_cue(before):
    """Whenever "as early as" or a window word matches before a time, the cheap test lets it be searched."""
    window = before[-24:]
    if not recognise._may_end_in_tense_cue(window):
        assert not recognise._EARLIEST_BEFORE.search(window)
        assert not recognise._WINDOW_CUE_BEFORE.search(window)


@BUDGET
@given(before=cue_segments, after=st.sampled_from(["", " said", "'s", " will", ", and"]))
def test_tense_with_pretest_reads_as_without(before, after):
    """`_tense` with the pretest answers as the three readings in full do."""
    text = before + "Monday" + after
    piece = Piece("weekday", len(before), len(before) + 6, {"wd": "Monday"})
    start = piece.start
    if recognise._POSSESSIVE.match(text, piece.end):
        expected = tense.Tense.PAST
    elif recognise._EARLIEST_BEFORE.search(text, max(0, start - 24), start):
        expected = tense.Tense.FUTURE
    else:
        expected = tense.clause_tense(text, start, piece.end)
        if expected is tense.Tense.UNMARKED and recognise._WINDOW_CUE_BEFORE.search(text, max(0, start - 24), start):
            expected = tense.Tense.FUTURE
    assert recognise._tense(text, piece) is expected


def test_tense_cue_pretest_lets_cues_through():
    for window in ("as early as ", "until on ", "No later than  ", "effective\n", "by at \n", "thru ", "as soon as on "):
        assert recognise._may_end_in_tense_cue(window), window
    for window in ("Monday ", "until", "until     ", "after ", ""):
        assert not recognise._may_end_in_tense_cue(window), window


@BUDGET
@given(gap=cue_segments)
def test_range_pretest_never_hides_a_cue(gap):
    """Whenever the end of a range ("to", "and", a dash) matches between two times, the cheap test lets it be searched."""
    if not cues._may_end_in_range_cue(gap):
        assert not cues._RANGE_END_BEFORE.search(gap)


def test_range_pretest_lets_cues_through():
    for gap in (" to ", "-", " \u2013 ", " and the ", " through ", " until on ", " TO"):
        assert cues._may_end_in_range_cue(gap), gap
    for gap in (" ", ", ", " or ", ""):
        assert not cues._may_end_in_range_cue(gap), gap


_MANY_TIMES = (
    "From May 8-11 to 8-11 May, and April 24 and 25, 1998; from 38 to 35 hours, two to three weeks. "
    "At 11:30 p.m. EST on Friday, February 1, 2026 or 2026-02-01T10:00, the 1990s, '90s, Q3 1998, "
    "the first half of 1999, the third quarter, Mondays, Tuesday nights, every Thursday, tonight, "
    "last year, 11/02/89, 19980303, the 31st, late Sunday, the week of March 6, three times a year, "
    "a 48-hour truce, the nineteenth century, the year nineteen ninety-six, soon, now, two days earlier."
)


def test_groups_read_as_groupdict():
    """Each rule's kept groups, their order and the kept spans are those `groupdict` gives."""
    seen = 0
    for order, (_kind, pattern) in enumerate(RULES):
        for position in range(len(_MANY_TIMES)):
            match = pattern.match(_MANY_TIMES, position)
            if not match:
                continue
            seen += 1
            expected = {name: value for name, value in match.groupdict().items() if value is not None}
            for name in recognise._POSITIONED_GROUPS:
                if name in expected:
                    expected[f"_{name}_span"] = match.span(name)
            got = recognise._groups(match, recognise._GROUP_LAYOUTS[order])
            assert got == expected and list(got) == list(expected)
    assert seen > 50


def _cue(start: int, end: int, phrase: str = "expired") -> Cue:
    return Cue("end", Span(start, end), phrase, frozenset(), False)


_SENTENCE_PIECES = ["the truce", "expired", "on Monday", ",", ", but", ";", "blocking", "said", "at 6 p.m.", " ",
                    "On", "in", "x" * 40, "\u2014"]


@BUDGET
@given(parts=st.lists(st.sampled_from(_SENTENCE_PIECES), min_size=1, max_size=40), data=st.data())
def test_claiming_cues_of_a_sentence_match_asking_each_time(parts, data):
    """Bisecting a sentence's cues finds what comparing every cue with the time finds."""
    text = " ".join(parts)
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=12)))
    cue_list = [_cue(low, high) for low, high in zip(cuts[::2], cuts[1::2]) if low < high]
    sentence_start = data.draw(st.integers(0, min(5, len(text))))
    claiming = ClaimingCues(text, cue_list, sentence_start)
    for _ in range(6):
        start = data.draw(st.integers(sentence_start, len(text)))
        span = Span(start, data.draw(st.integers(start, len(text))))
        assert claiming.of(span) == claiming_cue(text, span, cue_list, sentence_start)
        assert claiming.of(span) == claiming_cue(text, span, cue_list, sentence_start)  # asked again


def test_claiming_cues_with_an_empty_cue_ask_each_time():
    text = "the truce expired on Monday and ended"
    cue_list = [_cue(10, 17), _cue(18, 18), _cue(32, 37, "ended")]
    claiming = ClaimingCues(text, cue_list, 0)
    for start, end in ((21, 27), (0, 3), (18, 20), (28, 31)):
        span = Span(start, end)
        assert claiming.of(span) == claiming_cue(text, span, cue_list, 0)


def test_localize_cache_keeps_each_zone_object():
    """Zones equal as offsets but named apart stay apart: the cache keys on identity."""
    plain, named = timezone(timedelta(hours=2)), timezone(timedelta(hours=2), "EET")
    wall = datetime(2026, 2, 3, 10, 0)
    assert localize(wall, plain).tzinfo is plain
    assert localize(wall, named).tzinfo is named
    assert localize(wall, named).tzname() == "EET"
    assert Instant.of_day(date(2026, 2, 3), plain).earliest.tzinfo is plain
    assert Instant.of_day(date(2026, 2, 3), named).earliest.tzinfo is named


def test_localize_cache_is_per_zone_and_day():
    kyiv, new_york = ZoneInfo("Europe/Kyiv"), ZoneInfo("America/New_York")
    day = date(2026, 3, 8)  # DST starts in New York
    assert start_of_day(day, kyiv).utcoffset() == timedelta(hours=2)
    assert start_of_day(day, new_york).utcoffset() == timedelta(hours=-5)
    spring_forward = datetime(2026, 3, 8, 2, 30)  # does not exist in New York
    assert localize(spring_forward, new_york).hour == 3
    assert localize(spring_forward, kyiv).hour == 2
    day_range = Instant.of_days(day, day, new_york, Grain.DAY)
    assert day_range.width == timedelta(hours=23)
    assert Instant.of_days(day, day, new_york, Grain.WEEK).grain is Grain.WEEK


def test_aware_wall_times_are_not_confused_by_the_cache():
    zone = ZoneInfo("Europe/Kyiv")
    first = datetime(2026, 2, 3, 10, tzinfo=timezone.utc)
    second = datetime(2026, 2, 3, 12, tzinfo=timezone(timedelta(hours=2)))  # the same instant
    assert localize(first, zone).hour == 10
    assert localize(second, zone).hour == 12


def test_same_phrase_in_different_clauses_keeps_its_own_tense():
    """Caches and shortcuts must not carry one clause's tense to another's copy of a phrase."""
    text = ("Officials said Wednesday the talks failed. The envoys will meet Wednesday in Geneva. "
            "Wednesday Wednesday Wednesday. Talks resumed Wednesday.")
    values = [expression.value for expression in find_times(text, date(2026, 2, 5), "UTC")]
    # 2026-02-05 is a Thursday: past Wednesday is the 4th, the next one the 11th.
    assert values == ["2026-02-04", "2026-02-11", "2026-02-04", "2026-02-04", "2026-02-04", "2026-02-04"]


def test_claims_screen_selects_what_searching_each_pattern_allows():
    """The per-sentence selection of patterns equals asking each pattern about the sentence."""
    from pathlib import Path

    from discrepancy.api import checker_for
    from discrepancy.claims.sentences import split_sentences

    extractor = checker_for().extractor
    corpus = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "silver"
    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.rglob("*.tml"))[:40]]
    texts.append("The weeklong truce began on Thursday. It ran until February 1. Strikes resumed Monday. " * 5)
    texts.append("A ceasefire ended. \u0130t was extended. The ban expires Friday.")
    for text in texts:
        sentences = split_sentences(text)
        screen = extractor._screen.over(text, sentences)
        for sentence in sentences:
            for name, items in (("called", extractor._called), ("cues", extractor._cue_patterns)):
                expected = [item for item in items if screen(item[-1], sentence)]
                assert list(screen.select(name, items, sentence)) == expected


_CLAUSE_PIECES = _PIECES + ["y" * 45 + "ed", "'''", ".''", "\"'", "\u03a3", "WAS", "Said", "2026"]
clause_texts = st.lists(st.tuples(st.sampled_from(_CLAUSE_PIECES), st.sampled_from(
    ["", " ", " ", "  ", "\n", ", ", ". ", "'' ", "\" "])), max_size=80).map(
    lambda parts: "".join(piece + separator for piece, separator in parts))


@BUDGET
@given(text=clause_texts, data=st.data())
def test_clause_reader_reads_as_clause_tense(text, data):
    """The one-pass reader answers exactly as reading each clause alone, wherever the time is."""
    for _ in _times_read_alike(tense.ClauseReader(text), text, data, tries=20, width=15):
        pass


def _times_read_alike(reader, text, data, tries, width):
    """Draw ``tries`` times of up to ``width`` characters; assert the reader reads each as
    `clause_tense` does, and hand each (start, end) on for further checks."""
    for _ in range(tries):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + width)))
        assert reader.tense(start, end) == tense.clause_tense(text, start, end), (start, end)
        yield start, end


def test_dense_and_sparse_texts_read_tense_alike():
    """The reader is used only where times are dense; the values must not depend on that."""
    sentence = "Officials said Wednesday talks failed, and envoys will meet Friday. "
    padding = "Nothing of note happened in the region, and the markets were calm throughout. " * 4
    dense = find_times(sentence * 3, date(2026, 2, 5), "UTC")
    sparse = find_times((sentence + padding) * 3, date(2026, 2, 5), "UTC")
    assert _clause_reader_used(sentence * 3) and not _clause_reader_used((sentence + padding) * 3)
    assert [e.value for e in dense] == [e.value for e in sparse] == ["2026-02-04", "2026-02-06"] * 3


def _clause_reader_used(text: str) -> bool:
    from discrepancy.temporal import recognise

    return recognise._clause_reader(text, recognise.scan(text)) is not None


# Words and marks around numbers that decide whether a rule may begin at one: clock
# endings, "times", ordinal suffixes, units, fractions, and letters that case-fold to ASCII
# ("\u017f" is s, "\u0131" and "\u0130" are i, "\u212a" is k).
_NUMBER_PIECES = [
    "1", "2", "11", "12", "3", "2026", "1998", "0001", "19980303", "48", "1,000", "2.5", "1 1/2", "'90s", "90",
    "p.m.", "a.m.", "pm", "AM", "P.M.", ":30", ".15", "o'clock", "in the morning", "IN", "\u0131n", "\u0130n",
    "times a year", "Times", "st", "nd", "rd", "th", "\u017ft", "ST", "quarter", "first", "days", "day", "hour",
    "hours", "-hour", "-day", "week-long", "weeklong", "and a half", "to", "or", "more than",
    "GMT", "Monday", "May", "the", "last", "year", "ago", "earlier", "every", "per", "Q", "-", "/", "(", ")",
    "UTC", "Zulu", "(GMT)", "gmt", "2026-03-05", "1999-", "fiscal", "1\u0669\u0669\u0669",
    # the openings of `relative_period`, `deictic_unit`, `week_of_month`, and what they need after
    "THE", "This", "that same", "following", "Previous", "coming", "current", "next", "past", "week", "weekend",
    "month", "fourth", "of", "March", "48-hour", "week-long", "th\u0130s", "\u0130",
]
number_texts = st.lists(st.tuples(st.sampled_from(_NUMBER_PIECES), st.sampled_from(["", " ", " ", "  ", "   ", "-", ", "])),
                        max_size=30).map(lambda parts: "".join(piece + separator for piece, separator in parts))


def _assert_triggers_hide_no_match(text):
    """Every rule, tried only where its triggers allow, finds what trying it at every word start finds."""
    word_starts, by_kind = recognise._triggers(text)
    for rule, pattern in RULES:
        everywhere = first_matches(text, pattern, word_starts)
        triggered = first_matches(text, pattern, recognise._rule_starts(rule, text, word_starts, by_kind, {}))
        assert triggered == everywhere, (rule, text)


@BUDGET
@given(text=number_texts)
@example(text="first quarterp.m.")  # "quarter" run into the next word is no quarter
@example(text="0001 (GMT) 2359  Zulu 1200 UTC 2026-03-05")  # four digits before a zone; a year before a hyphen
@example(text="following week, Previous month, coming weekend, current year, THAT same day, next week, "
              "past month, last night, this year, the week, the fourth week of March")  # every opening
def test_narrow_triggers_hide_no_match(text):
    """Trying each rule at every word start finds what trying it where its triggers allow
    finds: the digit kinds ("clock_number", "times_number", "ordinal_digit"), the rules
    that open with a letter, and the digit guard of lengths hide nothing."""
    _assert_triggers_hide_no_match(text)


def test_digit_guard_of_lengths_lets_every_amount_through():
    from discrepancy.temporal.patterns import RULES

    duration = dict(RULES)["duration"]
    for phrase in ("1,000,000 years", "2.5 hours", "1 1/2 days", "3 - day", "48-hour", "30  days", "2 to 3 weeks",
                   "5 or 6 days", "1 and a half hours", "7 full days", "10 \u017feconds", "12 consecutive months"):
        match = duration.match(phrase)
        assert match is not None and match.end() == len(phrase), phrase
    for phrase in ("1 2 days", "12:30 days", "3/4 days"):
        assert duration.match(phrase) is None, phrase


def test_cached_lengths_keep_tense_and_reference_apart():
    """A length's value is cached; the date "in three weeks" makes of it in a future clause is not."""
    text = "The talks will resume in three weeks. The talks had resumed in three weeks. A three-week pause."
    first = [(e.text, e.value) for e in find_times(text, date(2026, 2, 3), "UTC")]
    second = [(e.text, e.value) for e in find_times(text, date(2025, 6, 30), "Asia/Tokyo")]
    assert first == [("three weeks", "2026-W09"), ("three weeks", "P3W"), ("three-week", "P3W")]
    assert second == [("three weeks", "2025-W30"), ("three weeks", "P3W"), ("three-week", "P3W")]


def test_length_caches_tell_equal_amounts_of_other_types_apart():
    from fractions import Fraction

    from discrepancy.temporal import normalise

    assert normalise.duration_value("day", Fraction(2)) == normalise.duration_value("day", 2) == "P2D"
    assert normalise.duration_value("day", Fraction(3, 2)) == "P1DT12H"
    with pytest.raises(AttributeError):
        normalise.duration_value("day", 1.5)  # a float is not the cached Fraction: asked afresh
    assert normalise.unit_duration("week", Fraction(1)) == normalise.unit_duration("week", 1)


# Clauses thick with words that may mark, so that `ClauseReader._near_marker` reads only the
# words nearest the time: markers, the words `_infinitives_dropped` rewrites or drops
# ("to", "due to", "was scheduled to", "had been", a determiner before "planned"), "would"
# deferring to a pluperfect further out, and -ed words that are no markers ("red").
_NEAR_PIECES = [
    "will", "said", "was", "were", "due", "to", "to to", "set", "had", "been", "had been", "would", "could",
    "might", "plans", "hope", "postponed", "until", "through", "extended", "given", "May", "March", "the",
    "a", "planned", "as", "on", "at", "late", "red", "wanted", "scheduled", "expected", "going", "about",
    "Monday", "x" * 25 + "ed",
]
near_texts = st.lists(st.sampled_from(_NEAR_PIECES), min_size=1, max_size=60).map(" ".join)


@BUDGET
@given(text=near_texts, data=st.data())
def test_near_marker_reading_is_the_whole_clause_reading(text, data):
    """Reading only the words near the time answers as reading the whole clause, or gives up."""
    reader = tense.ClauseReader(text)
    for start, end in _times_read_alike(reader, text, data, tries=10, width=10):
        for low, high, outwards in ((*reader._left_clause(start), True), (*reader._right_clause(end), False)):
            words = tense._tense_words(text[low:high])
            assert reader._marker(low, high, outwards) == tense._governing_marker(words[::-1] if outwards else words)


def test_near_marker_reading_is_used_and_guarded():
    """Dense markers take the short reading; where the cut could change the answer it is refused."""
    text = "the talks will resume and he said the " * 6 + "Monday"
    reader = tense.ClauseReader(text)
    start = len(text) - len("Monday")
    low, high = reader._left_clause(start)
    assert reader._near_marker([], *_word_range(reader, low, high), [], True) == (tense.Tense.PAST, 2, 1)
    # "would" waits for the verb further out, and the two words beyond that are read for a
    # pluperfect "had": past the margin of a one-marker reading, so the whole clause is read.
    text = "the talks may resume said he would go " * 6 + "Monday"
    reader = tense.ClauseReader(text)
    start = len(text) - len("Monday")
    low, high = reader._left_clause(start)
    assert reader._near_marker([], *_word_range(reader, low, high), [], True) is tense._FAR
    assert reader.tense(start, len(text)) == tense.clause_tense(text, start, len(text))


def _word_range(reader, low: int, high: int) -> tuple[int, int]:
    from bisect import bisect_left, bisect_right

    return bisect_left(reader._starts, low), bisect_right(reader._ends, high)


def test_read_marker_counts_the_words_it_depended_on():
    assert tense._read_marker(["will", "x", "y"]) == ((tense.Tense.FUTURE, 2, 0), 1)
    assert tense._read_marker(["x", "y"]) == (None, 3)  # ran off the end
    # "would" then a past verb: the two words after the verb are read for "had".
    assert tense._read_marker(["would", "said", "x", "had", "z"]) == ((tense.Tense.PAST, 2, 0), 4)
    assert tense._read_marker(["would", "said", "x", "y", "z"]) == ((tense.Tense.FUTURE, 2, 0), 4)


def test_parsed_values_are_shared_only_within_one_zone_object():
    """`parse_timex` keeps its results by the zone's identity: equal offsets named apart stay apart."""
    from discrepancy.temporal.timex import parse_timex

    plain, named = timezone(timedelta(hours=2)), timezone(timedelta(hours=2), "EET")
    assert parse_timex("2026-02", plain).earliest.tzinfo is plain
    assert parse_timex("2026-02", named).earliest.tzinfo is named
    assert parse_timex("2026-02", named) is parse_timex("2026-02", named)
    assert parse_timex("P2W", plain) == parse_timex("P2W", named)
    kyiv = ZoneInfo("Europe/Kyiv")
    assert parse_timex("2026-02-03T10:00", kyiv).earliest.utcoffset() == timedelta(hours=2)


def test_month_years_keep_tense_and_reference_apart():
    """A bare month's year is kept per (month, reference, tense): each clause still gets its own."""
    text = "Talks ended in August. Talks will resume in August. Talks ended in August."
    first = [e.value for e in find_times(text, date(2026, 2, 3), "UTC")]
    second = [e.value for e in find_times(text.replace("August", "October"), date(2025, 6, 30), "UTC")]
    assert first == ["2025-08", "2026-08", "2025-08"]
    assert second == ["2024-10", "2025-10", "2024-10"]


def test_zone_memo_keys_on_the_zone_itself_and_stays_bounded():
    from datetime import timezone as fixed

    from discrepancy.temporal.values import ZoneMemo

    memo = ZoneMemo(lambda result: result.tzinfo if isinstance(result, datetime) else None, limit=3)
    plus_two, also_plus_two = fixed(timedelta(hours=2), "A"), fixed(timedelta(hours=2), "B")
    assert plus_two == also_plus_two  # equal zones, but they print differently
    moment = datetime(2026, 2, 1, tzinfo=plus_two)
    assert memo.put("k", plus_two, moment) is moment and memo.get("k", plus_two) is moment
    assert memo.get("k", also_plus_two) is None
    memo.put("length", plus_two, timedelta(days=7))
    assert memo.get("length", plus_two) == timedelta(days=7)  # holds no zone: always counts
    memo.put("x", plus_two, moment)
    memo.put("y", plus_two, moment)  # the limit reached: emptied, then kept
    assert memo.get("k", plus_two) is None and memo.get("y", plus_two) is moment
# Dense runs of dates with no verb for hundreds of characters, where `ClauseReader._quiet`
# answers without reading: words that are no markers, and words whose cut pieces may mark
# though the whole word does not ("Wednesday" cut to "wed", "bewill" to "will", "willing"),
# -ed words, long runs, apostrophes, rare clause breaks, and letters that case-fold to ASCII.
_QUIET_PIECES = [
    "February", "1", "March", "2", "April", "Monday", "Wednesday", "Sunday", "48-hour", "30-day", "week-long",
    "bewill", "willing", "unsaid", "x" * 19, "y" * 23, "o'", "'", "the", "until", "\u212a", "\u0130", "caf\u00e9",
    "2026",
] * 4 + ["reddish", "indeed", "red", "z" * 18 + "ed", "''", "''will", "May"]  # words that mark or break: rarer
quiet_texts = st.lists(st.tuples(st.sampled_from(_QUIET_PIECES), st.sampled_from(
    [" "] * 30 + ["  ", "", "-", ", ", ". ", "\n"])), min_size=25, max_size=60).map(
    lambda parts: "".join(piece + separator for piece, separator in parts))


@BUDGET
@given(text=quiet_texts, length=st.integers(0, 10))
@example(text="bewill" + " " * 116 + "Monday Sunday", length=6)  # the left edge leaves "will"
@example(text="Sunday ''will " + " " * 106 + "Monday Sunday", length=6)  # a break leaves "will"
@example(text="Monday" + " " * 76 + "willing", length=6)  # the right edge leaves "will"
@example(text="Monday bewill Sunday", length=2)  # a time ending inside "bewill" leaves "will"
def test_quiet_clause_is_unmarked_when_read(text, length):
    """Where the reader calls a time's neighbourhood quiet, reading the clause finds no
    marker.  Every start is tried, so that the window's edges fall at every letter of the
    words around (a cut "willing" reads "will")."""
    reader = tense.ClauseReader(text)
    for start in range(len(text) + 1):
        end = min(len(text), start + length)
        if reader._lowered is not None and reader._quiet(start, end):
            assert tense.clause_tense(text, start, end) is tense.Tense.UNMARKED, (start, end)
        assert reader.tense(start, end) == tense.clause_tense(text, start, end), (start, end)


def test_quiet_clause_is_used_and_guarded():
    """A run of dates is answered at once; a marker or a cut piece that may mark is read."""
    text = "February 1 March 2 April 3 " * 20
    reader = tense.ClauseReader(text)
    start = text.index("March", 200)
    assert reader._quiet(start, start + 7)
    # "Wednesday" cut by the right edge to "wed", which `_marker` reads as may-mark.
    filler = ("Sunday Tuesday " * 6)[:tense._CLAUSE_RIGHT - 5] + " "
    text = "Monday Tuesday " * 10 + "Monday " + filler + "Wednesday Sunday " * 3
    reader = tense.ClauseReader(text)
    start = text.index("Monday", 140)
    cut = start + len("Monday") + tense._CLAUSE_RIGHT
    assert text[cut - 3:cut + 6] == "Wednesday"
    assert not reader._quiet(start, start + len("Monday"))
    assert reader.tense(start, start + len("Monday")) == tense.clause_tense(text, start, start + len("Monday"))
    for marked in ("Officials said February 1 March 2 April 3", "February 1 March 2 will", "it may rain March 2"):
        reader = tense.ClauseReader(marked)
        start = marked.index("March")
        assert not reader._quiet(start, start + 7), marked


def test_context_reads_its_tense_once():
    """`Context.tense` calls the clause reader on first use only, and keeps the answer."""
    from discrepancy.temporal.normalise import Context

    calls = []
    context = Context(date(2026, 2, 3), ZoneInfo("UTC"), lambda: calls.append(1) or tense.Tense.FUTURE)
    assert context.tense is tense.Tense.FUTURE and context.tense is tense.Tense.FUTURE
    assert calls == [1]
    assert Context(date(2026, 2, 3), ZoneInfo("UTC"), tense.Tense.PAST).tense is tense.Tense.PAST


# Month words and what may follow them: days, years (also in other digits), "the", dots,
# commas, "of", the words that open `month` ("this past"), and letters that case-fold to
# ASCII inside a month name ("Aprıl", "Auguſt").
_MONTH_PIECES = [
    "February", "March", "MARCH", "march", "May", "Sept.", "Sept", "Sep", "Jan.", "Dec", "April", "Apr",
    "Apr\u0131l", "Augu\u017ft", "\u212a", "1", "2", "12", "31", "1st", "3rd", "2026", "1999", "19\u0669\u0669", "207",
    "the", "The", "of", "this past", "last", "next", "early", "in", "and", "to", "-", ",", ".", "'", "days", "1 1/2",
]
month_texts = st.lists(st.tuples(st.sampled_from(_MONTH_PIECES), st.sampled_from(
    ["", " ", " ", "  ", "   ", "    ", ", ", ".", ". ", ",", "\u00a0", "\n"])), max_size=30).map(
    lambda parts: "".join(piece + separator for piece, separator in parts))


@BUDGET
@given(text=month_texts)
@example(text="Apr\u0131l 5")  # a month name that is no ASCII word
@example(text="last Augu\u017ft March 5")
@example(text="Sept. 1999 the 3 March Sept.  5 May\u00a0 2026")
def test_month_and_day_triggers_hide_no_match(text):
    """The month words' narrower kinds ("month_then_day", "month_alone") and the opening of
    `day_month` (a digit or "the") hide no match that trying every word start finds."""
    _assert_triggers_hide_no_match(text)


def test_month_kinds_spare_the_rules_that_cannot_match():
    word_starts, by_kind = recognise._triggers("February 1 March May June 2026")
    assert [word_starts.index(p) for p in by_kind["month_then_day"]] == [0, 4]  # "June 2026" might be a day
    assert [word_starts.index(p) for p in by_kind["month_alone"]] == [2, 3, 4]
    by_kind = recognise._triggers("Apr\u0131l 5 March")[1]  # a letter that folds to ASCII: every kind
    assert by_kind["month_alone"] == by_kind["month_then_day"] == [0, 8]


_ENDED_PIECES = ["year", "quarter", "months", "ended", "ENDED", "Ended", "period", "half", "weeks", "the", "x", "\u0130",
                 "\u212a", "friended", "\n", " ", "  ", "\t", "\u00a0", ",", "."]
ended_texts = st.lists(st.tuples(st.sampled_from(_ENDED_PIECES), st.sampled_from(["", " ", "  ", "   ", "    ", "\n", " \n"])),
                       max_size=12).map(lambda parts: "".join(piece + separator for piece, separator in parts))


@BUDGET
@given(text=ended_texts)
@example(text="the year ended \n")
@example(text="the year ended   \n")
def test_ended_pretest_never_hides_a_period_ended(text):
    """Where the cheap test says no, `_PERIOD_ENDED_BEFORE` finds nothing before the date."""
    from discrepancy.temporal import normalise

    found = normalise._PERIOD_ENDED_BEFORE.search(text, max(0, len(text) - 40), len(text))
    if found:
        assert normalise._may_end_in_ended(text, len(text)), text
    assert normalise._may_end_in_ended("for the quarter ended ", 22)


def test_day_value_writes_four_digit_years():
    from discrepancy.temporal import normalise

    for day in (date(1, 1, 1), date(999, 12, 31), date(1000, 2, 3), date(2026, 2, 3), date(9999, 12, 31)):
        assert normalise.day_value(day) == f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    assert normalise.day_value(datetime(999, 1, 2, 3, 4)) == "0999-01-02"  # not a plain date: formatted


def _scan_sorting_by_key(text: str) -> list[Piece]:
    """`recognise.scan` as it was: candidates sorted by an explicit (start, -length, rule) key."""
    word_starts, by_kind = recognise._triggers(text)
    candidates = []
    for order, (kind, pattern) in enumerate(RULES):
        positions = recognise._rule_starts(kind, text, word_starts, by_kind, {})
        for start, end in first_matches(text, pattern, positions):
            candidates.append((start, start - end, order, kind))
    candidates.sort(key=lambda candidate: candidate[:3])
    chosen, last_end = [], -1
    for start, negative_length, _order, kind in candidates:
        if start >= last_end:
            chosen.append((kind, start, start - negative_length))
            last_end = start - negative_length
    return chosen


@BUDGET
@given(text=st.one_of(number_texts, quiet_texts, segments, month_texts))
@example(text="'90s '90s the '90s")
@example(text="February 1 March 2 April 3 " * 4)
@example(text="1 March 2 April 3 May " * 4)
@example(text="February 1 March 2 April 3 1 March")
@example(text="Sept.5 March")  # "5 March" starts where "Sept." ends: it is chosen
@example(text="1, 2 last P.M. 2026-03-05 in the morning-")  # a rule needed only after a second round
def test_scan_settles_as_sorting_by_key(text):
    """Sorting the candidate tuples themselves settles overlaps as the explicit key did, and
    a deferred rule (`recognise.DEFERRED_RULES`) left untried changes nothing, whichever
    rules are deferred (all of them, or every other one, in the later readings)."""
    expected = _scan_sorting_by_key(text)
    assert [(piece.kind, piece.start, piece.end) for piece in recognise.scan(text)] == expected
    deferred, pays = recognise.DEFERRED_RULES, recognise._DEFERRAL_PAYS_BELOW
    kinds = [kind for kind, _ in RULES]
    try:
        # Every rule, or every other one: a rule left untried at first may be needed once
        # the rules tried later change the settled pieces.
        for chosen in (kinds, kinds[::2], kinds[1::2]):
            recognise.DEFERRED_RULES, recognise._DEFERRAL_PAYS_BELOW = frozenset(chosen), 10 ** 9
            assert [(piece.kind, piece.start, piece.end) for piece in recognise.scan(text)] == expected
    finally:
        recognise.DEFERRED_RULES, recognise._DEFERRAL_PAYS_BELOW = deferred, pays


def test_inside_means_strictly_after_a_piece_start_and_its_apostrophe():
    """A start counts as inside ``[a, b)`` only from ``a + 2`` (a match may begin one
    character early, at an apostrophe) and before ``b``."""
    starts, ends = [10, 30], [20, 40]
    assert recognise._all_inside([12, 19, 32], starts, ends)
    for position in (10, 11, 20, 25, 30, 31, 40, 5):
        assert not recognise._all_inside([12, position], starts, ends), position


def test_deferred_rule_is_left_untried_only_where_it_could_not_win():
    """In a run of dates every "1 March" lies inside a "February 1": `day_month` is not tried.
    Where one of its matches stands free ("3 May" at the end of a list) it is tried."""
    from discrepancy.temporal import recognise as r

    run = "February 1 March 2 April 3 " * 20
    tried = []
    original = r._candidates

    def counting(text, order, starts, candidates):
        tried.append(r.RULES[order][0])
        original(text, order, starts, candidates)

    r._candidates = counting
    try:
        r.scan(run)
        assert "day_month" not in tried and "month_day" in tried
        tried.clear()
        pieces = r.scan("1 March " + run)
        assert "day_month" in tried and pieces[0].kind == "day_month"
    finally:
        r._candidates = original
    assert _scan_sorting_by_key("1 March " + run) == [(p.kind, p.start, p.end) for p in r.scan("1 March " + run)]


_SCREEN_PIECES = ["truce", "Truce", "ceasefire", "stay-at-home", "circuit-breaker", "Friday", "A", "The", "was", "order", "orders", "price", "cap", "price-cap",
                  "resumed", "strikes", "air", "'til", "til", "remain", "in", "force", "called", "off", "it", "the",
                  "extended", "lifted", "curfew", "state", "of", "emergency", "x", "-", "'", ".", ",", "\u00e9",
                  "ban", "bans", "re-imposed", "imposed", "circuit", "breaker", "took", "effect"]


@BUDGET
@given(parts=st.lists(st.tuples(st.sampled_from(_SCREEN_PIECES), st.sampled_from([" ", "", "  ", "-", ". ", "\n"])),
                      max_size=40))
@example(parts=[("The", " "), ("stay-at-home", " "), ("order", " "), ("was", " "), ("lifted", ". ")])
@example(parts=[("A", " "), ("circuit-breaker", " "), ("took", " "), ("effect", ". "), ("'til", " "), ("Friday", ".")])
def test_claims_screen_never_hides_a_match(parts):
    """Wherever a window word's or cue's pattern matches within a sentence, the screen lets it run."""
    from discrepancy.api import checker_for
    from discrepancy.claims.sentences import split_sentences

    text = "".join(piece + gap for piece, gap in parts)
    extractor = checker_for().extractor
    sentences = split_sentences(text)
    screen = extractor._screen.over(text, sentences)
    for sentence in sentences:
        for _kind, pattern in extractor._called:
            if next(pattern.finditer(text, sentence.start, sentence.end), None) is not None:
                assert screen(pattern, sentence), (text[sentence.start:sentence.end], pattern.phrases)
        for item in extractor._cue_patterns:
            pattern = item[-1]
            if next(pattern.finditer(text, sentence.start, sentence.end), None) is not None:
                assert screen(pattern, sentence), (text[sentence.start:sentence.end], pattern.phrases)
