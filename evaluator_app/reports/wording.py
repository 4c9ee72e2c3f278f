"""Dates, times and numbers as the documents write them (Babel and num2words).

Indonesian minutes write the meeting date twice: in figures and spelled out
("Selasa, tanggal dua puluh sembilan bulan Oktober tahun dua ribu dua puluh
empat"); both come from the locale data, not from tables of our own.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from num2words import num2words

from evaluator_app.domain.scoring import for_display
from evaluator_app.i18n import _
from evaluator_app.reports.errors import ReportError
from evaluator_app.reports.texts import Texts

# English documents from Indonesia write day before month, as British English does.
_LOCALES = {"id": "id", "en": "en_GB"}


def _locale(language: str) -> str:
    return _LOCALES.get(language, language)


def long_date(value: dt.date, language: str) -> str:
    """'29 Oktober 2024' / '29 October 2024'."""
    return format_date(value, "d MMMM y", locale=_locale(language))


def day_name(value: dt.date, language: str) -> str:
    """'Selasa' / 'Tuesday'."""
    return format_date(value, "EEEE", locale=_locale(language))


def date_in_words(value: dt.date, texts: Texts) -> str:
    """'tanggal dua puluh sembilan bulan Oktober tahun dua ribu dua puluh empat'."""
    language = texts.language
    month = format_date(value, "MMMM", locale=_locale(language))
    if language == "en":
        day = num2words(value.day, lang="en", to="ordinal")
        year = num2words(value.year, lang="en")
    else:
        day = num2words(value.day, lang=language)
        year = num2words(value.year, lang=language)
    return texts.plain("date_words", day=day, month=month, year=year)


def zone_of(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ReportError(
            _("snapshot session.timezone: unknown time zone {name!r}").format(name=name)
        ) from None


def local_moment(moment: dt.datetime, timezone: str | None) -> dt.datetime:
    """A stored (UTC) moment as the clock read in the meeting's time zone."""
    return moment.astimezone(zone_of(timezone))


def clock_time(moment: dt.datetime, language: str) -> str:
    """'09.00 WIB' / '09:00 Western Indonesia Time' for an aware local moment."""
    if language == "id":
        # Indonesian writes hours and minutes with a dot and the zone as WIB/WITA/WIT.
        return format_datetime(moment, "HH.mm z", locale="id")
    return format_datetime(moment, "HH:mm zzzz", locale=_locale(language))


def score_text(value: Decimal | None, texts: Texts) -> str:
    """A score half-up to two places with the language's decimal sign ('2,83' / '2.83')."""
    if value is None:
        return texts.plain("nothing")
    return format_decimal(for_display(value), "0.00", locale=_locale(texts.language))


def count_text(value: int, language: str) -> str:
    return format_decimal(value, locale=_locale(language))


def place_of(region: str) -> str:
    """Where the minutes are dated: the region's name without 'Kota'/'Kabupaten' or notes.

    'Kota Tirtamaya (fiktif)' -> 'Tirtamaya'.
    """
    name = re.sub(r"\s*\([^)]*\)", "", region).strip()
    name = re.sub(r"^(Kota|Kabupaten|Kab\.)\s+", "", name, flags=re.IGNORECASE)
    return name or region
