"""Shared test fixtures: where the repository and the shared data live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` beside the repository; tests needing it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not available here")
    return SHARED


@pytest.fixture(autouse=True, scope="session")
def _rule_parse_cache(tmp_path_factory):
    """Parsed rule files go to a cache of the test session's own, never the user's."""
    import os

    previous = os.environ.get("DISCREPANCY_CACHE_DIR")
    os.environ["DISCREPANCY_CACHE_DIR"] = str(tmp_path_factory.mktemp("parse-cache"))
    yield
    if previous is None:
        os.environ.pop("DISCREPANCY_CACHE_DIR", None)
    else:
        os.environ["DISCREPANCY_CACHE_DIR"] = previous
