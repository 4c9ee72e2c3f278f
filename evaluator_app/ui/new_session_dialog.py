"""A new evaluation session: framework, region, stage, year, when and where.

Everything but the region has a sensible default (the newest framework,
stage II, this year, today at 09.00 WIB, the evidence due the day after). A
refusal is shown inside the dialog, which stays open with everything typed, so
nothing has to be typed twice. When the region has an earlier session on this
laptop, its attendance is offered for copying.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.domain.framework import Framework
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.frameworks import catalogue
from evaluator_app.services.operation import Context
from evaluator_app.services.participants import copy_attendance
from evaluator_app.services.sessions import (
    SessionDetails,
    SessionRow,
    create_session,
    list_sessions,
)
from evaluator_app.ui.attendance import PROBLEM_STYLE
from evaluator_app.ui.labels import date_label, stage_label

# Indonesia's three zones, west to east, by the abbreviations people use.
TIME_ZONES = (("WIB", "Asia/Jakarta"), ("WITA", "Asia/Makassar"), ("WIT", "Asia/Jayapura"))
MEETING_STARTS = QTime(9, 0)


def _version_key(version: str) -> list[tuple[int, int | str]]:
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-]", version)]


def newest_first(frameworks: list[Framework]) -> list[Framework]:
    """By version, newest first (framework versions are years: 2024.1 before 2022.1)."""
    by_title = sorted(frameworks, key=lambda f: f.title.id.casefold())
    return sorted(by_title, key=lambda f: _version_key(f.version), reverse=True)


class NewSessionDialog(QDialog):
    """Creates a session on accept; ``created_id`` is then its id (None before)."""

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, *, language: str = "id"
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._language = language
        self.created_id: str | None = None
        self.copied: int | None = None  # people copied from the earlier session, if asked
        self.copy_refusal: str | None = None  # why copying them failed, if it did
        self._zone_chosen = False  # once people pick a zone, a region does not change it
        self._sessions: list[SessionRow] = list_sessions(ctx)
        self._earlier: SessionRow | None = None
        self.setWindowTitle(self.tr("New evaluation session"))

        self.framework = QComboBox()
        self.framework_note = QLabel()
        self.framework_note.setWordWrap(True)
        found = catalogue(ctx.store.data_dir)
        self.frameworks = newest_first([entry.framework for entry in found.entries])
        italic = QFont(self.framework.font())
        italic.setItalic(True)
        for framework in self.frameworks:
            self.framework.addItem(f"{framework.title.get(language)} ({framework.version})")
            if framework.illustrative:  # in italics, and the note below says what it means
                self.framework.setItemData(
                    self.framework.count() - 1, italic, Qt.ItemDataRole.FontRole
                )
            if framework.description is not None:
                self.framework.setItemData(
                    self.framework.count() - 1,
                    framework.description.get(language),
                    Qt.ItemDataRole.ToolTipRole,
                )
        self.framework.currentIndexChanged.connect(self._framework_chosen)
        self.broken_note = QLabel()
        self.broken_note.setWordWrap(True)
        if found.broken:
            self.broken_note.setText(
                self.tr("%1 framework file(s) could not be read and are not offered.").replace(
                    "%1", str(len(found.broken))
                )
            )
            self.broken_note.setToolTip("\n\n".join(str(error) for error in found.broken))
        self.broken_note.setVisible(bool(found.broken))

        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("e.g. Kota Bandung, Kabupaten Sleman"))
        regions = sorted({s.region for s in self._sessions}, key=str.casefold)
        completer = QCompleter(regions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.region.setCompleter(completer)
        self.region.textChanged.connect(self._region_changed)

        self.stage = QComboBox()
        for stage in (1, 2):
            self.stage.addItem(stage_label(stage), stage)
        self.stage.setCurrentIndex(1)
        today = QDate.currentDate()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year())

        self.starts = QDateTimeEdit(QDateTime(today, MEETING_STARTS))
        self.starts.setCalendarPopup(True)
        time_format = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
        self.starts.setDisplayFormat(f"dddd, d MMMM yyyy  {time_format}")
        self.starts.dateChanged.connect(self._meeting_date_changed)
        self._meeting_date = today
        self.zone = QComboBox()
        for short, zone in TIME_ZONES:
            self.zone.addItem(f"{short} ({zone})", zone)
        self.zone.activated.connect(self._zone_activated)

        self.venue = QLineEdit()
        self.venue.setPlaceholderText(self.tr("e.g. Ruang Rapat Utama Balai Kota"))
        self.deadline = QDateEdit(today.addDays(1))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dddd, d MMMM yyyy")

        self.copy_attendance = QCheckBox()
        self.copy_attendance.setChecked(True)
        self.copy_attendance.hide()

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Framework:"), self.framework)
        form.addRow("", self.framework_note)
        form.addRow("", self.broken_note)
        form.addRow(self.tr("&Region:"), self.region)
        form.addRow("", self.copy_attendance)
        form.addRow(self.tr("&Stage:"), self.stage)
        form.addRow(self.tr("&Year:"), self.year)
        form.addRow(self.tr("&Date and time:"), self.starts)
        form.addRow(self.tr("&Time zone:"), self.zone)
        form.addRow(self.tr("&Venue:"), self.venue)
        form.addRow(self.tr("&Evidence due:"), self.deadline)

        self.buttons = QDialogButtonBox()
        # Own texts: Qt ships no Indonesian translation of its standard buttons.
        self.create_button = self.buttons.addButton(
            self.tr("&Create session"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        if not self.frameworks:
            self._show_problem(
                self.tr(
                    "No framework is installed: put a framework file in %1 and open this again."
                ).replace("%1", str(ctx.store.data_dir / "frameworks"))
            )
            self.create_button.setEnabled(False)
        self._framework_chosen(self.framework.currentIndex())
        self.region.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.region.setFocus()  # the one field without a default

    # --- keeping the defaults consistent -----------------------------------------------

    def _framework_chosen(self, index: int) -> None:
        framework = self.frameworks[index] if 0 <= index < len(self.frameworks) else None
        if framework is None or not framework.illustrative:
            self.framework_note.hide()
            return
        self.framework_note.setText(
            self.tr("Illustrative: written for training and testing, not the official instrument.")
        )
        self.framework_note.show()

    def _meeting_date_changed(self, date: QDate) -> None:
        # The deadline and the year follow the meeting unless people set them otherwise.
        if self.deadline.date() == self._meeting_date.addDays(1):
            self.deadline.setDate(date.addDays(1))
        if self.year.value() == self._meeting_date.year():
            self.year.setValue(date.year())
        self._meeting_date = date

    def _zone_activated(self, _index: int) -> None:
        self._zone_chosen = True

    def _region_changed(self, text: str) -> None:
        region = text.strip().casefold()
        earlier = next((s for s in self._sessions if s.region.casefold() == region), None)
        if earlier is not None and earlier == self._earlier:
            return
        self._earlier = earlier
        if earlier is None:
            self.copy_attendance.hide()
            return
        local = earlier.local_start
        self.copy_attendance.setText(
            self.tr("Copy the attendance of the latest session of %1 (%2, stage %3)")
            .replace("%1", earlier.region)
            .replace("%2", date_label(local.date()) if local else str(earlier.year))
            .replace("%3", stage_label(earlier.stage))
        )
        self.copy_attendance.show()
        if not self._zone_chosen:  # the region's clock, as it was last time
            self.zone.setCurrentIndex(max(self.zone.findData(earlier.timezone), 0))

    @property
    def earlier_session(self) -> SessionRow | None:
        """The latest session of the region typed, whose attendance may be copied."""
        return self._earlier

    # --- creating ----------------------------------------------------------------

    def details(self) -> SessionDetails:
        """The session as filled in so far."""
        zone = self.zone.currentData()
        date = self.starts.date()
        time = self.starts.time()
        starts_at = dt.datetime(
            date.year(), date.month(), date.day(), time.hour(), time.minute(), tzinfo=ZoneInfo(zone)
        )
        deadline = self.deadline.date()
        return SessionDetails(
            region=self.region.text().strip(),
            stage=self.stage.currentData(),
            year=self.year.value(),
            starts_at=starts_at,
            timezone=zone,
            venue=self.venue.text().strip(),
            evidence_deadline=dt.date(deadline.year(), deadline.month(), deadline.day()),
        )

    def accept(self) -> None:
        """Create the session; on a refusal say why and stay open."""
        if self.created_id is not None:  # a second click while closing
            super().accept()
            return
        index = self.framework.currentIndex()
        if not 0 <= index < len(self.frameworks):
            return
        details = self.details()
        if not details.region:
            self._show_problem(self.tr("Type the region (city or regency) first."))
            self.region.setFocus()
            return
        framework = self.frameworks[index]
        try:
            self.created_id = create_session(
                self._ctx, framework.id, details, framework_version=framework.version
            )
        except ServiceError as error:
            self._show_problem(self.tr("The session was not created: %1").replace("%1", str(error)))
            return
        if self._earlier is not None and self.copy_attendance.isChecked():
            try:
                self.copied = copy_attendance(self._ctx, self._earlier.id, self.created_id)
            except ServiceError as error:
                # The session exists: closing keeps people from creating it twice; the
                # attendance tab offers the copy again.
                self.copy_refusal = str(error)
        super().accept()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
