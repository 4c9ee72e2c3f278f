"""Settings the command line and the window share, kept in the data folder.

A small JSON file (``config.json``); the window's own preferences (language,
window sizes) live in QSettings instead.  Unknown keys are kept as they are.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluator_app.i18n import _
from evaluator_app.services.errors import InvalidInput

CONFIG_FILE = "config.json"


@dataclass(frozen=True)
class Option:
    key: str
    default: str
    help: str


# {seq}: this year's running number; {region}: region code (letters of the
# region's name); {month}: month in Roman numerals; {year}: the session's year.
DOCUMENT_NUMBER = Option(
    "document_number_pattern",
    "{seq:03d}/BA-EV/{region}/{month}/{year}",
    "pattern of the minutes' number",
)
# Whether the minutes list each evaluator's rating and their spread per indicator
# (else the agreed level only); ``export --with-ratings`` overrides it for once.
MINUTES_SHOW_RATINGS = Option(
    "minutes_show_ratings",
    "false",
    "list the evaluators' ratings in the minutes (true or false)",
)
OPTIONS = {option.key: option for option in (DOCUMENT_NUMBER, MINUTES_SHOW_RATINGS)}
FLAGS = (MINUTES_SHOW_RATINGS,)  # options that are true or false

_TRUE = ("true", "yes", "on", "1", "ya")
_FALSE = ("false", "no", "off", "0", "tidak")


def _path(data_dir: Path) -> Path:
    return data_dir / CONFIG_FILE


def _read_all(data_dir: Path) -> dict[str, Any]:
    path = _path(data_dir)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidInput(
            _("{path} cannot be read ({error}); fix or remove it").format(path=path, error=error)
        ) from None
    return data if isinstance(data, dict) else {}


def read_option(data_dir: Path, option: Option) -> str:
    value = _read_all(data_dir).get(option.key)
    return value if isinstance(value, str) and value.strip() else option.default


def read_flag(data_dir: Path, option: Option) -> bool:
    """A true-or-false option; a value that is neither reads as the default."""
    value = read_option(data_dir, option).strip().casefold()
    if value in _TRUE or value in _FALSE:
        return value in _TRUE
    return option.default in _TRUE


def write_option(data_dir: Path, option: Option, value: str) -> None:
    if option is DOCUMENT_NUMBER:
        check_number_pattern(value)
    if option in FLAGS:
        value = _flag_text(option, value)
    data = _read_all(data_dir)
    data[option.key] = value
    data_dir.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".config-", dir=data_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=2, sort_keys=True)
        out.flush()
        os.fsync(out.fileno())
    Path(temp).replace(_path(data_dir))


def check_number_pattern(pattern: str) -> None:
    try:
        pattern.format(seq=1, region="KOTA", month="X", year=2024)
    except (KeyError, IndexError, ValueError) as error:
        raise InvalidInput(
            _(
                "the number pattern {pattern!r} does not work ({error}); it "
                "may use {{seq}}, {{seq:03d}}, {{region}}, {{month}} and "
                "{{year}}"
            ).format(pattern=pattern, error=error)
        ) from None


def _flag_text(option: Option, value: str) -> str:
    word = value.strip().casefold()
    if word in _TRUE:
        return "true"
    if word in _FALSE:
        return "false"
    raise InvalidInput(
        _("{key} is true or false, not {value!r}").format(key=option.key, value=value)
    )
