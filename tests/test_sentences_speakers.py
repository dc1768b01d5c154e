"""Sentence splitting and speaker attribution on news prose."""

from __future__ import annotations

import pytest

from discrepancy.claims.sentences import split_sentences
from discrepancy.claims.speakers import attribute, attribute_all
from discrepancy.temporal.values import Span


def sentences(text):
    return [span.text_of(text) for span in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("The pause began Feb. 1 at 8 a.m. local time. Strikes resumed.",
     ["The pause began Feb. 1 at 8 a.m. local time.", "Strikes resumed."]),
    ("U.S. officials met Mr. Putin. He agreed.", ["U.S. officials met Mr. Putin.", "He agreed."]),
    ("It began at 8 a.m. Officials said so.", ["It began at 8 a.m.", "Officials said so."]),
    ("\u201cIt is over.\u201d Then silence.", ["\u201cIt is over.\u201d", "Then silence."]),
    ("Title line\nFirst body line. Second one!", ["Title line", "First body line.", "Second one!"]),
    ("John F. Kennedy spoke.", ["John F. Kennedy spoke."]),
    ("", []),
])
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_sentence_spans_slice_the_text_exactly_and_do_not_overlap():
    text = "  A truce. It held until Feb. 3.\r\nThen it broke.  "
    spans = split_sentences(text)
    assert [s.text_of(text) for s in spans] == ["A truce.", "It held until Feb. 3.", "Then it broke."]
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("text, speaker", [
    ("Kremlin spokesperson Dmitry Peskov said the pause ran until February 1.", "Kremlin spokesperson Dmitry Peskov"),
    ("The pause ran until February 1, said Trump.", "Trump"),
    ("The pause ran until February 1, according to state media.", "state media"),
    ("The truce expired at midnight, Russian officials said.", "Russian officials"),
    ("The U.N. said the sanctions were restored.", "U.N."),
    ("The truce was meant to let residents bury their dead.", None),
    ("Putin's order told Russian forces to hold fire.", None),
])
def test_speaker_of_a_sentence(text, speaker):
    found = attribute(text, Span(0, len(text)))
    assert (found.speaker if found else None) == speaker
    if found:
        assert found.span.text_of(text) in text


def test_pronoun_subject_takes_the_last_named_speaker():
    text = "Peskov said the pause was short. He said it ended Sunday."
    spans = split_sentences(text)
    assert [a.speaker for a in attribute_all(text, spans)] == ["Peskov", "Peskov"]


def test_appositive_speaker_with_an_adverb_before_the_verb():
    text = "The Kremlin's spokesman, Dmitry Peskov, later said Russia had agreed to hold its strikes."
    assert attribute(text, Span(0, len(text))).speaker == "Dmitry Peskov"
