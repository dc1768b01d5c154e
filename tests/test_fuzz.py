"""Fuzzing in the normal run: a fixed, modest budget of generated hostile inputs per target.

The targets and their oracles are in ``tests/fuzz/targets.py``; ``tests/fuzz/run.py`` runs
the same targets for as long as asked (and with atheris when it is installed).  Runs are
derandomised so the suite is repeatable; the long runs explore.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings

from fuzz import strategies as fs
from fuzz import targets

BUDGET = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@BUDGET
@given(fs.texts(), fs.references, fs.zones)
def test_any_text_tags_and_checks_without_error(text, reference, tz):
    targets.text_pipeline(text, reference, tz)


@BUDGET
@given(fs.document_bytes(), fs.references)
def test_any_bytes_are_a_document_or_a_document_error(data, reference):
    targets.document_bytes(data, reference)


@BUDGET
@given(fs.rule_texts())
def test_any_rule_text_loads_or_gives_positioned_errors(text):
    targets.rule_text(text)


@BUDGET
@given(fs.claims_documents())
def test_any_claims_json_is_read_or_refused(text):
    targets.claims_json(text)


def test_reference_dates_at_the_ends_of_the_calendar():
    for reference in (date(1, 1, 1), date(9999, 12, 31)):
        targets.text_pipeline("The weeklong truce began Thursday and held until February 1, next year.", reference)
