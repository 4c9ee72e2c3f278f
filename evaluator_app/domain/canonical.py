"""Canonical JSON: one byte sequence per value, for hashes and snapshots."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any
from uuid import UUID


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


# Made once: ``json.dumps`` with options builds an encoder per call, a third of the
# time of the 60,000 values a large session's trail check encodes (issue 9).
_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default, allow_nan=False
)


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text kept as is."""
    kind = type(value)
    if kind is str:  # most values: as the encoder would encode them
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    return _ENCODER.encode(value)


def sha256_of(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()
