"""Merging a bundle of a session this laptop already has: record by record, field by field.

Version counters cannot tell "both changed it" (both laptops make version 4
from 3), so the merge reads the audit trails instead.  Every value was set by
some operation (its *origin*); every laptop *knows* the operations in its
trail and those it absorbed in earlier merges.  For a field whose values differ:

- we know their origin, they do not know ours: we changed it since; keep ours;
- they know our origin, we do not know theirs: they changed it; take theirs;
- neither knows the other's: both changed it; a conflict for a person to settle
  (also when both know both: the two laptops settled it differently).

Records work the same way: one we never knew of is added; one we knew and no
longer have was deleted here (a conflict if they changed it since), and the
other way round; a deletion is an origin too, so a record we kept after seeing
them delete it stays.  The merge is one audited operation ("merge_bundle");
each taken value's audit event names its origin, and a closing event lists the
operations absorbed and how each conflict was settled, so merging the same
bundle again, or merging back, finds nothing new.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.orm import Session

from evaluator_app.domain.canonical import canonical_json
from evaluator_app.exchange.scope import LISTS, Tables, select_records
from evaluator_app.i18n import _
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.operation import Change, to_json
from evaluator_app.services.records import EDITABLE_STATUSES
from evaluator_app.services.session_records import MODELS
from evaluator_app.store.models import BOOKKEEPING, AuditEvent, Record

MERGE = "merge_bundle"
Key = tuple[str, str]  # (table, record id)
# Records one laptop cannot have twice: the same rating made on two laptops is one.
NATURAL_KEYS = {
    "rating": ("assessment_id", "participant_id"),
    "assignment": ("session_id", "dimension_code"),
}
# Local ids of the same thing (the framework is compared by content hash).
IGNORED = {"session": {"framework_id"}}
# What people type freely: a conflict there may be settled with a new value.  The
# other fields hold choices, codes, times or links to records, which the bundle
# format checks: a typed value would crash the merge or make the session's
# bundles refused everywhere.
TEXT_FIELDS = {
    "session": {"region", "venue", "document_number"},
    "participant": {"name", "position", "organisation", "rank"},
    "assessment": {"na_reason", "notes"},
    "clarification": {"question", "answer"},
    "evidence": {"title", "note"},
    "finding": {"text", "recommendation"},
    "signoff": {"reopen_reason"},
}


@dataclass(frozen=True)
class Difference:
    """One field (``field`` set) or one whole record (``field`` None) that differs.

    Values are as the audit trail writes them (JSON); a whole record's value is
    its fields, None where it does not exist.
    """

    record_type: str
    record_id: str
    label: str  # for messages, in the language of the moment: "GOV.1.1: clarification “Ada SK?”"
    subject: str  # without words, for a window's own: "GOV.1.1 · “Ada SK?”"
    field: str | None
    ours: Any
    theirs: Any

    @property
    def key(self) -> str:
        return f"{self.record_type}/{self.record_id}/{self.field or '*'}"


ConflictKind = Literal["both_changed", "settled_differently", "deleted_here", "deleted_there"]


@dataclass(frozen=True)
class Conflict(Difference):
    kind: ConflictKind = "both_changed"

    @property
    def editable(self) -> bool:
        """A person may type a third value (text fields of a changed record)."""
        return self.field in TEXT_FIELDS.get(self.record_type, ())


@dataclass(frozen=True)
class Edit:
    """A conflict settled with a new value (for text fields)."""

    value: Any


Resolution = Literal["ours", "theirs"] | Edit


@dataclass
class MergePlan:
    session_id: str
    added: list[Difference] = field(default_factory=list)  # records new here
    changed: list[Difference] = field(default_factory=list)  # fields taking theirs
    removed: list[Difference] = field(default_factory=list)  # records they deleted
    kept: list[Difference] = field(default_factory=list)  # ours changed since: stays
    new_here: list[Difference] = field(default_factory=list)  # records they have not seen
    conflicts: list[Conflict] = field(default_factory=list)
    absorbed: list[str] = field(default_factory=list)  # their operations new to us
    # what applying needs: each taken value's origin, their records by our key
    origins: dict[tuple[str, str, str | None], str] = field(default_factory=dict, repr=False)
    theirs_by_key: dict[Key, dict[str, Any]] = field(default_factory=dict, repr=False)

    @property
    def takes_signoff(self) -> bool:
        """They signed: the session is taken as theirs whole (see ``refusal``)."""
        return any(d.record_type == "signoff" for d in self.added)

    @property
    def writes(self) -> bool:
        """Whether applying changes any record."""
        return bool(self.added or self.changed or self.removed or self.conflicts)

    @property
    def unchanged(self) -> bool:
        return not self.writes and not self.absorbed

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "changed": len(self.changed),
            "removed": len(self.removed),
            "kept": len(self.kept),
            "conflicts": len(self.conflicts),
        }

    def lines(self) -> list[str]:
        """One line per difference that applying would make (for refusals)."""
        out = [_("{label}: only in the bundle").format(label=d.label) for d in self.added]
        out += [f"{d.label}: {d.field}" for d in self.changed]
        out += [_("{label}: deleted in the bundle").format(label=d.label) for d in self.removed]
        out += [
            _("{label}: {what} (conflict)").format(label=d.label, what=d.field or _("the record"))
            for d in self.conflicts
        ]
        return out


# --- who knows what: origins and knowledge from an audit trail ---------------


@dataclass
class _History:
    known: set[str] = field(default_factory=set)
    origins: dict[Key, dict[str, str]] = field(default_factory=dict)
    created: dict[Key, str] = field(default_factory=dict)
    deleted: dict[Key, str] = field(default_factory=dict)  # record -> operation deleting it

    def origin(self, key: Key, name: str) -> str | None:
        return self.origins.get(key, {}).get(name) or self.created.get(key)


def _history(events: Iterable[AuditEvent]) -> _History:
    seen = _History()
    for event in events:
        origin = event.operation_id
        if event.action == MERGE and event.target_operation_id:
            origin = event.target_operation_id
        seen.known |= {event.operation_id, origin}
        key = (event.record_type, event.record_id)
        if event.change == "create":
            seen.created[key] = origin
            seen.origins[key] = dict.fromkeys(json.loads(event.new_value or "{}"), origin)
            seen.deleted.pop(key, None)
        elif event.change == "update" and event.field:
            seen.origins.setdefault(key, {})[event.field] = origin
        elif event.change == "delete":
            seen.deleted[key] = origin
            seen.origins.pop(key, None)
        elif event.change == "import" and event.action == MERGE:
            seen.known |= set(json.loads(event.new_value or "{}").get("absorbed", []))
    return seen


# --- planning -----------------------------------------------------------------


def _rows(tables: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    value = tables[name]
    return [dict(value)] if isinstance(value, Mapping) else list(value)


def _values(model: type[Record], row: Mapping[str, Any]) -> dict[str, Any]:
    ignored = IGNORED.get(model.__tablename__, set())
    return {k: to_json(v) for k, v in row.items() if k not in BOOKKEEPING and k not in ignored}


class _Labels:
    """Names people recognise: the indicator code, the participant's name."""

    def __init__(self, *tables: Mapping[str, Any]) -> None:
        self.codes = {a["id"]: a["indicator_code"] for t in tables for a in t["assessments"]}
        self.people = {p["id"]: p["name"] for t in tables for p in t["participants"]}

    def __call__(self, record_type: str, row: Mapping[str, Any]) -> tuple[str, str]:
        """(label for messages, subject without words for a window to name)."""
        code = self.codes.get(row.get("assessment_id", ""), "")

        def short(text: str) -> str:
            text = " ".join(str(text).split())
            return "“" + (text if len(text) <= 40 else text[:39] + "…") + "”"

        match record_type:
            case "session":
                return _("session"), ""
            case "participant":
                return _("participant {name}").format(name=row["name"]), row["name"]
            case "assessment":
                code = row["indicator_code"]
                return _("indicator {code}").format(code=code), code
            case "rating":
                person = self.people.get(row["participant_id"], "?")
                label = _("{code}: rating of {person}").format(code=code, person=person)
                return label, f"{code} · {person}"
            case "clarification":
                question = short(row["question"])
                label = _("{code}: clarification {question}").format(code=code, question=question)
                return label, f"{code} · {question}"
            case "evidence":
                title = short(row["title"])
                label = _("{code}: evidence {title}").format(code=code, title=title)
                return label, f"{code} · {title}"
            case "finding":
                text = short(row["text"])
                where = row["indicator_code"]
                label = _("{where}: finding {text}").format(where=where or _("session"), text=text)
                return label, (f"{where} · {text}" if where else text)
            case "assignment":
                person = self.people.get(row["participant_id"], "?")
                dimension = row["dimension_code"]
                label = _("assignment of {dimension}").format(dimension=dimension)
                return label, f"{dimension} · {person}"
            case _:
                return f"{record_type} {row['id'][:8]}", row["id"][:8]


