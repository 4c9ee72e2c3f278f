"""Messages of the core and the command line, in the user's language (no Qt).

Source strings are English and marked in the code:

* ``_("indicator {code} has no level").format(code=code)`` translates now;
* ``ngettext("{n} problem", "{n} problems", n).format(n=n)`` picks the plural;
* ``N_("...")`` only marks a string kept in a table and translated where shown.

The Indonesian lives in ``resources/translations/messages_id.po`` (gettext, read
with Babel at run time, no compile step).  The language is looked up at each
call: ``EVALUATOR_LANG`` if set, else the saved preference, else Indonesian, so
the window (``ui/translations.py``) and the command line always agree.
"""

from __future__ import annotations

import datetime as dt
import decimal
import errno
import functools
import gettext
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

from evaluator_app.bundled import resources_dir

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

ENV_VAR = "EVALUATOR_LANG"
DEFAULT_LANGUAGE = "id"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("id", "en")
DOMAIN = "messages"


def _normalise(value: str) -> str:
    """``"id_ID"``, ``"en-US"``, ``"EN"`` -> ``"id"``, ``"en"``; unknown -> ``""``."""
    code = value.strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else ""


_pinned: str | None = None


def pin_language(lang: str | None) -> None:
    """Hold the language the window started in (None lets go).

    The window reads the preference once, at start; a preference changed while it
    runs applies at the next start, and the core's messages must wait for it too.
    ``EVALUATOR_LANG`` still comes first.
    """
    global _pinned
    _pinned = None if lang is None else (_normalise(lang) or DEFAULT_LANGUAGE)


def language() -> str:
    """``"id"`` or ``"en"``: ``EVALUATOR_LANG``, else the language pinned by the
    window, else the saved preference, else ``"id"``."""
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return _normalise(from_env) or DEFAULT_LANGUAGE
    if _pinned is not None:
        return _pinned
    from evaluator_app import preferences

    return _normalise(preferences.read(preferences.LANGUAGE)) or DEFAULT_LANGUAGE


def catalogue_path(lang: str) -> Path:
    return resources_dir() / "translations" / f"{DOMAIN}_{lang}.po"


def compiled_path(lang: str) -> Path:
    """The catalogue compiled (``.mo``), shipped beside the ``.po``: reading it is
    2 ms where parsing the ``.po`` with Babel was 40-65 ms of every start (issue 9)."""
    return catalogue_path(lang).with_suffix(".mo")


@functools.lru_cache(maxsize=4)
def _translations(lang: str) -> gettext.NullTranslations:
    """``lang``'s finished translations (cached): the ``.mo`` when shipped, else the
    ``.po`` compiled in memory (a checkout where the ``.mo`` is missing)."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    compiled = compiled_path(lang)
    if compiled.is_file():
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    source = catalogue_path(lang)
    if not source.is_file():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(compile_catalogue(source, lang)))


def compile_catalogue(source: Path, lang: str) -> bytes:
    """The ``.mo`` of a ``.po``: fuzzy and untranslated entries are left out, so that
    they show in English."""
    from babel.messages.mofile import write_mo

    with source.open("rb") as handle:
        catalog = read_catalogue(handle, lang)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def read_catalogue(handle: object, lang: str) -> Catalog:
    from babel.messages.pofile import read_po

    return read_po(handle, locale=lang, domain=DOMAIN)  # type: ignore[arg-type]


def clear_cache() -> None:
    """Forget the catalogues read so far (after the .po file changed)."""
    _translations.cache_clear()


def _(message: str) -> str:
    """``message`` in the current language; English when it has no finished translation."""
    if not message:
        return message  # gettext would give the catalogue's header
    return _translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` for ``n`` in the current language (the
    catalogue's plural rule: Indonesian has one form)."""
    return _translations(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks ``message`` for extraction; translate it with ``_()`` where it is shown."""
    return message


# The C library's words for an OSError are English whatever the language: the
# common ones are said here in ours, the rest left as the system says them.
_OS_REASONS = {
    "ENOENT": N_("no such file or folder"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("permission denied"),
    "ENOSPC": N_("the disk is full"),
    "EDQUOT": N_("the disk quota is used up"),
    "EROFS": N_("the disk is read-only"),
    "EEXIST": N_("it already exists"),
    "ENOTDIR": N_("a part of the path is a file, not a folder"),
    "EISDIR": N_("it is a folder, not a file"),
    "ENAMETOOLONG": N_("the name is too long"),
    "EIO": N_("the disk could not be read or written (input/output error)"),
    "EBUSY": N_("it is in use"),
    "ETXTBSY": N_("it is in use"),
}


def os_reason(error: OSError) -> str:
    """Why ``error`` happened, in the current language where we know the words."""
    name = errno.errorcode.get(error.errno or 0, "")
    if name in _OS_REASONS:
        return _(_OS_REASONS[name])
    return error.strerror or str(error)


def format_number(value: float | decimal.Decimal | int, places: int | None = None) -> str:
    """``2.83`` as ``"2,83"`` in Indonesian, ``"2.83"`` in English.

    ``places`` fixes the decimals shown (``2`` -> ``"3,00"``); None keeps the value's own.
    """
    from babel.numbers import format_decimal

    if places is None and isinstance(value, decimal.Decimal):
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places is None:
        return str(format_decimal(value, locale=language(), group_separator=False))
    pattern = "0." + "0" * places if places else "0"  # no grouping: scores and counts are small
    return str(format_decimal(value, format=pattern, locale=language(), decimal_quantization=True))


def format_size(size: int) -> str:
    """A file's size as people read it: ``"121 KB"``, ``"1,4 MB"`` (Indonesian)."""
    if size < 1000:
        return ngettext("{n} byte", "{n} bytes", size).format(n=size)
    for unit, scale in (("KB", 10**3), ("MB", 10**6), ("GB", 10**9)):
        if size < scale * 1000 or unit == "GB":
            value = size / scale
            return f"{format_number(value, places=1 if value < 10 else 0)} {unit}"
    raise AssertionError("unreachable")


def format_date(value: dt.date, style: str = "medium") -> str:
    """A date as the language writes it: ``"28 Nov 2026"``, ``"Nov 28, 2026"``."""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(value, format=style, locale=language()))
