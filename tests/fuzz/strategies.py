"""Hypothesis generators of hostile inputs for the fuzz targets in `targets`."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import strategies as st

from .targets import REFERENCE_EDGES, RULE_TOKENS, TOKENS, ZONES

SEPARATORS = st.sampled_from(["", " ", " ", " ", "\n", ", ", ". "])


def token_soup(tokens, max_tokens: int = 60) -> st.SearchStrategy[str]:
    """Texts glued from vocabulary words, so the generators reach what the code looks for."""
    pairs = st.lists(st.tuples(st.sampled_from(tokens), SEPARATORS), max_size=max_tokens)
    return pairs.map(lambda items: "".join(token + separator for token, separator in items))


def texts(max_size: int = 400) -> st.SearchStrategy[str]:
    return st.one_of(
        token_soup(TOKENS),
        st.text(max_size=max_size),
        st.tuples(token_soup(TOKENS, 20), st.text(max_size=60), token_soup(TOKENS, 20)).map("".join),
        # long runs of one token: the repetitions that make regular expressions backtrack
        st.tuples(st.sampled_from(TOKENS), st.integers(1, 400), SEPARATORS).map(lambda t: (t[0] + t[2]) * t[1]),
    )


references = st.one_of(st.sampled_from(REFERENCE_EDGES), st.dates(date(1, 1, 1), date(9999, 12, 31)))
zones = st.sampled_from(ZONES)


def _seed_file(reference: date, title: str, body: str) -> str:
    return f"date {reference.isoformat()} {title}\n{body}"


def document_bytes() -> st.SearchStrategy[bytes]:
    seeded = st.builds(_seed_file, references, st.text(max_size=20), texts())
    encoded = st.tuples(st.one_of(seeded, texts()), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"])).map(
        lambda pair: pair[0].encode(pair[1], "replace"))
    spliced = st.tuples(encoded, st.binary(max_size=8), st.integers(0, 200)).map(
        lambda t: t[0][: t[2]] + t[1] + t[0][t[2]:])
    headers = st.sampled_from([b"date ", b"date\n", b"date 2026-02-30 x\n", b"\xef\xbb\xbf", b"<?xml", b"<TimeML>",
                               b"<TEXT>", b"{", b"{\"windows\": [", b"\x00", b"\r\n"])
    headed = st.tuples(headers, encoded).map(lambda pair: pair[0] + pair[1])
    return st.one_of(st.binary(max_size=300), encoded, spliced, headed)


def rule_texts() -> st.SearchStrategy[str]:
    return st.one_of(token_soup(RULE_TOKENS, 80), st.text(max_size=300))


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=False),
                     st.sampled_from(["", "2026-02-01", "2026-02-30", "P7D", "PT48H", "P", "2026-02-02TNI",
                                      "XXXX-WXX-1", "2026-W05", "Europe/Kyiv", "truce", "ended", "extended"]),
                     st.text(max_size=10))
_JSON = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                     max_leaves=20)
_CLAIM_KEYS = ["text", "value", "kind", "earliest", "latest", "said_by", "start", "end", "cue", "inclusive"]
_CLAIM = st.dictionaries(st.sampled_from(_CLAIM_KEYS), st.one_of(_SCALARS, _JSON), max_size=5)
_WINDOW = st.fixed_dictionaries({}, optional={
    "kind": st.one_of(st.sampled_from(["truce", "strike", "nonsense"]), _SCALARS),
    "durations": st.one_of(st.lists(_CLAIM, max_size=3), _JSON),
    "bounds": st.lists(_CLAIM, max_size=3), "starts": st.lists(_CLAIM, max_size=3),
    "observations": st.lists(_CLAIM, max_size=3)})


def claims_documents() -> st.SearchStrategy[str]:
    shaped = st.fixed_dictionaries({"windows": st.lists(_WINDOW, max_size=3)}, optional={
        "reference": st.one_of(st.sampled_from(["2026-02-03", "2026-02-30", "0001-01-01", "9999-12-31"]), _SCALARS),
        "timezone": st.one_of(st.sampled_from(ZONES + ("Mars/Base", "")), _SCALARS),
        "text": st.one_of(st.text(max_size=30), _SCALARS)})
    return st.one_of(shaped.map(json.dumps), _JSON.map(json.dumps), st.text(max_size=50))
