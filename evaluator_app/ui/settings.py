"""The user's settings, declared once with their defaults (QSettings underneath)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    default: str


LANGUAGE = Setting("interface/language", "id")  # applied at the next start
LANGUAGES = ("id", "en")


def read(setting: Setting) -> str:
    value = QSettings().value(setting.key, setting.default)
    return str(value) if value is not None else setting.default


def write(setting: Setting, value: str) -> None:
    settings = QSettings()
    settings.setValue(setting.key, value)
    settings.sync()