def plan_merge(
    ours: Tables,
    our_events: Sequence[AuditEvent],
    theirs: Tables,
    their_events: Sequence[AuditEvent],
    *,
    whole: bool,
) -> MergePlan:
    """What merging ``theirs`` (a bundle's records and trail) into ``ours`` would do.

    ``whole``: the bundle holds the whole session; otherwise only the records of
    the indicators it carries are compared (and none is taken as deleted there).
    """
    mine_seen = _history(our_events)
    their_seen = _history(their_events)
    plan = MergePlan(session_id=ours["session"]["id"])
    # A partial bundle's trail lists operations (absorbed in earlier merges) whose
    # effects outside its dimensions did not travel with it: claiming them as
    # known here would later keep our value silently over theirs.
    plan.absorbed = sorted(their_seen.known - mine_seen.known) if whole else []
    if not whole:
        codes = {a["indicator_code"] for a in theirs["assessments"]}
        ours = select_records(ours, codes)
    labels = _Labels(ours, theirs)
    for name in ("session", *LISTS):
        model = MODELS[name]
        record_type = model.__tablename__
        mine = {r["id"]: r for r in _rows(ours, name)}
        other = {r["id"]: r for r in _rows(theirs, name)}
        pairs = _natural_pairs(record_type, mine, other)
        for their_id, row in other.items():
            our_id = pairs.get(their_id, their_id)
            key = (record_type, our_id)
            plan.theirs_by_key[key] = row
            if our_id in mine:
                _compare(plan, model, mine[our_id], row, mine_seen, their_seen, (their_id, labels))
            else:
                _only_theirs(plan, model, row, mine_seen, their_seen, labels)
        if name == "signoffs" and not whole:
            continue
        matched = {pairs.get(i, i) for i in other}
        for our_id, row in mine.items():
            if our_id not in matched:
                _only_ours(plan, model, row, mine_seen, their_seen, labels)
    return plan


