"""The collector's pauses nest, and the end of start-up waits for open blocks."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from evaluator_app import collector


@pytest.fixture(autouse=True)
def _collector_on_afterwards() -> Iterator[None]:
    yield
    gc.enable()
    gc.unfreeze()


def test_nested_pauses_collect_again_only_after_the_outer_one() -> None:
    gc.enable()
    with collector.paused():
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_inside_start_up_leaves_collection_to_the_end_of_start_up() -> None:
    collector.pause_for_start()
    with collector.paused():
        pass
    assert not gc.isenabled()  # still starting
    collector.resume_after_start()
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_start_up_ending_inside_a_pause_collects_when_the_pause_ends() -> None:
    collector.pause_for_start()
    with collector.paused():
        collector.resume_after_start()
        assert not gc.isenabled()  # the block still holds it
    assert gc.isenabled()
