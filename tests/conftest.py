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
