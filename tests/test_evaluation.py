"""The scenario matching rule: kind, claimed within max(1 h, 2 %), overlapping effective ranges."""

from __future__ import annotations

from discrepancy.evaluation import precision_recall, score


def expected(kind="duration-vs-bound", claimed="P7D", low="P2D", high="P3D"):
    return {"kind": kind, "claimed": claimed, "effective": [low, high]}


def reported(kind="duration-vs-bound", claimed="P7D", low="P2D", high="P4D"):
    return {"kind": kind, "claimed": claimed, "effective": {"min": low, "max": high}}


def test_overlapping_ranges_with_the_same_kind_and_claim_match():
    assert score([expected()], [reported()]).exact


def test_kind_must_agree():
    result = score([expected()], [reported(kind="duration-vs-observed")])
    assert (result.matched, len(result.missed), len(result.unexpected)) == (0, 1, 1)


def test_claimed_tolerance_is_two_percent_or_one_hour():
    assert score([expected(claimed="P100D")], [reported(claimed="P102D")]).exact
    assert not score([expected(claimed="P100D")], [reported(claimed="P103D")]).exact
    assert score([expected(claimed="PT24H")], [reported(claimed="PT25H")]).exact
    assert not score([expected(claimed="PT24H")], [reported(claimed="PT25H1M")]).exact


def test_effective_ranges_overlap_with_one_hour_of_slack():
    assert score([expected(low="P2D", high="P3D")], [reported(low="PT73H", high="P4D")]).exact
    assert not score([expected(low="P2D", high="P3D")], [reported(low="PT73H1M", high="P4D")]).exact


def test_matching_is_one_to_one():
    result = score([expected(), expected()], [reported()])
    assert result.matched == 1 and len(result.missed) == 1
    assert precision_recall([result]) == (1.0, 0.5)


def test_controls_score_perfectly_only_with_no_findings():
    assert precision_recall([score([], [])]) == (1.0, 1.0)
    assert precision_recall([score([], [reported()])]) == (0.0, 1.0)


def test_a_reported_claim_range_matches_an_expected_length_inside_it():
    assert score([expected(claimed="P5D")], [reported(claimed="P4D..P5D")]).exact
    assert not score([expected(claimed="P7D")], [reported(claimed="P4D..P5D")]).exact
