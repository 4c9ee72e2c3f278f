"""The switch interval is shortened while evidence streams beside Python work, and
given back exactly, also when such work overlaps or fails."""

from __future__ import annotations

import sys
import threading

import pytest

from evaluator_app.handoff import QUICK, quick_handoff


def test_the_interval_is_short_inside_and_restored_after() -> None:
    before = sys.getswitchinterval()
    assert before > QUICK
    with quick_handoff():
        assert sys.getswitchinterval() == pytest.approx(QUICK)
        with quick_handoff():  # nested
            assert sys.getswitchinterval() == pytest.approx(QUICK)
        assert sys.getswitchinterval() == pytest.approx(QUICK)
    assert sys.getswitchinterval() == before


def test_it_is_restored_when_the_work_fails() -> None:
    before = sys.getswitchinterval()
    with pytest.raises(RuntimeError), quick_handoff():
        raise RuntimeError("the bundle is damaged")
    assert sys.getswitchinterval() == before


def test_overlapping_threads_restore_it_only_when_the_last_one_leaves() -> None:
    before = sys.getswitchinterval()
    inside, leave = threading.Event(), threading.Event()

    def other_import() -> None:
        with quick_handoff():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=other_import)
    with quick_handoff():
        thread.start()
        assert inside.wait(10)
    assert sys.getswitchinterval() == pytest.approx(QUICK)  # the other is still inside
    leave.set()
    thread.join()
    assert sys.getswitchinterval() == before
