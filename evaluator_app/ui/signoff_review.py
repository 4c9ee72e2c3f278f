"""The sign-off's review: what will be signed, as a document people read.

Results, findings by agency and outstanding evidence in the order the minutes
use, drawn as simple HTML for a QTextBrowser.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QObject

from evaluator_app.services import walkthrough
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.findings_view import priority_label
from evaluator_app.ui.labels import (
    NOTHING,
    date_label,
    score_label,
    stage_label,
    time_label,
)

_PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}


class ReviewDocument(QObject):
    def __init__(self, controller: SessionController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

    def html(self, frozen: bool) -> str:
        """What will be signed, as a document people read."""
        c = self.controller
        o = c.overview
        parts = [tag("h2", self.tr("Minutes of the evaluation"))]
        subject = (
            self.tr("Stage %1 evaluation, %2, %3")
            .replace("%1", stage_label(o.stage))
            .replace("%2", o.region)
            .replace("%3", str(o.year))
        )
        parts.append(f"<p><b>{escape(subject)}</b>")
        start = o.local_start
        if start is not None:
            when = f"{date_label(start.date(), long=True)}, {time_label(start)}"
            parts.append("<br>" + escape(", ".join(x for x in (when, o.venue) if x)))
        number = o.document_number or self.tr("given when the minutes are frozen")
        parts.append("<br>" + escape(self.tr("Document number: %1").replace("%1", number)) + "</p>")
        notes = []
        if frozen:
            notes.append(self.tr("Frozen at the first signature: every signer signs exactly this."))
        if o.status == "amended":
            notes.append(self.tr("These minutes amend earlier signed minutes that were reopened."))
        if o.done < o.total:
            notes.append(
                self.tr(
                    "%1 of %2 indicators are not settled; the minutes show them without an "
                    "agreed level."
                )
                .replace("%1", str(o.total - o.done))
                .replace("%2", str(o.total))
            )
        for note in notes:
            parts.append(f'<p style="color:#7a4a00">{escape(note)}</p>')
        parts += self._results_html(), self._findings_html(), self._outstanding_html()
        return "\n".join(parts)

    def _results_html(self) -> str:
        o = self.controller.overview
        predicate = self.controller.text(o.scores.predicate.name) if o.scores.predicate else ""
        index = score_label(o.scores.index)
        html = [tag("h3", self.tr("Results"))]
        label = escape(self.tr("Index"))
        html.append(
            f'<p style="font-size:large">{label} <b>{index}</b>'
            + (f" — <b>{escape(predicate)}</b>" if predicate else "")
            + "</p>"
        )
        rows = [
            [d.title, score_label(s.value), score_label(d.score), f"{d.done}/{d.indicators}"]
            for d, s in zip(o.dimensions, o.self_scores.dimensions, strict=False)
        ]
        head = [
            self.tr("Dimension"),
            self.tr("Self-assessed"),
            self.tr("Agreed"),
            self.tr("Settled"),
        ]
        html.append(table(head, rows, right=(1, 2, 3)))
        return "\n".join(html)

    def _findings_html(self) -> str:
        c = self.controller
        html = [tag("h3", self.tr("Findings by agency"))]
        found = c.read(walkthrough.session_findings, c.session_id) or []
        if not found:
            return html[0] + tag("p", self.tr("No findings."))
        order = {i.code: n for n, i in enumerate(c.framework.indicators())}
        groups: dict[str, list[Any]] = {}
        for finding in found:
            for agency in finding.agencies or ("",):
                groups.setdefault(agency.strip(), []).append(finding)
        for n, agency in enumerate(sorted(groups, key=lambda a: (a == "", a.casefold())), 1):
            items = sorted(
                groups[agency],
                key=lambda f: (
                    _PRIORITY_ORDER.get(f.priority, 9),
                    f.due_date or dt.date.max,
                    order.get(f.indicator_code or "", len(order)),
                ),
            )
            name = agency or self.tr("Not addressed to an agency")
            html.append(f"<h4>{n}. {escape(name)}</h4>")
            rows = [
                [
                    str(k),
                    f.text,
                    f.recommendation or NOTHING,
                    f.indicator_code or NOTHING,
                    priority_label(f.priority),
                    date_label(f.due_date) if f.due_date else NOTHING,
                ]
                for k, f in enumerate(items, 1)
            ]
            head = [
                self.tr("No."),
                self.tr("Finding"),
                self.tr("Recommendation"),
                self.tr("Indicator"),
                self.tr("Priority"),
                self.tr("Due"),
            ]
            html.append(table(head, rows, right=(0,)))
        return "\n".join(html)

    def _outstanding_html(self) -> str:
        c = self.controller
        html = [tag("h3", self.tr("Outstanding evidence"))]
        rows = []
        deadline = c.overview.evidence_deadline
        for indicator in c.framework.indicators():
            state = c.states.get(indicator.code)
            if state is None or not state.pending_evidence:
                continue
            detail = c.read(walkthrough.indicator_detail, c.session_id, indicator.code)
            for e in detail.evidence if detail else []:
                if e.status == "pending":
                    due = e.due_date or deadline
                    title = f"{indicator.code} {c.text(indicator.title)}"
                    rows.append([title, e.title, date_label(due) if due else NOTHING])
        if not rows:
            return html[0] + tag("p", self.tr("No evidence is outstanding."))
        head = [self.tr("Indicator"), self.tr("Evidence"), self.tr("Due")]
        return html[0] + table(head, rows)

    # --- preview ---------------------------------------------------------------


def tag(tag: str, text: str) -> str:
    return f"<{tag}>{escape(text)}</{tag}>"


def table(head: list[str], rows: list[list[str]], right: tuple[int, ...] = ()) -> str:
    def cell(tag: str, n: int, text: str) -> str:
        align = ' align="right"' if n in right else ""
        return f"<{tag}{align}>{escape(text)}</{tag}>"

    header = "".join(cell("th", n, text) for n, text in enumerate(head))
    body = "".join(
        "<tr>" + "".join(cell("td", n, text) for n, text in enumerate(row)) + "</tr>"
        for row in rows
    )
    return (
        '<table border="1" cellspacing="0" cellpadding="4" width="100%" '
        'style="border-collapse:collapse; border-style:solid; border-color:#b8b8b8">'
        f'<tr bgcolor="#eef1f5">{header}</tr>{body}</table>'
    )
