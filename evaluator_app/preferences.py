"""The user's preferences, declared once with their defaults, in one INI file.

The file lives in the platform's user config folder (``Evaluator/settings.ini``;
``EVALUATOR_CONFIG_DIR`` overrides it), outside the data folder because one of
the preferences says where the data folder is.  No Qt here: the command line
and the window read the same file.
"""

from __future__ import annotations

import configparser
import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "EVALUATOR_CONFIG_DIR"
APP_NAME = "Evaluator"
FILE_NAME = "settings.ini"


@dataclass(frozen=True)
class Preference:
    section: str
    name: str
    default: str

    @property
    def key(self) -> str:
        return f"{self.section}/{self.name}"


LANGUAGE = Preference("interface", "language", "id")  # applied at the next start
LANGUAGES = ("id", "en")
FIRST_RUN_DONE = Preference("interface", "first_run_done", "")
DATA_DIR = Preference("data", "folder", "")  # empty: the platform's user data folder
KEEP_BACKUPS = Preference("data", "keep_automatic_backups", "10")
USER_NAME = Preference("user", "name", "")
USER_NIP = Preference("user", "nip", "")
USER_ROLE = Preference("user", "role", "evaluator")
SIGNING_IDENTITY = Preference("user", "identity", "")  # an identity id, or empty
LAST_FOLDER = Preference("files", "last_folder", "")

ALL = (
    LANGUAGE,
    FIRST_RUN_DONE,
    DATA_DIR,
    KEEP_BACKUPS,
    USER_NAME,
    USER_NIP,
    USER_ROLE,
    SIGNING_IDENTITY,
    LAST_FOLDER,
)


def config_dir() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_file() -> Path:
    return config_dir() / FILE_NAME


_read: tuple[tuple[str, int, int, int], configparser.ConfigParser] | None = None


def _load(fresh: bool = False) -> configparser.ConfigParser:
    """The file parsed; reused while the file is unchanged (core messages ask for the
    language at every call). ``fresh`` gives a private copy to change and write."""
    global _read
    path = settings_file()
    try:
        found = path.stat()
        key = (str(path), found.st_ino, found.st_mtime_ns, found.st_size)
    except OSError:
        key = (str(path), -1, -1, -1)
    if not fresh and _read is not None and _read[0] == key:
        return _read[1]
    parser = configparser.ConfigParser(interpolation=None)
    # A damaged file means the defaults, never a failure to start.
    with contextlib.suppress(configparser.Error, UnicodeDecodeError):
        parser.read(path, encoding="utf-8")
    if not fresh:
        _read = (key, parser)
    return parser


def read(preference: Preference) -> str:
    return _load().get(preference.section, preference.name, fallback=preference.default)


def read_int(preference: Preference, minimum: int = 0) -> int:
    try:
        return max(minimum, int(read(preference)))
    except ValueError:
        return max(minimum, int(preference.default))


def write(preference: Preference, value: str) -> None:
    write_many({preference: value})


def write_many(values: dict[Preference, str]) -> None:
    """Store several preferences at once; the file is replaced atomically."""
    parser = _load(fresh=True)
    for preference, value in values.items():
        if not parser.has_section(preference.section):
            parser.add_section(preference.section)
        parser.set(preference.section, preference.name, value)
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=".settings-", suffix=".ini", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            parser.write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        Path(partial).replace(path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
