"""The shortcuts that keep dense text cheap give exactly what the long way gives.

Each fast path (a cheap test that skips work, a cache of a pure step) is checked against the
step it stands in for, over generated text built from the words that matter to it: markers,
cue words, apostrophes, long words, clause breaks, non-ASCII letters that case-fold to ASCII.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zoneinfo import ZoneInfo

from discrepancy.temporal import cues, find_times, tense
from discrepancy.temporal.values import Grain, Instant, localize, start_of_day

BUDGET = settings(max_examples=400, deadline=None)

_PIECES = [
    "will", "said", "was", "due", "to", "set", "had", "been", "would", "could", "plans", "hope",
    "postponed", "until", "through", "extended", "given", "Monday", "Wednesday", "February", "1",
    "wanted", "red", "indeed", "advanced", "resumed", "Scheduled", "'ll", "he'll", "o'", "'",
    "a" * 19 + "ed", "b" * 18 + "edx", "x" * 25, "Thursday's", "on", "at", "the", "of", "in",
    "by", "before", "'til", "til", "no later than", "starting", "from", "as of", "effective",
    "took effect", "ran out", "BY", "UnTiL", "\u212a", "\u0130", "\u017ftarting", "caf\u00e9",
    ".", ",", ";", "!", "?", "\"", "''", "``", "\u201c", "\u201d", "-", "(", ")", "\n", "  ",
    "   ", "\t", "\u00a0",
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
    reader = tense.ClauseReader(text)
    for _ in range(20):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 15)))
        assert reader.tense(start, end) == tense.clause_tense(text, start, end), (start, end)


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
]
number_texts = st.lists(st.tuples(st.sampled_from(_NUMBER_PIECES), st.sampled_from(["", " ", " ", "  ", "   ", "-", ", "])),
                        max_size=30).map(lambda parts: "".join(piece + separator for piece, separator in parts))


@BUDGET
@given(text=number_texts)
def test_narrow_triggers_hide_no_match(text):
    """Trying each rule at every word start finds what trying it where its triggers allow
    finds: the digit kinds ("clock_number", "times_number", "ordinal_digit"), the rules
    that open with a letter, and the digit guard of lengths hide nothing."""
    from discrepancy.temporal import recognise
    from discrepancy.temporal.patterns import RULES

    word_starts, by_kind = recognise._triggers(text)
    for rule, pattern in RULES:
        everywhere = _first_matches(text, pattern, word_starts)
        triggered = _first_matches(text, pattern, recognise._rule_starts(rule, word_starts, by_kind, {}))
        assert triggered == everywhere, (rule, text)


def _first_matches(text: str, pattern, starts) -> list[tuple[int, int]]:
    found, covered = [], -1
    for position in starts:
        if position < covered:
            continue
        match = pattern.match(text, position) or (
            position > 0 and text[position - 1] == "'" and pattern.match(text, position - 1))
        if match and match.end() > match.start():
            covered = match.end()
            found.append(match.span())
    return found


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
