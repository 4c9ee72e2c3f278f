"""Fixtures shared by every test: a fresh data folder, never the user's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.sessions import SessionDetails, create_session

TINY_FRAMEWORK = """\
id: tiny
version: "1"
title: {id: Kerangka Uji, en: Test Framework}
scale:
  - {value: 1, name: Rintisan}
  - {value: 2, name: Berkembang}
  - {value: 3, name: Terdefinisi}
  - {value: 4, name: Optimal}
predicates:
  - {min: 0, name: {id: Kurang, en: Poor}}
  - {min: 2.5, name: {id: Baik, en: Good}}
dimensions:
  - code: GOV
    title: {id: Tata Kelola, en: Governance}
    weight: 3
    groups:
      - code: GOV.1
        title: Layanan Publik
        indicators:
          - {code: GOV.1.1, title: Satu, levels: {1: a, 2: b, 3: c, 4: d}}
          - {code: GOV.1.2, title: Dua, weight: 2, levels: {1: a, 2: b, 3: c, 4: d}}
  - code: ENV
    title: {id: Lingkungan, en: Environment}
    weight: 1
    groups:
      - code: ENV.1
        title: Energi
        indicators:
          - {code: ENV.1.1, title: Tiga, levels: {1: a, 2: b, 3: c, 4: d}}
"""


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Nothing a test does may reach the real user data folder or settings.
    monkeypatch.setenv("EVALUATOR_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("EVALUATOR_USER", "tester")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("EVALUATOR_CONFIG_DIR", str(tmp_path / "config" / "Evaluator"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with the tiny framework installed beside the shipped ones."""
    folder = tmp_path / "data"
    (folder / "frameworks").mkdir(parents=True)
    (folder / "frameworks" / "tiny.yaml").write_text(TINY_FRAMEWORK, encoding="utf-8")
    return folder


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[Context]:
    context = open_context(str(data_dir), "tester")
    yield context
    context.store.close()


@pytest.fixture
def session_id(ctx: Context) -> str:
    return create_session(ctx, "tiny", SessionDetails(region="Kota Uji", year=2024))