def _natural_pairs(
    record_type: str, mine: Mapping[str, Any], other: Mapping[str, Any]
) -> dict[str, str]:
    """Their id -> our id, for records with a natural key made on both laptops."""
    columns = NATURAL_KEYS.get(record_type)
    if columns is None:
        return {}
    ours_by = {tuple(r[c] for c in columns): i for i, r in mine.items()}
    pairs = {}
    for their_id, row in other.items():
        our_id = ours_by.get(tuple(row[c] for c in columns))
        if our_id is not None and our_id != their_id and their_id not in mine:
            pairs[their_id] = our_id
    return pairs


def _compare(
    plan: MergePlan,
    model: type[Record],
    mine: Mapping[str, Any],
    row: Mapping[str, Any],
    mine_seen: _History,
    their_seen: _History,
    context: tuple[str, _Labels],
) -> None:
    their_id, labels = context
    record_type = model.__tablename__
    ours_values, their_values = _values(model, mine), _values(model, row)
    our_key, their_key = (record_type, mine["id"]), (record_type, their_id)
    for name, value in their_values.items():
        current = ours_values.get(name)
        if name == "id" or canonical_json(current) == canonical_json(value):
            continue
        difference = Difference(
            record_type, mine["id"], *labels(record_type, mine), name, current, value
        )
        our_origin = mine_seen.origin(our_key, name)
        their_origin = their_seen.origin(their_key, name)
        we_know = their_origin is None or their_origin in mine_seen.known
        they_know = our_origin is None or our_origin in their_seen.known
        if we_know and not they_know:
            plan.kept.append(difference)
        elif they_know and not we_know:
            plan.changed.append(difference)
            plan.origins[(record_type, mine["id"], name)] = their_origin or ""
        else:
            kind: ConflictKind = "settled_differently" if we_know else "both_changed"
            plan.conflicts.append(Conflict(**dataclasses.asdict(difference), kind=kind))
            plan.origins[(record_type, mine["id"], name)] = their_origin or ""


def _unseen(history: _History, key: Key, seen_by: _History) -> bool:
    """Whether ``history`` wrote anything on ``key`` that ``seen_by`` does not know."""
    origins = set(history.origins.get(key, {}).values()) | {history.created.get(key)}
    return any(o is not None and o not in seen_by.known for o in origins)


