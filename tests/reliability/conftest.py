"""Fixtures of the reliability tests: the seeds, made once per run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability.seeds import Seeds, build_seeds

FULL = os.environ.get("RELIABILITY_FULL") == "1"


def scale(short: int, full: int) -> int:
    """How many of something: the CI run's ``short``, or ``full`` with RELIABILITY_FULL=1."""
    return full if FULL else short


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core's messages in English, so assertions read the source text."""
    monkeypatch.setenv("EVALUATOR_LANG", "en")


@pytest.fixture(scope="session")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Seeds:
    return build_seeds(tmp_path_factory.mktemp("reliability-seeds"))


@pytest.fixture
def seeds_copy(seeds: Seeds, tmp_path: Path) -> Seeds:
    """The seeds, fine to change (their data folder copied)."""
    import shutil

    from tests.reliability.seeds import seeds_in

    shutil.copytree(seeds.folder, tmp_path / "seeds")
    return seeds_in(tmp_path / "seeds")
