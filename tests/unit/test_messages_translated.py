"""Every message of the core and the command line has a finished Indonesian translation.

The strings are those marked with ``_()``, ``ngettext()`` or ``N_()`` in
``evaluator_app/`` outside ``ui/`` (the window uses Qt's own .ts file); the
translations are in ``resources/translations/messages_id.po``.  No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import evaluator_app
from evaluator_app import i18n

PACKAGE = Path(evaluator_app.__file__).parent
PO_FILE = i18n.catalogue_path("id")
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}
FIX = "extract with `pybabel extract` and translate as resources/translations/README.md says"

MessageId = str | tuple[str, str]


def source_messages() -> dict[MessageId, str]:
    """Each marked string and the first place it appears."""
    found: dict[MessageId, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        PACKAGE,
        method_map=[("ui/**.py", "ignore"), ("**.py", "python")],
        keywords=KEYWORDS,
    ):
        key = message if isinstance(message, str) else (message[0], message[1])
        found.setdefault(key, f"{filename}:{lineno}")
    return found


def catalogue() -> dict[MessageId, tuple[tuple[str, ...], bool]]:
    """msgid -> (msgstr forms, fuzzy) as the .po holds them."""
    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle, locale="id")
    out: dict[MessageId, tuple[tuple[str, ...], bool]] = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else (message.id[0], message.id[1])
        strings = (message.string,) if isinstance(message.string, str) else tuple(message.string)
        out[key] = (strings, message.fuzzy)
    return out


def placeholders(text: str) -> set[str]:
    """Names of the ``{name}``, ``{name!r}``, ``{n:>4}`` fields; ``{{`` is a literal brace."""
    return set(re.findall(r"(?<!\{)\{(\w+)[^{}]*\}", text.replace("{{", "").replace("}}", "")))


def _sources(key: MessageId) -> Iterator[str]:
    yield from (key,) if isinstance(key, str) else key


def test_the_core_marks_its_messages() -> None:
    # A sanity check on the extraction itself: it must see the core and the CLI.
    found = source_messages()
    assert len(found) > 300
    assert "the passphrase must not be empty" in found
    assert any(place.startswith("cli") for place in found.values())
    assert not any(place.startswith("ui") for place in found.values())


def test_every_message_has_a_finished_translation() -> None:
    translated = catalogue()
    problems = []
    for key, place in source_messages().items():
        if key not in translated:
            problems.append(f"missing from the .po: {key!r} ({place})")
            continue
        strings, fuzzy = translated[key]
        if fuzzy:
            problems.append(f"fuzzy: {key!r} ({place})")
        elif not all(s.strip() for s in strings):
            problems.append(f"untranslated: {key!r} ({place})")
    assert not problems, "\n".join([*problems, FIX])


def test_no_stale_translations() -> None:
    in_code = source_messages()
    stale = [key for key in catalogue() if key not in in_code]
    assert not stale, "\n".join([*(f"no longer in the code: {k!r}" for k in stale), FIX])


def test_translations_keep_the_placeholders() -> None:
    problems = []
    for key, (strings, _fuzzy) in catalogue().items():
        wanted = set().union(*(placeholders(s) for s in _sources(key)))
        for text in strings:
            if text and placeholders(text) != wanted:
                problems.append(f"{key!r}: {sorted(placeholders(text))} != {sorted(wanted)}")
    assert not problems, "\n".join(problems)


def fields(text: str) -> set[str]:
    """Whole replacement fields with their conversion and spec: ``{code!r}``, ``{n:>4}``."""
    return set(re.findall(r"\{\w+[^{}]*\}", text.replace("{{", "").replace("}}", "")))


def test_translations_keep_conversions_and_specs() -> None:
    # Same names are not enough: {code} for {code!r} or a lost :>4 changes what people read.
    problems = []
    for key, (strings, _fuzzy) in catalogue().items():
        wanted = set().union(*(fields(s) for s in _sources(key)))
        for text in strings:
            if text and fields(text) != wanted:
                problems.append(f"{key!r}: {sorted(fields(text))} != {sorted(wanted)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("id_ID", "id"), ("en-US", "en"), ("EN", "en"), ("fr", "id"), ("", "id")],
)
def test_language_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: str
) -> None:
    monkeypatch.setenv(i18n.ENV_VAR, value)
    assert i18n.language() == expected


def test_language_from_the_preferences_when_the_environment_is_silent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from evaluator_app import preferences

    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    assert i18n.language() == "id"
    preferences.write(preferences.LANGUAGE, "en")
    assert i18n.language() == "en"
    assert i18n._("the passphrase must not be empty") == "the passphrase must not be empty"


def test_messages_follow_the_language_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV_VAR, "id")
    assert i18n._("the passphrase must not be empty") == "frasa sandi tidak boleh kosong"
    assert i18n.ngettext("{n} session", "{n} sessions", 3).format(n=3) == "3 sesi"
    assert i18n._("a string nobody translated") == "a string nobody translated"
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert i18n._("the passphrase must not be empty") == "the passphrase must not be empty"
    assert i18n.ngettext("{n} session", "{n} sessions", 1).format(n=1) == "1 session"


def test_a_core_error_speaks_indonesian_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from evaluator_app.services.errors import InvalidInput
    from evaluator_app.services.sessions import SessionDetails, _check_details

    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    with pytest.raises(InvalidInput, match="tahun 1999 di luar rentang 2000–2100"):
        _check_details(SessionDetails(region="Kota Uji", year=1999))


def test_numbers_and_dates_follow_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt
    from decimal import Decimal

    monkeypatch.setenv(i18n.ENV_VAR, "id")
    assert i18n.format_number(Decimal("2.80")) == "2,80"
    assert i18n.format_number(2.834, places=2) == "2,83"
    assert i18n.format_date(dt.date(2026, 11, 28), "long") == "28 November 2026"
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert i18n.format_number(Decimal("2.80")) == "2.80"
    assert i18n.format_date(dt.date(2026, 11, 28), "long") == "November 28, 2026"


def test_a_fuzzy_or_empty_entry_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    po = tmp_path / "translations" / "messages_id.po"
    po.parent.mkdir()
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\n'
        '#, fuzzy\nmsgid "alpha"\nmsgstr "alfa"\n\n'
        'msgid "beta"\nmsgstr ""\n\n'
        'msgid "gamma"\nmsgstr "gama"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path)
    monkeypatch.setenv(i18n.ENV_VAR, "id")
    i18n.clear_cache()
    try:
        assert [i18n._(m) for m in ("alpha", "beta", "gamma")] == ["alpha", "beta", "gama"]
    finally:
        i18n.clear_cache()


def test_a_pinned_language_holds_until_let_go(monkeypatch: pytest.MonkeyPatch) -> None:
    from evaluator_app import preferences

    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    i18n.pin_language("en")
    try:
        preferences.write(preferences.LANGUAGE, "id")  # chosen while the window runs
        assert i18n.language() == "en"
        monkeypatch.setenv(i18n.ENV_VAR, "id")
        assert i18n.language() == "id"
    finally:
        i18n.pin_language(None)
    monkeypatch.delenv(i18n.ENV_VAR)
    assert i18n.language() == "id"


def _entries(mo: bytes) -> dict[MessageId, object]:
    from io import BytesIO

    from babel.messages.mofile import read_mo

    catalog = read_mo(BytesIO(mo))
    return {
        (m.id if isinstance(m.id, str) else (m.id[0], m.id[1])): m.string for m in catalog if m.id
    }


def test_the_shipped_compiled_catalogue_is_the_po_compiled() -> None:
    fresh = _entries(i18n.compile_catalogue(PO_FILE, "id"))
    assert i18n.compiled_path("id").is_file(), "run python tools/compile_messages.py"
    shipped = _entries(i18n.compiled_path("id").read_bytes())
    stale = sorted(
        str(key) for key in fresh.keys() | shipped.keys() if fresh.get(key) != shipped.get(key)
    )
    assert stale == [], f"{len(stale)} entries differ: run python tools/compile_messages.py"
    assert len(shipped) > 500


def test_without_the_compiled_catalogue_the_po_is_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shipped = i18n.compiled_path("id").read_bytes()
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / PO_FILE.name).write_bytes(PO_FILE.read_bytes())
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path)
    monkeypatch.setenv(i18n.ENV_VAR, "id")
    i18n.clear_cache()
    try:
        assert i18n._("permission denied") == "akses ditolak"
        (folder / PO_FILE.name).write_text('msgid ""\nmsgstr ""\n"Language: id\\n"\n')
        (folder / "messages_id.mo").write_bytes(shipped)
        i18n.clear_cache()
        assert i18n._("permission denied") == "akses ditolak"  # from the .mo
    finally:
        i18n.clear_cache()


@pytest.mark.parametrize(
    ("size", "indonesian", "english"),
    [
        (1, "1 bita", "1 byte"),
        (999, "999 bita", "999 bytes"),
        (123_921, "124 KB", "124 KB"),
        (1_400_000, "1,4 MB", "1.4 MB"),
        (200_000_000, "200 MB", "200 MB"),
        (5_300_000_000, "5,3 GB", "5.3 GB"),
    ],
)
def test_sizes_are_written_as_people_read_them(
    monkeypatch: pytest.MonkeyPatch, size: int, indonesian: str, english: str
) -> None:
    monkeypatch.setenv(i18n.ENV_VAR, "id")
    assert i18n.format_size(size) == indonesian
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert i18n.format_size(size) == english
