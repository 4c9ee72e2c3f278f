"""Preferences: one INI file, defaults when missing or damaged, a change seen at once."""

from __future__ import annotations

from evaluator_app import preferences


def test_defaults_then_written_values_then_changed_values_are_read() -> None:
    assert preferences.read(preferences.LANGUAGE) == "id"
    assert preferences.read_int(preferences.KEEP_BACKUPS) == 10
    preferences.write_many({preferences.LANGUAGE: "en", preferences.KEEP_BACKUPS: "3"})
    assert preferences.read(preferences.LANGUAGE) == "en"
    for value in ("id", "en", "id"):  # rewritten within the same instant: still seen
        preferences.write(preferences.LANGUAGE, value)
        assert preferences.read(preferences.LANGUAGE) == value
    assert preferences.read_int(preferences.KEEP_BACKUPS) == 3


def test_a_damaged_or_odd_file_means_the_defaults() -> None:
    path = preferences.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe not [an ini")
    assert preferences.read(preferences.LANGUAGE) == "id"
    path.write_text("[data]\nkeep_automatic_backups = many\n", encoding="utf-8")
    assert preferences.read_int(preferences.KEEP_BACKUPS, minimum=1) == 10
