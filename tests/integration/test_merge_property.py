"""Merging bundles, on random edits made through the services on two laptops.

Laptops A and B hold the same session (made on A, sent whole to B); each then
makes a random sequence of edits and they exchange bundles.  The properties:

- merging the same bundle twice: the second import changes nothing, writes no
  audit event;
- edits of disjoint things (A only GOV, B only ENV) merge without a conflict
  in either order and leave both laptops with the same data;
- after A settled B's bundle, B merging A's bundle gets no new conflict for
  what A settled as "theirs" or with a new value (and ends equal to A when A
  settled everything so);
- a record deleted on one laptop and untouched on the other ends deleted on both.

The suite runs a few fixed examples; ``HYPOTHESIS_PROFILE=thorough`` runs many
random ones.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_bundle_merge import data, laptop, send

from evaluator_app.services import assessments, clarifications, findings, participants
from evaluator_app.services.audit import verify_chain
from evaluator_app.services.bundle_import import import_bundle, preview_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.merge import Conflict, Edit, MergePlan, Resolution
from evaluator_app.services.operation import Context, chain_head, open_context, reading
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails, create_session
from evaluator_app.store.models import AuditEvent

_SUITE = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI does not pass by luck
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile("merge-suite", _SUITE)
settings.register_profile("thorough", _SUITE, max_examples=300, derandomize=False)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "merge-suite"))

GOV, ENV = ("GOV.1.1", "GOV.1.2"), ("ENV.1.1",)
# Every save is an fsync (synchronous=FULL): examples run in memory where there is one.
_SCRATCH = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
EVALUATORS = ("lead_evaluator", "evaluator")

# --- the two laptops ------------------------------------------------------------


@dataclass
class Laptop:
    """One laptop's store and the records it knows, in the order it learnt of them
    (record ids are random; edits name records by position, so an example replays)."""

    ctx: Context
    side: str  # "a" or "b"
    clarifications: dict[str, str] = field(default_factory=dict)  # id -> indicator
    findings: dict[str, str | None] = field(default_factory=dict)  # id -> indicator
    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (owner, role)


@dataclass(frozen=True)
class Fork:
    """A and B's data folders right after B received the session."""

    folder: Path
    session_id: str
    clarifications: dict[str, str]
    findings: dict[str, str | None]
    people: dict[str, tuple[str, str]]


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Fork:
    """Made once; every example works on copies of the two folders."""
    folder = tmp_path_factory.mktemp("fork")
    a, b = laptop(folder / "a", "alice"), laptop(folder / "b", "bob")
    sid = create_session(a, "tiny", SessionDetails(region="Kota Uji", year=2024))
    people = {}
    for name, role, owner in (
        ("Alice", "lead_evaluator", "a"),
        ("Bob", "evaluator", "b"),
        ("Sekda", "signer", "b"),
    ):
        pid = participants.add_participant(a, sid, ParticipantDetails(name=name, role=role))
        people[pid] = (owner, role)
    alice, bob = list(people)[:2]
    asked = {clarifications.ask(a, sid, code, f"Ada dokumen {code}?"): code for code in GOV + ENV}
    clarifications.answer(a, next(iter(asked)), "Ada.")
    found: dict[str, str | None] = {}
    for code in (*GOV, *ENV, None):
        details = FindingDetails(text=f"Temuan {code or 'umum'}", indicator_code=code)
        found[findings.add_finding(a, sid, details)] = code
    assessments.set_rating(a, sid, "GOV.1.1", alice, 2)
    assessments.set_rating(a, sid, "ENV.1.1", bob, 3)
    assessments.set_notes(a, sid, "GOV.1.2", "Catatan awal")
    assert send(a, sid, b).outcome == "added"
    a.store.close()
    b.store.close()
    return Fork(folder, sid, asked, found, people)


@dataclass
class Pair:
    a: Laptop
    b: Laptop
    session_id: str
    folder: Path
    heads: dict[str, int]  # each side's trail length at the fork


Pairs = Callable[[], AbstractContextManager[Pair]]


