"""Searching everything written, in every session: the start screen's search.

The field sits above the list of sessions; the hits replace the session's
overview while there is something to search for.  Choosing a hit opens its
session at its indicator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from evaluator_app.services.errors import ServiceError
from evaluator_app.services.operation import Context
from evaluator_app.services.search import SearchHit, search_notes

TYPING_PAUSE_MS = 250  # search when the typing stops, not at every key
LIMIT = 200


def kind_name(kind: str) -> str:
    names = {
        "assessment.notes": QCoreApplication.translate("SearchPanel", "Notes"),
        "assessment.rationale": QCoreApplication.translate("SearchPanel", "Rationale"),
        "clarification.question": QCoreApplication.translate("SearchPanel", "Question"),
        "clarification.answer": QCoreApplication.translate("SearchPanel", "Answer"),
        "finding.text": QCoreApplication.translate("SearchPanel", "Finding"),
        "finding.recommendation": QCoreApplication.translate("SearchPanel", "Recommendation"),
    }
    return names.get(kind, kind)


class SearchPanel(QWidget):
    """The hits of what is typed in ``field`` (which the owner places)."""

    active = Signal(bool)  # whether there is something to search for
    hit_chosen = Signal(str, str)  # session id, indicator code ("" for the session)

    SESSION, INDICATOR, KIND, TEXT = range(4)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search everything written…"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self.search_now)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.search_now)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.results = QTreeWidget()
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setHeaderLabels(
            [self.tr("Session"), self.tr("Indicator"), self.tr("Where"), self.tr("Text")]
        )
        self.results.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def _typed(self, text: str) -> None:
        self.active.emit(bool(text.strip()))
        self._pause.start()

    def search_now(self) -> None:
        self._pause.stop()
        words = self.field.text().strip()
        self.results.clear()
        if not words:
            return
        try:
            hits = search_notes(self._ctx, words, LIMIT)
        except ServiceError as error:
            self.summary.setText(str(error))
            return
        self.results.addTopLevelItems([self._item(hit) for hit in hits])
        for column in (self.SESSION, self.INDICATOR, self.KIND):
            self.results.resizeColumnToContents(column)
        if not hits:
            self.summary.setText(self.tr("Nothing written matches “%1”.").replace("%1", words))
        elif len(hits) < LIMIT:
            self.summary.setText(self.tr("%n place(s), best matches first.", "", len(hits)))
        else:
            self.summary.setText(self.tr("The first %n places, best matches first.", "", len(hits)))

    def _item(self, hit: SearchHit) -> QTreeWidgetItem:
        excerpt = " ".join(hit.excerpt.split())  # one line per hit
        item = QTreeWidgetItem(
            [f"{hit.region} · {hit.year}", hit.indicator_code or "—", kind_name(hit.kind), excerpt]
        )
        item.setToolTip(self.TEXT, hit.excerpt)
        item.setData(self.SESSION, Qt.ItemDataRole.UserRole, hit.session_id)
        item.setData(self.INDICATOR, Qt.ItemDataRole.UserRole, hit.indicator_code or "")
        return item

    def _chosen(self, item: QTreeWidgetItem, _column: int) -> None:
        self.hit_chosen.emit(
            item.data(self.SESSION, Qt.ItemDataRole.UserRole),
            item.data(self.INDICATOR, Qt.ItemDataRole.UserRole),
        )
