"""The kill test's operations: what the driver does, and what it must leave behind.

Both sides derive operation ``n`` from the run's seed, so the parent knows
exactly what every acknowledged operation wrote without trusting the child.
The driver prints ``B n <target>`` before an operation and ``A n <target>``
once the service call has returned (its transaction committed).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from random import Random

CODES = ("GOV.1.1", "GOV.1.2", "ENV.1.1")
KINDS = ("level", "notes", "ask", "answer", "evidence", "finding")
WEIGHTS = (4, 4, 2, 2, 3, 2)


@dataclass(frozen=True)
class Planned:
    n: int
    kind: str
    code: str
    level: int
    size: int  # evidence file size


def plan(seed: int, n: int) -> Planned:
    rng = Random(seed * 1_000_003 + n)
    kind = rng.choices(KINDS, WEIGHTS)[0]
    # evidence: mostly small, sometimes a few MB so that a kill lands mid-write
    size = rng.choice((1_000, 20_000, 300_000, 3_000_000))
    return Planned(n, kind, rng.choice(CODES), rng.randint(1, 4), size)


def note_text(n: int) -> str:
    return f"catatan {n} " + "x" * (n % 50)


def evidence_bytes(seed: int, n: int, size: int) -> bytes:
    block = hashlib.sha256(f"{seed}/{n}".encode()).digest() * 64  # 2 KB, unique per op
    return (block * (size // len(block) + 1))[:size]


@dataclass
class State:
    """What the session must hold: only what the operations themselves changed."""

    levels: dict[str, int] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    questions: dict[str, str] = field(default_factory=dict)  # question -> answer ("" if none)
    evidence: dict[str, str] = field(default_factory=dict)  # title -> sha256
    findings: set[str] = field(default_factory=set)

    def copy(self) -> State:
        return State(
            dict(self.levels),
            dict(self.notes),
            dict(self.questions),
            dict(self.evidence),
            set(self.findings),
        )

    def apply(self, seed: int, n: int, target: str) -> None:
        op = plan(seed, n)
        if op.kind == "level":
            self.levels[op.code] = op.level
        elif op.kind == "notes":
            self.notes[op.code] = note_text(n)
        elif op.kind == "ask":
            self.questions[f"q-{n}"] = ""
        elif op.kind == "answer":
            if target != "-":  # the driver found no question to answer
                self.questions[target] = f"a-{n}"
        elif op.kind == "evidence":
            data = evidence_bytes(seed, n, op.size)
            self.evidence[f"ev-{n}"] = hashlib.sha256(data).hexdigest()
        elif op.kind == "finding":
            self.findings.add(f"finding-{n}")