@contextmanager
def _fresh(fork: Fork) -> Iterator[Pair]:
    with tempfile.TemporaryDirectory(prefix="merge-", dir=_SCRATCH) as tmp:
        folder = Path(tmp)
        sides = {}
        for side, actor in (("a", "alice"), ("b", "bob")):
            shutil.copytree(fork.folder / side, folder / side)
            sides[side] = Laptop(
                open_context(str(folder / side), actor),
                side,
                dict(fork.clarifications),
                dict(fork.findings),
                dict(fork.people),
            )
        try:
            heads = {s: _head(sides[s].ctx, fork.session_id) for s in sides}
            yield Pair(sides["a"], sides["b"], fork.session_id, folder, heads)
        finally:
            for one in sides.values():
                one.ctx.store.close()


@pytest.fixture
def pairs(fork: Fork) -> Pairs:
    """A fresh copy of the fork per call, for one example: ``with pairs() as pair``."""
    return functools.partial(_fresh, fork)


def _head(ctx: Context, session_id: str) -> int:
    with reading(ctx) as db:
        return chain_head(db, session_id)[0]


# --- random edits ---------------------------------------------------------------

TEXT = st.sampled_from(["a", "b", "Ada SK", "Belum ada", "  dengan spasi "])
LEVEL = st.none() | st.integers(1, 4)
REF = st.integers(0, 9)  # the n-th known record of a kind (modulo how many there are)
EDIT = st.sampled_from(["", "A dan B", "x"]) | st.text(max_size=6)


@dataclass(frozen=True)
class Pool:
    """What one side may touch: indicators, and participants it owns (None: all)."""

    codes: tuple[str, ...]
    finding_codes: tuple[str | None, ...]
    owner: str | None


EVERYTHING = Pool(GOV + ENV, (*GOV, *ENV, None), None)
ONLY_GOV = Pool(GOV, (*GOV, None), "a")
ONLY_ENV = Pool(ENV, ENV, "b")


# One edit: (kind, target, value).  The target names what it changes (an
# indicator, or the n-th record of a kind the laptop knows), the value what it writes.
Step = tuple[str, tuple[Any, ...], Any]
REMOVALS = ("withdraw", "unask", "remove_finding")
# What the other laptop may do to the same thing: change it too, or delete it.
RIVALS = {"answer": "unask", "edit_finding": "remove_finding", "rate": "withdraw"}
RIVALS |= {v: k for k, v in RIVALS.items()}