def _only_theirs(
    plan: MergePlan,
    model: type[Record],
    row: Mapping[str, Any],
    mine_seen: _History,
    their_seen: _History,
    labels: _Labels,
) -> None:
    record_type = model.__tablename__
    key = (record_type, row["id"])
    difference = Difference(
        record_type, row["id"], *labels(record_type, row), None, None, _values(model, row)
    )
    plan.origins[(record_type, row["id"], None)] = their_seen.created.get(key) or ""
    created_here = their_seen.created.get(key) in mine_seen.known or key in mine_seen.deleted
    if not created_here:
        plan.added.append(difference)
    elif _unseen(their_seen, key, mine_seen):
        plan.conflicts.append(Conflict(**dataclasses.asdict(difference), kind="deleted_here"))
    # else: we deleted it after seeing all of their changes; it stays deleted


def _only_ours(
    plan: MergePlan,
    model: type[Record],
    row: Mapping[str, Any],
    mine_seen: _History,
    their_seen: _History,
    labels: _Labels,
) -> None:
    record_type = model.__tablename__
    key = (record_type, row["id"])
    known_there = mine_seen.created.get(key) in their_seen.known or key in their_seen.deleted
    difference = Difference(
        record_type, row["id"], *labels(record_type, row), None, _values(model, row), None
    )
    if not known_there:
        plan.new_here.append(difference)  # they have not seen it yet
        return
    if their_seen.deleted.get(key) in mine_seen.known:
        # We saw them delete it and kept it (settled so): it stays, as a field kept.
        plan.kept.append(difference)
    elif _unseen(mine_seen, key, their_seen):
        plan.conflicts.append(Conflict(**dataclasses.asdict(difference), kind="deleted_there"))
    else:
        plan.removed.append(difference)


# --- checks before applying ---------------------------------------------------


def refusal(plan: MergePlan, ours: Tables, theirs: Tables) -> str | None:
    """Why a plan must not be applied (a signed session on either side), or None."""
    from evaluator_app.exchange.compare import summary

    here = ours["session"]
    where = _("session {id} ({region} {year})").format(
        id=here["id"][:8], region=here["region"], year=here["year"]
    )
    if here["status"] not in EDITABLE_STATUSES and plan.writes:
        return _(
            "{where} is signed on this laptop and an import never changes it; "
            "the bundle differs in: {differences}"
        ).format(where=where, differences=summary(plan.lines()))
    if plan.takes_signoff:
        # Their sign-off names their audit trail: the session can only be taken
        # whole, as they signed it, and only when this laptop holds nothing more.
        ahead = [f"{d.label}: {d.field or _('the record')}" for d in plan.kept + plan.conflicts]
        ahead += [_("{label}: only on this laptop").format(label=d.label) for d in plan.new_here]
        if ahead:
            return _(
                "{where} was signed on the other laptop, but this laptop has work the "
                "signed record does not hold: {differences}; reopen it there and "
                "merge this laptop's work first"
            ).format(where=where, differences=summary(ahead))
    return None


def check_resolutions(plan: MergePlan, resolutions: Mapping[str, Resolution]) -> None:
    missing = [c for c in plan.conflicts if c.key not in resolutions]
    if missing:
        listed = "; ".join(f"{c.label}: {c.field or _('the record')}" for c in missing[:5])
        more = _(" and {n} more").format(n=len(missing) - 5) if len(missing) > 5 else ""
        raise InvalidInput(
            _(
                "{count} conflict(s) need a choice (ours, theirs or a new value): {listed}{more}"
            ).format(count=len(missing), listed=listed, more=more)
        )
    for conflict in plan.conflicts:
        choice = resolutions[conflict.key]
        if not isinstance(choice, Edit):
            continue
        if not conflict.editable:
            raise InvalidInput(
                _("{label}: choose ours or theirs; it cannot be typed").format(label=conflict.label)
            )
        column = _model(conflict.record_type).__table__.c[conflict.field or ""]
        limit = getattr(column.type, "length", None)  # String(n); Text has none
        if not isinstance(choice.value, str) or (limit and len(choice.value) > limit):
            message = (
                _("{label}: {field} takes text of at most {limit} characters")
                if limit
                else _("{label}: {field} takes text")
            )
            raise InvalidInput(
                message.format(label=conflict.label, field=conflict.field, limit=limit)
            )


