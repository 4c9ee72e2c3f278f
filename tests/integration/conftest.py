"""The core's messages in English here, so assertions read the source text.

Indonesian (the default) is checked in ``tests/unit/test_messages_translated.py``
and by the tests that set ``EVALUATOR_LANG=id`` themselves.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")
