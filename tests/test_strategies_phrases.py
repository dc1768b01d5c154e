"""The phrase and story strategies of `discrepancy.strategies`, used as users would use them.

Each generated phrase must be found with its known value; each generated story must give
exactly its known findings under the built-in rules.  A failure here is either a bug in
recognition or extraction, or a strategy promising what the library does not do.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

import discrepancy
from discrepancy.strategies import (
    KnownPhrase, bound_phrases, date_phrases, duration_phrases, number_words, weekday_phrases, window_stories,
)
from discrepancy.temporal import find_times

SOME = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


def _found(phrase: KnownPhrase):
    expressions = find_times(phrase.sentence, phrase.reference, phrase.tz)
    matching = [e for e in expressions if (e.start, e.end) == (phrase.start, phrase.end)]
    assert matching, f"{phrase.phrase!r} not found in {phrase.sentence!r}: {[e.text for e in expressions]}"
    return matching[0]


@SOME
@given(date_phrases())
def test_a_written_date_is_found_with_its_day(phrase):
    expression = _found(phrase)
    assert expression.value == phrase.value
    assert expression.instant.first_day == expression.instant.last_day == phrase.day


@SOME
@given(weekday_phrases())
def test_a_weekday_is_the_one_its_words_and_tense_point_to(phrase):
    assert _found(phrase).value == phrase.value


@SOME
@given(duration_phrases())
def test_a_written_length_is_found_with_its_value_and_range(phrase):
    expression = _found(phrase)
    assert (expression.value, expression.duration) == (phrase.value, phrase.duration)


@SOME
@given(bound_phrases())
def test_a_bound_ends_the_window_where_its_cue_says(phrase):
    expression = _found(phrase)
    assert expression.value == phrase.value and expression.bound is not None
    assert expression.bound.inclusive == phrase.inclusive
    end = expression.bound.end
    assert (end.earliest, end.latest) == phrase.ends


@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(window_stories())
def test_a_window_story_gives_exactly_its_known_findings(story):
    findings = discrepancy.check(story.text, reference=story.reference, tz=story.tz)
    assert tuple(f.kind for f in findings) == story.expected, story.text


@SOME
@given(window_stories(agreeing=False))
def test_a_finding_quotes_the_stated_length(story):
    [finding] = discrepancy.check(story.text, reference=story.reference, tz=story.tz)
    assert any(item.text == story.length_text for item in finding.evidence)


def test_number_words():
    assert [number_words(n) for n in (1, 7, 19, 20, 21, 99)] == [
        "one", "seven", "nineteen", "twenty", "twenty-one", "ninety-nine"]
