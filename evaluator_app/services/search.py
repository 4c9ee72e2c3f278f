"""Finding what was said: every note, rationale, clarification and finding, in
every session on this laptop (the full-text index of migration 0006)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import inspect, select, text

from evaluator_app.services.operation import Context, looking
from evaluator_app.store import tables

if TYPE_CHECKING:
    from evaluator_app.services.operation import Reader

# The fields searched, as ``table.field`` (the kinds of search_key).
KINDS = (
    "assessment.notes",
    "assessment.rationale",
    "clarification.question",
    "clarification.answer",
    "finding.text",
    "finding.recommendation",
)
MARK = ("[", "]")  # around each match in a hit's excerpt


@dataclass(frozen=True)
class SearchHit:
    session_id: str
    region: str
    year: int
    indicator_code: str | None  # None: a finding about the whole session
    kind: str  # one of KINDS
    record_id: str
    excerpt: str  # the words around the match, matches in MARK


_FTS = text(
    "SELECT key.kind, key.record_id, hit.session_id, hit.indicator_code, session.region, "
    "session.year, snippet(search_text, 0, :open, :close, '…', 12) AS excerpt "
    "FROM search_text AS hit "
    "JOIN search_key AS key ON key.id = hit.rowid "
    "JOIN session ON session.id = hit.session_id "
    "WHERE search_text MATCH :query ORDER BY rank LIMIT :limit"
)


def fts_query(words: str) -> str | None:
    """The FTS5 query for what a person typed: every word must occur, the last one
    may be the start of a word ("anggar" finds "anggaran"); None when there are none.
    Each word is quoted, so FTS5's own syntax (AND, NEAR, *, ") is only text here."""
    terms = [f'"{word.replace(chr(34), chr(34) * 2)}"' for word in words.split()]
    return " ".join(terms) + " *" if terms else None


def search_notes(ctx: Context, words: str, limit: int = 200) -> list[SearchHit]:
    """Where ``words`` were written, best matches first."""
    query = fts_query(words)
    if query is None:
        return []
    with looking(ctx) as db:
        if not inspect(db).has_table("search_text"):
            return _search_without_index(db, words, limit)
        rows = db.execute(_FTS, {"query": query, "limit": limit, "open": MARK[0], "close": MARK[1]})
        return [
            SearchHit(
                r.session_id, r.region, r.year, r.indicator_code, r.kind, r.record_id, r.excerpt
            )
            for r in rows
        ]


def _search_without_index(db: Reader, words: str, limit: int) -> list[SearchHit]:
    # A database without the SQLite index (e.g. a shared PostgreSQL archive): every
    # word as a substring of one field, in no order of relevance.
    assessments, sessions = tables.assessment_table, tables.session_table
    hits: list[SearchHit] = []
    for kind in KINDS:
        name, field = kind.split(".")
        table = tables.metadata.tables[name]
        column = table.c[field]
        owner = tables.finding_table if name == "finding" else assessments
        query = select(
            table.c.id,
            column,
            owner.c.session_id,
            owner.c.indicator_code,
            sessions.c.region,
            sessions.c.year,
        ).select_from(table)
        if name == "clarification":
            query = query.join(assessments, assessments.c.id == table.c.assessment_id)
        query = (
            query.join(sessions, sessions.c.id == owner.c.session_id)
            .where(*(column.ilike(f"%{word}%") for word in words.split()))
            .limit(limit)
        )
        for record_id, body, session_id, code, region, year in db.execute(query):
            hits.append(SearchHit(session_id, region, year, code, kind, record_id, body[:200]))
    return hits[:limit]