@functools.cache
def _kinds(pool: Pool) -> dict[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]]:
    """Each kind of edit: (its target, its value)."""
    code = st.tuples(st.sampled_from(pool.codes))
    fcode = st.sampled_from(pool.finding_codes)
    finding_change = st.one_of(
        st.builds(FindingDetails, text=TEXT),
        st.builds(FindingDetails, recommendation=TEXT),
        st.builds(FindingDetails, priority=st.sampled_from(["high", "medium", "low"])),
        st.builds(FindingDetails, agencies=st.lists(TEXT, max_size=2).map(tuple)),
        st.builds(FindingDetails, due_date=st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        st.builds(FindingDetails, indicator_code=fcode.map(lambda c: c or "")),
    )
    person_change = st.one_of(
        st.builds(ParticipantDetails, name=st.sampled_from(["Ani", "Budi"])),
        st.builds(ParticipantDetails, position=TEXT),
        st.builds(ParticipantDetails, role=st.sampled_from(["evaluator", "observer"])),
        st.builds(ParticipantDetails, present=st.booleans()),
    )
    return {
        "notes": (code, TEXT),
        "agreed": (code, LEVEL),
        "self": (code, LEVEL),
        "status": (code, st.sampled_from(assessments.STATUSES)),
        "rate": (st.tuples(code.map(lambda c: c[0]), REF), st.integers(1, 4)),
        "withdraw": (st.tuples(code.map(lambda c: c[0]), REF), st.none()),
        "ask": (code, TEXT),
        "answer": (st.tuples(REF), TEXT),
        "unask": (st.tuples(REF), st.none()),
        "add_finding": (st.tuples(fcode), TEXT),
        "edit_finding": (st.tuples(REF), finding_change),
        "remove_finding": (st.tuples(REF), st.none()),
        "add_person": (
            st.tuples(),
            st.tuples(st.sampled_from(["Dewi", "Eko"]), st.sampled_from(EVALUATORS)),
        ),
        "edit_person": (st.tuples(REF), person_change),
    }


@functools.cache
def edits(
    pool: Pool, *, removals: int = 1, min_size: int = 0, max_size: int = 6
) -> st.SearchStrategy[list[Step]]:
    """Edits on one laptop, of what ``pool`` allows (``removals``: how often a deletion)."""
    kinds = _kinds(pool)
    steps = [
        st.tuples(st.just(kind), target, value)
        for kind, (target, value) in kinds.items()
        for _ in range(removals if kind in REMOVALS else 1)
    ]
    return st.lists(st.one_of(*steps), min_size=min_size, max_size=max_size)


@st.composite
def overlapping(
    draw: st.DrawFn, *, removals: int = 1, max_size: int = 6
) -> tuple[list[Step], list[Step]]:
    """Edits for A and for B, B's partly on the things A edits (so that they conflict)."""
    kinds = _kinds(EVERYTHING)
    ours = draw(edits(EVERYTHING, removals=removals, min_size=1, max_size=max_size))
    theirs = draw(edits(EVERYTHING, removals=removals, max_size=max_size))
    for kind, target, value in ours:
        if draw(st.integers(0, 2)):  # mostly
            rival = draw(st.sampled_from(sorted({kind, RIVALS.get(kind, kind)})))
            new = draw(kinds[rival][1])
            if rival == kind and new == value:  # another value than A's, most times
                new = draw(kinds[rival][1])
            theirs.insert(draw(st.integers(0, len(theirs))), (rival, target, new))
    return ours, theirs


def _nth(items: list[str], n: int) -> str | None:
    return items[n % len(items)] if items else None


def run(side: Laptop, session_id: str, steps: list[Step], pool: Pool) -> None:
    """Make ``steps`` on a laptop through the services (a refused step changes nothing)."""
    ctx = side.ctx
    clars = [i for i, c in side.clarifications.items() if c in pool.codes]
    finds = [i for i, c in side.findings.items() if c in pool.finding_codes]
    mine = [i for i, (o, _) in side.people.items() if pool.owner in (None, o)]
    raters = [i for i, (_, role) in side.people.items() if role in EVALUATORS]
    for kind, target, value in steps:
        args = (*target, value)
        try:
            match kind:
                case "notes":
                    assessments.set_notes(ctx, session_id, args[0], args[1])
                case "agreed":
                    assessments.set_agreed_level(ctx, session_id, args[0], args[1])
                case "self":
                    assessments.set_self_level(ctx, session_id, args[0], args[1])
                case "status":
                    assessments.set_status(ctx, session_id, args[0], args[1])
                case "rate" | "withdraw":
                    who = _nth(raters, args[1])
                    level = value if kind == "rate" else None
                    if who:
                        assessments.set_rating(ctx, session_id, args[0], who, level)
                case "ask":
                    new = clarifications.ask(ctx, session_id, args[0], args[1])
                    side.clarifications[new] = args[0]
                    clars.append(new)
                case "answer":
                    if clar := _nth(clars, args[0]):
                        clarifications.answer(ctx, clar, args[1])
                case "unask":
                    if clar := _nth(clars, args[0]):
                        clarifications.remove(ctx, clar)
                        clars.remove(clar)
                        del side.clarifications[clar]
                case "add_finding":
                    details = FindingDetails(text=args[1], indicator_code=args[0])
                    new = findings.add_finding(ctx, session_id, details)
                    side.findings[new] = args[0]
                    finds.append(new)
                case "edit_finding":
                    if found := _nth(finds, args[0]):
                        findings.edit_finding(ctx, found, args[1])
                        if args[1].indicator_code is not None:
                            side.findings[found] = args[1].indicator_code or None
                case "remove_finding":
                    if found := _nth(finds, args[0]):
                        findings.remove_finding(ctx, found)
                        finds.remove(found)
                        del side.findings[found]
                case "add_person":
                    name, role = value
                    details = ParticipantDetails(name=name, role=role)
                    new = participants.add_participant(ctx, session_id, details)
                    side.people[new] = (side.side, role)
                    mine.append(new)
                    raters.append(new)
                case "edit_person":
                    if person := _nth(mine, args[0]):
                        participants.edit_participant(ctx, person, args[1])
                        if args[1].role is not None:
                            owner = side.people[person][0]
                            side.people[person] = (owner, args[1].role)
                            if args[1].role not in EVALUATORS and person in raters:
                                raters.remove(person)
                            elif args[1].role in EVALUATORS and person not in raters:
                                raters.append(person)
                case _:
                    raise AssertionError(kind)
        except InvalidInput:
            pass  # e.g. a text that strips to nothing


# --- exchanging bundles ---------------------------------------------------------


def export(pair: Pair, side: Laptop, name: str, **kwargs: Any) -> Path:
    path = pair.folder / f"{name}.evpkg"
    export_bundle(side.ctx, pair.session_id, path, **kwargs)
    return path


def _order(conflict: Conflict) -> tuple[str, ...]:
    # ids are random from run to run: draw the choices in an order that is not
    return (
        conflict.record_type,
        conflict.label,
        conflict.field or "",
        conflict.kind,
        repr(conflict.ours),
    )


def settle(draw: st.DataObject, plan: MergePlan | None) -> dict[str, Resolution]:
    """A choice per conflict: ours, theirs or (where a person may type) a new value."""
    chosen: dict[str, Resolution] = {}
    for conflict in sorted(plan.conflicts if plan else [], key=_order):
        options: list[Any] = ["ours", "theirs", "edit"] if conflict.editable else ["ours", "theirs"]
        choice = draw.draw(st.sampled_from(options), label=f"settle {conflict.key}")
        event(f"conflict {conflict.record_type}.{conflict.field or '*'} {conflict.kind}: {choice}")
        chosen[conflict.key] = Edit(draw.draw(EDIT)) if choice == "edit" else choice
    return chosen


def merge(
    draw: st.DataObject, into: Laptop, path: Path
) -> tuple[Any, MergePlan, dict[str, Resolution]]:
    """Import a bundle, settling each conflict with a drawn choice."""
    plan = preview_bundle(into.ctx, path).plan
    assert plan is not None
    event(f"conflicts: {len(plan.conflicts)}")
    resolutions = settle(draw, plan)
    return import_bundle(into.ctx, path, resolutions=resolutions), plan, resolutions


def conflicts(into: Laptop, path: Path) -> list[Conflict]:
    plan = preview_bundle(into.ctx, path).plan
    assert plan is not None
    return plan.conflicts


def same(values: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ratings by what they rate: the same rating made on both laptops
    is one record under two ids (merge.NATURAL_KEYS)."""
    out = dict(values)
    out["ratings"] = {
        (r["assessment_id"], r["participant_id"]): {k: v for k, v in r.items() if k != "id"}
        for r in values["ratings"].values()
    }
    return out


def intact(*sides: Laptop, session_id: str) -> None:
    for side in sides:
        report = verify_chain(side.ctx, session_id)
        assert report.intact, report


def touched(side: Laptop, session_id: str, since: int) -> set[tuple[str, str]]:
    """(record type, id) of every record a laptop's own edits changed since ``since``."""
    with reading(side.ctx) as db:
        events = db.query(AuditEvent).filter(
            AuditEvent.session_id == session_id, AuditEvent.seq > since
        )
        return {(e.record_type, e.record_id) for e in events}


# --- the properties -------------------------------------------------------------


@PROFILE
@given(steps=overlapping(), crossed=st.booleans(), draw=st.data())
def test_merging_the_same_bundle_again_changes_nothing(
    pairs: Pairs, steps: tuple[list[Step], list[Step]], crossed: bool, draw: st.DataObject
) -> None:
    with pairs() as pair:
        a, b, sid = pair.a, pair.b, pair.session_id
        run(a, sid, steps[0], EVERYTHING)
        run(b, sid, steps[1], EVERYTHING)
        if crossed:  # first each takes the other's bundle at once, settling as drawn
            from_a, from_b = export(pair, a, "a0"), export(pair, b, "b0")
            merge(draw, a, from_b)
            merge(draw, b, from_a)
        path = export(pair, b, "b")
        first, _, _ = merge(draw, a, path)
        assert first.outcome == "merged" or crossed  # B's import at least is news
        after, head = data(a.ctx, sid), _head(a.ctx, sid)

        preview = preview_bundle(a.ctx, path)
        assert preview.outcome == "unchanged", preview.plan
        again = import_bundle(a.ctx, path)  # no choice to make: nothing to settle
        assert again.outcome == "unchanged"
        assert _head(a.ctx, sid) == head  # not even an audit event
        assert data(a.ctx, sid) == after
        intact(a, session_id=sid)


@PROFILE
@given(ours=edits(ONLY_GOV), theirs=edits(ONLY_ENV))
def test_edits_of_different_things_merge_either_way_to_the_same_data(
    pairs: Pairs, ours: list[Step], theirs: list[Step]
) -> None:
    with pairs() as pair:
        a, b, sid = pair.a, pair.b, pair.session_id
        # Something on each side for certain, so that each bundle is news to the other.
        run(a, sid, [("notes", ("GOV.1.1",), "dari A"), *ours], ONLY_GOV)
        run(b, sid, [("notes", ("ENV.1.1",), "dari B"), *theirs], ONLY_ENV)
        from_a, from_b = export(pair, a, "a"), export(pair, b, "b")
        for into, path in ((a, from_b), (b, from_a)):
            preview = preview_bundle(into.ctx, path)
            assert preview.plan is not None and preview.plan.conflicts == [], preview.plan
            result = import_bundle(into.ctx, path)
            assert result.outcome == "merged" and result.merge is not None
            assert result.merge["conflicts"] == 0
        assert same(data(a.ctx, sid)) == same(data(b.ctx, sid))
        intact(a, b, session_id=sid)


@PROFILE
@given(steps=overlapping(), draw=st.data())
def test_what_a_settled_travels_back_to_b_without_a_new_conflict(
    pairs: Pairs, steps: tuple[list[Step], list[Step]], draw: st.DataObject
) -> None:
    with pairs() as pair:
        a, b, sid = pair.a, pair.b, pair.session_id
        run(a, sid, steps[0], EVERYTHING)
        run(b, sid, steps[1], EVERYTHING)
        seen = [data(a.ctx, sid), data(b.ctx, sid)]
        _, plan, settled = merge(draw, a, export(pair, b, "b"))
        path = export(pair, a, "a-merged")
        back = preview_bundle(b.ctx, path).plan
        assert back is not None
        seen.append(data(a.ctx, sid))
        ratings = {
            i: (r["assessment_id"], r["participant_id"])
            for d in seen
            for i, r in d["ratings"].items()
        }

        def subject(conflict: Conflict) -> tuple[Any, ...]:
            # the same on both laptops: a rating made on both has an id on each
            return (
                conflict.record_type,
                ratings.get(conflict.record_id, conflict.record_id),
                conflict.field,
            )

        given_up = {subject(c) for c in plan.conflicts if settled[c.key] != "ours"}
        assert [c for c in back.conflicts if subject(c) in given_up] == []
        if len(given_up) < len(plan.conflicts):
            import_bundle(b.ctx, path, resolutions=settle(draw, back))
        else:  # A settled everything as theirs or with a new value: B takes it all
            assert back.conflicts == []
            import_bundle(b.ctx, path)
            assert same(data(b.ctx, sid)) == same(data(a.ctx, sid))
            # and merging back finds nothing more to change
            last = import_bundle(a.ctx, export(pair, b, "b-merged"))
            written = {k: n for k, n in (last.merge or {}).items() if k != "kept"}
            assert not any(written.values()), last.merge
            assert same(data(b.ctx, sid)) == same(data(a.ctx, sid))
        intact(a, b, session_id=sid)


@PROFILE
@given(steps=overlapping(removals=4), draw=st.data())
def test_a_record_deleted_on_one_side_and_untouched_on_the_other_ends_deleted(
    pairs: Pairs, steps: tuple[list[Step], list[Step]], draw: st.DataObject
) -> None:
    with pairs() as pair:
        a, b, sid = pair.a, pair.b, pair.session_id
        fork = data(a.ctx, sid)  # B holds the same
        rated = {(r["assessment_id"], r["participant_id"]): i for i, r in fork["ratings"].items()}
        run(a, sid, steps[0], EVERYTHING)
        run(b, sid, steps[1], EVERYTHING)
        edited = {s.side: {i for _, i in touched(s, sid, pair.heads[s.side])} for s in (a, b)}
        gone: set[tuple[str, Any]] = set()  # (table, id; a rating by what it rates)
        for side, other in ((a, b), (b, a)):
            now = same(data(side.ctx, sid))
            for name, records in same(fork).items():
                for key in records:
                    record_id = rated[key] if name == "ratings" else key
                    if key not in now[name] and record_id not in edited[other.side]:
                        gone.add((name, key))
        event(f"deleted on one side only: {len(gone)}")
        merge(draw, a, export(pair, b, "b"))
        merge(draw, b, export(pair, a, "a-merged"))
        for side in (a, b):
            now = same(data(side.ctx, sid))
            assert [(name, key) for name, key in gone if key in now[name]] == [], side.side


# --- what the properties found (fixed in services.merge) -------------------------


def test_a_record_kept_though_deleted_there_is_not_asked_again(pairs: Pairs) -> None:
    """A kept a record B deleted: the same bundle again is nothing new (it asked
    again, every time, as the deletion's origin was not remembered)."""
    with pairs() as pair:
        a, b, sid = pair.a, pair.b, pair.session_id
        kept = next(iter(a.clarifications))
        clarifications.remove(b.ctx, kept)
        clarifications.answer(a.ctx, kept, "Sudah dijawab di A.")
        path = export(pair, b, "b")
        (conflict,) = conflicts(a, path)
        assert (conflict.record_id, conflict.kind) == (kept, "deleted_there")
        import_bundle(a.ctx, path, resolutions={conflict.key: "ours"})
        assert preview_bundle(a.ctx, path).outcome == "unchanged"
        assert import_bundle(a.ctx, path).outcome == "unchanged"
        assert data(a.ctx, sid)["clarifications"][kept]["answer"] == "Sudah dijawab di A."
        # B is still asked (test_bundle_merge: deleted here, changed there).
        (back,) = conflicts(b, export(pair, a, "a"))
        assert (back.record_id, back.kind) == (kept, "deleted_here")


def test_a_conflict_settled_differently_and_kept_is_not_asked_again(pairs: Pairs) -> None:
    """Both laptops took the other's value at once; A keeps its own when they meet
    again: the same bundle again is nothing new, and B takes A's choice."""
    with pairs() as pair:
        a, b, sid = pair.a, pair.b, pair.session_id
        assessments.set_notes(a.ctx, sid, "GOV.1.1", "A")
        assessments.set_notes(b.ctx, sid, "GOV.1.1", "B")
        from_a, from_b = export(pair, a, "a"), export(pair, b, "b")
        for into, path in ((a, from_b), (b, from_a)):
            (conflict,) = conflicts(into, path)
            import_bundle(into.ctx, path, resolutions={conflict.key: "theirs"})
        path = export(pair, b, "b-again")
        (conflict,) = conflicts(a, path)
        assert (conflict.kind, conflict.ours, conflict.theirs) == ("settled_differently", "B", "A")
        import_bundle(a.ctx, path, resolutions={conflict.key: "ours"})
        assert preview_bundle(a.ctx, path).outcome == "unchanged"
        assert import_bundle(a.ctx, path).outcome == "unchanged"
        result = import_bundle(b.ctx, export(pair, a, "a-again"))
        assert result.merge is not None and result.merge["conflicts"] == 0
        assert data(a.ctx, sid) == data(b.ctx, sid)
        intact(a, b, session_id=sid)


def test_only_text_can_be_typed_to_settle_a_conflict(pairs: Pairs) -> None:
    """A time, a choice or a link typed in crashed the merge or left a session whose
    bundles every laptop refused; text longer than its column too."""
    with pairs() as pair:
        a, b, sid = pair.a, pair.b, pair.session_id
        asked = next(c for c, code in a.clarifications.items() if code == "ENV.1.1")
        alice = next(p for p, (owner, _) in a.people.items() if owner == "a")
        for side, word in ((a, "A"), (b, "B")):
            clarifications.answer(side.ctx, asked, f"Jawaban {word}")
            assessments.set_status(side.ctx, sid, "ENV.1.1", "deferred" if word == "A" else "done")
            participants.edit_participant(side.ctx, alice, ParticipantDetails(name=f"Alice {word}"))
        path = export(pair, b, "b")
        plan = preview_bundle(a.ctx, path).plan
        assert plan is not None
        fields = {c.field: c for c in plan.conflicts}
        assert {f for f, c in fields.items() if c.editable} == {"answer", "name"}
        choices: dict[str, Resolution] = {c.key: "theirs" for c in plan.conflicts}
        for name in ("answered_at", "status"):
            with pytest.raises(InvalidInput, match="cannot be typed"):
                import_bundle(a.ctx, path, resolutions=choices | {fields[name].key: Edit("x")})
        with pytest.raises(InvalidInput, match="at most 200 characters"):
            import_bundle(a.ctx, path, resolutions=choices | {fields["name"].key: Edit("x" * 201)})
        choices |= {fields["answer"].key: Edit("Jawaban A dan B")}
        assert import_bundle(a.ctx, path, resolutions=choices).outcome == "merged"
        # The merged session still travels.
        assert send(a.ctx, sid, b.ctx).outcome == "merged"
        assert data(b.ctx, sid)["clarifications"][asked]["answer"] == "Jawaban A dan B"
