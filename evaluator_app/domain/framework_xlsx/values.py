"""Cell values as a careful person means them.

Texts lose surrounding spaces (also non-breaking ones, which pasting from a
word processor brings in); numbers may be typed as text, with a decimal comma
or point; a date where a code or a text was meant is refused, because the
spreadsheet changed what was typed.  Each converter returns the value, or
raises ``CellValueError`` with a message that names no cell (the caller knows
the cell).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from evaluator_app.domain.framework_xlsx.layout import NO, YES, fold
from evaluator_app.i18n import _

CellValue = str | int | float | bool | dt.datetime | dt.date | dt.time | None


class CellValueError(ValueError):
    """The cell holds something that cannot be used here."""


# Spaces a spreadsheet or a word processor may bring in, and invisible characters.
_SPACES = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\t": " "})
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def _date_refused(value: CellValue) -> None:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        midnight = isinstance(value, dt.datetime) and value.time() == dt.time()
        shown = value.date().isoformat() if midnight else value.isoformat()  # type: ignore[union-attr]
        raise CellValueError(
            _(
                "the spreadsheet turned what was typed into a date or time "
                "({shown}): format the cell as Text and type it again"
            ).format(shown=shown)
        )


def _number_text(value: int | float) -> str:
    # A spreadsheet keeps 15 significant digits; beyond them is binary noise
    # (0.1 * 3 is 0.30000000000000004).
    if isinstance(value, int):
        return str(value)
    text = format(value, ".15g")
    if "e" in text:
        text = format(Decimal(text), "f")
    return text


def text(value: CellValue) -> str | None:
    """A text; None when the cell is empty or holds only spaces."""
    if value is None:
        return None
    _date_refused(value)
    if isinstance(value, bool):
        raw = "TRUE" if value else "FALSE"
    elif isinstance(value, (int, float)):
        raw = _number_text(value)
    else:
        raw = str(value)
    raw = _INVISIBLE.sub("", raw.translate(_SPACES)).replace("\r\n", "\n").replace("\r", "\n")
    cleaned = "\n".join(line.rstrip() for line in raw.split("\n")).strip()
    return cleaned or None


def lines(value: CellValue) -> list[str]:
    """One item per line of the cell; blank lines are left out."""
    whole = text(value)
    return [line.strip() for line in whole.split("\n") if line.strip()] if whole else []


def number(value: CellValue) -> Decimal | None:
    """A decimal number, typed as a number or as text (``1,5``, ``1.5``, ``10%``)."""
    if value is None:
        return None
    _date_refused(value)
    if isinstance(value, bool):
        raise CellValueError(
            _("{value} is not a number").format(value="TRUE" if value else "FALSE")
        )
    if isinstance(value, (int, float)):
        if isinstance(value, float) and value != value:  # NaN
            raise CellValueError(_("not a number"))
        return Decimal(_number_text(value))
    shown = text(value)
    if shown is None:
        return None
    typed = shown.replace(" ", "")
    percent = typed.endswith("%")
    typed = typed.removesuffix("%")
    if typed.count(",") == 1 and "." not in typed:
        typed = typed.replace(",", ".")  # the Indonesian decimal comma
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", typed):
        raise CellValueError(
            _("{shown!r} is not a number (write it like 1.5 or 1,5)").format(shown=shown)
        )
    try:
        result = Decimal(typed)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise CellValueError(_("{shown!r} is not a number").format(shown=shown)) from None
    return result / 100 if percent else result


def integer(value: CellValue) -> int | None:
    """A whole number (a level of the scale)."""
    result = number(value)
    if result is None:
        return None
    if result != result.to_integral_value():
        raise CellValueError(_("{text!r} is not a whole number").format(text=text(value)))
    return int(result)


def boolean(value: CellValue) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    shown = text(value)
    if shown is None:
        return None
    folded = fold(shown)
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise CellValueError(_("{shown!r} is neither yes (ya) nor no (tidak)").format(shown=shown))


def choice(value: CellValue, allowed: tuple[str, ...]) -> str | None:
    """One of ``allowed``; case, spaces and hyphens do not matter (``Quick win``)."""
    shown = text(value)
    if shown is None:
        return None
    wanted = re.sub(r"[\s-]+", "_", fold(shown))
    for option in allowed:
        if wanted in (option, f"{option}s"):
            return option
    raise CellValueError(
        _("{shown!r} is not one of: {allowed}").format(shown=shown, allowed=", ".join(allowed))
    )
