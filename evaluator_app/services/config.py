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
OPTIONS = {DOCUMENT_NUMBER.key: DOCUMENT_NUMBER}


def _path(data_dir: Path) -> Path:
    return data_dir / CONFIG_FILE


def _read_all(data_dir: Path) -> dict[str, Any]:
    path = _path(data_dir)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidInput(f"{path} cannot be read ({error}); fix or remove it") from None
    return data if isinstance(data, dict) else {}


def read_option(data_dir: Path, option: Option) -> str:
    value = _read_all(data_dir).get(option.key)
    return value if isinstance(value, str) and value.strip() else option.default


def write_option(data_dir: Path, option: Option, value: str) -> None:
    if option is DOCUMENT_NUMBER:
        check_number_pattern(value)
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
            f"the number pattern {pattern!r} does not work ({error}); it may use "
            "{seq}, {seq:03d}, {region}, {month} and {year}"
        ) from None
