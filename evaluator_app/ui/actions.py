"""Every command of the session window, its shortcut and its label, declared once.

The window builds QActions from this table; Help → Keyboard shortcuts lists it,
so the list people read is the list the window obeys.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence


class Command(Enum):
    UNDO = "undo"
    REDO = "redo"
    NEXT = "next"
    PREVIOUS = "previous"
    NEXT_OPEN = "next_open"
    PREVIOUS_OPEN = "previous_open"
    ADD_QUESTION = "add_question"
    SEARCH = "search"
    FULL_SCREEN = "full_screen"
    PRESENTER = "presenter"
    ATTENDANCE = "attendance"
    FINDINGS = "findings"
    INDICATOR = "indicator"
    DASHBOARD = "dashboard"
    CLOSE = "close"
    SESSIONS = "sessions"
    EXPORT_DRAFT = "export_draft"
    SIGN_OFF = "sign_off"
    EXPORT_SIGNED = "export_signed"
    REOPEN = "reopen"
    SHORTCUTS = "shortcuts"
    EXPORT_BUNDLE = "export_bundle"
    IMPORT_BUNDLE = "import_bundle"


@dataclass(frozen=True)
class ActionSpec:
    label: object  # English source text (QT_TRANSLATE_NOOP), translated in "Actions"
    keys: tuple[str, ...]  # portable QKeySequence strings; first is shown


SPECS: dict[Command, ActionSpec] = {
    Command.UNDO: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Undo"), ("Ctrl+Z",)),
    Command.REDO: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
    Command.NEXT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Next indicator"), ("Ctrl+Down",)),
    Command.PREVIOUS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Previous indicator"), ("Ctrl+Up",)),
    Command.NEXT_OPEN: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Next indicator not yet settled"), ("Ctrl+Shift+Down",)
    ),
    Command.PREVIOUS_OPEN: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Previous indicator not yet settled"), ("Ctrl+Shift+Up",)
    ),
    Command.ADD_QUESTION: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Add a clarification"), ("Ctrl+Return", "Ctrl+Enter")
    ),
    Command.SEARCH: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Search indicators"), ("Ctrl+F",)),
    Command.FULL_SCREEN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Full screen"), ("F11",)),
    Command.PRESENTER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Presenter view for the projector"), ("F5",)
    ),
    Command.INDICATOR: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Show the indicator"), ("Ctrl+1",)),
    Command.ATTENDANCE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Show attendance"), ("Ctrl+2",)),
    Command.FINDINGS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Show all findings"), ("Ctrl+3",)),
    Command.DASHBOARD: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Show the dashboard"), ("Ctrl+4",)),
    Command.CLOSE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Close the session"), ("Ctrl+W",)),
    Command.SESSIONS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Show the list of sessions"), ("Ctrl+O",)
    ),
    Command.EXPORT_DRAFT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export draft minutes…"), ("Ctrl+P",)
    ),
    Command.SIGN_OFF: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Sign off…"), ("Ctrl+Shift+S",)),
    Command.EXPORT_SIGNED: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export signed minutes…"), ("Ctrl+Shift+P",)
    ),
    Command.REOPEN: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Reopen for amendment…"), ("Ctrl+Shift+R",)
    ),
    Command.EXPORT_BUNDLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export a bundle for another laptop…"), ("Ctrl+Shift+E",)
    ),
    Command.IMPORT_BUNDLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import a bundle from another laptop…"), ("Ctrl+Shift+I",)
    ),
    Command.SHORTCUTS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts"), ("F1",)),
}

LEVEL_KEYS_LABEL = QT_TRANSLATE_NOOP("Actions", "Set the agreed level")


def label(command: Command) -> str:
    return QCoreApplication.translate("Actions", str(SPECS[command].label))


def key_sequences(command: Command) -> list[QKeySequence]:
    return [QKeySequence(key) for key in SPECS[command].keys]


def shortcut_table(levels: list[int]) -> list[tuple[str, str]]:
    """(keys as people read them, what they do), for Help → Keyboard shortcuts."""
    rows = [
        (
            " / ".join(
                QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
                for key in SPECS[c].keys
            ),
            label(c),
        )
        for c in Command
    ]
    if levels:
        keys = f"{levels[0]} … {levels[-1]}"
        rows.insert(0, (keys, QCoreApplication.translate("Actions", str(LEVEL_KEYS_LABEL))))
    return rows


def settings_action(parent: QObject) -> QAction:
    """ "Settings…" for a window's menu: the platform's Preferences key, and Ctrl+, where
    the platform has none; on macOS it moves to the application menu."""
    action = QAction(QCoreApplication.translate("SettingsDialog", "&Settings…"), parent)
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    action.setShortcuts(keys or [QKeySequence("Ctrl+,")])
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    return action