# --- applying -----------------------------------------------------------------


def apply_merge(
    db: Session, plan: MergePlan, resolutions: Mapping[str, Resolution], about: dict[str, Any]
) -> None:
    """Apply ``plan`` in the operation whose session is ``db`` (see ``operation``)."""
    from evaluator_app.services.undo import decode

    taken: list[tuple[str, str, str | None]] = []  # what carries their origin
    settled = []
    restated: list[Change] = []  # ours, settled again: the merge's own now

    def put(record_type: str, record_id: str) -> None:
        model = _model(record_type)
        row = plan.theirs_by_key[(record_type, record_id)]
        values = {k: v for k, v in row.items() if k != "version"}
        if record_type == "session":
            return
        db.add(model(**values))
        taken.append((record_type, record_id, None))

    def set_field(record_type: str, record_id: str, name: str, value: Any) -> None:
        model = _model(record_type)
        record = db.get(model, record_id)
        assert record is not None
        setattr(record, name, decode(model, name, canonical_json(value)))

    def remove(record_type: str, record_id: str) -> None:
        record = db.get(_model(record_type), record_id)
        if record is not None:
            db.delete(record)

    for difference in sorted(plan.added, key=_parents_first):
        put(difference.record_type, difference.record_id)
    for difference in plan.changed:
        set_field(
            difference.record_type, difference.record_id, difference.field or "", difference.theirs
        )
        taken.append((difference.record_type, difference.record_id, difference.field))
    for conflict in sorted(plan.conflicts, key=_parents_first):
        choice = resolutions[conflict.key]
        settled.append(
            {
                "record_type": conflict.record_type,
                "record_id": conflict.record_id,
                "field": conflict.field,
                "kind": conflict.kind,
                "ours": conflict.ours,
                "theirs": conflict.theirs,
                "chosen": "edit" if isinstance(choice, Edit) else choice,
                "value": choice.value if isinstance(choice, Edit) else None,
            }
        )
        if conflict.kind == "settled_differently" and _keeps_ours(conflict, choice):
            # Both laptops knew both values and kept different ones: the value kept
            # here is now this merge's, or the same bundle would ask again.
            record_type, record_id, name = conflict.record_type, conflict.record_id, conflict.field
            restated.append(
                Change(record_type, record_id, "update", name, conflict.ours, conflict.ours)
            )
        if choice == "ours":
            continue
        if conflict.kind == "deleted_here":
            put(conflict.record_type, conflict.record_id)
        elif conflict.kind == "deleted_there":
            remove(conflict.record_type, conflict.record_id)
        elif isinstance(choice, Edit):
            set_field(conflict.record_type, conflict.record_id, conflict.field or "", choice.value)
        else:
            set_field(
                conflict.record_type, conflict.record_id, conflict.field or "", conflict.theirs
            )
            taken.append((conflict.record_type, conflict.record_id, conflict.field))
    for difference in sorted(plan.removed, key=_parents_first, reverse=True):
        remove(difference.record_type, difference.record_id)
    db.flush()
    _name_origins(db, plan, taken)
    changes: list[Change] = db.info["changes"]
    changes += restated
    changes.append(
        Change(
            "session",
            plan.session_id,
            "import",
            None,
            None,
            about | {"merged": True, "absorbed": plan.absorbed, "resolutions": settled},
        )
    )


def _keeps_ours(conflict: Conflict, choice: Resolution) -> bool:
    """Whether settling ``conflict`` with ``choice`` leaves our value as it is."""
    if isinstance(choice, Edit):
        return canonical_json(choice.value) == canonical_json(conflict.ours)
    return choice == "ours"


def _name_origins(db: Session, plan: MergePlan, taken: list[tuple[str, str, str | None]]) -> None:
    """Each captured change of a value taken from them names the operation that made it."""
    origins = {key: plan.origins[key] for key in taken if plan.origins.get(key)}
    changes: list[Change] = db.info["changes"]
    for n, change in enumerate(changes):
        origin = origins.get((change.record_type, change.record_id, change.field))
        if origin:
            changes[n] = dataclasses.replace(change, origin=origin)


_ORDER = {MODELS[name].__tablename__: n for n, name in enumerate(MODELS)}


def _parents_first(difference: Difference) -> int:
    return _ORDER[difference.record_type]


def _model(record_type: str) -> type[Record]:
    from evaluator_app.store.models import RECORD_TYPES

    return RECORD_TYPES[record_type]
