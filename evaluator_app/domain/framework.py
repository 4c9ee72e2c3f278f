"""Evaluation frameworks: the tree of dimensions, groups and indicators.

A framework file is YAML (see ``docs/frameworks.md``).  Loading validates the
structure with pydantic (``framework_schema``) and then the cross-references
(unique codes, level criteria matching the scale); every problem is reported at
once with the file, the place in the tree and, where known, the line.

The validated tree is plain frozen dataclasses: a definition read back from the
store was validated when it came in, so opening a session builds it directly
(``framework_from_stored``), without pydantic, a fifth of a second of start-up
(issue 9).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from evaluator_app.domain.canonical import sha256_of
from evaluator_app.i18n import _

CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
Tier = Literal["baseline", "output", "outcome", "impact", "quick_win"]
Aggregation = Literal["children", "indicators"]


def decimal_text(value: Decimal) -> str:
    # 1, 1.0 and 1.00 are one weight: the stored form (and so the content
    # hash) must not depend on how a number was typed.
    return format(value.normalize(), "f")


@dataclass(frozen=True, slots=True)
class LocalText:
    """A text in Indonesian (``id``, required) and English (``en``, optional)."""

    id: str
    en: str | None = None

    def get(self, language: str = "id") -> str:
        if language == "en" and self.en:
            return self.en
        return self.id

    def to_data(self) -> dict[str, Any]:
        return {"id": self.id, "en": self.en}


def _text_data(text: LocalText | None) -> dict[str, Any] | None:
    return None if text is None else text.to_data()


@dataclass(frozen=True, slots=True)
class Level:
    value: int
    name: LocalText
    description: LocalText | None = None


@dataclass(frozen=True, slots=True)
class Predicate:
    """A band of the index: applies from ``min`` (inclusive) up to the next band."""

    min: Decimal
    name: LocalText


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    title: LocalText
    description: LocalText | None = None
    tier: Tier | None = None
    guiding_questions: list[LocalText] = field(default_factory=list)
    expected_evidence: list[LocalText] = field(default_factory=list)
    weight: Decimal = Decimal(1)
    levels: dict[int, LocalText] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Group:
    code: str
    title: LocalText
    description: LocalText | None = None
    weight: Decimal = Decimal(1)
    # "children": weighted mean of the sub-groups' and indicators' scores;
    # "indicators": weighted mean over every indicator beneath, sub-groups flattened
    # (the GMSC 2022 rule: a dimension is the plain mean of its questions).
    aggregation: Aggregation = "children"
    groups: list[Group] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    def walk_indicators(self) -> Iterator[Indicator]:
        yield from self.indicators
        for group in self.groups:
            yield from group.walk_indicators()


@dataclass(frozen=True, slots=True)
class Framework:
    """A validated framework definition; immutable once loaded."""

    id: str
    version: str
    title: LocalText
    description: LocalText | None = None
    illustrative: bool = False
    scale: list[Level] = field(default_factory=list)
    predicates: list[Predicate] = field(default_factory=list)
    dimensions: list[Group] = field(default_factory=list)

    def indicators(self) -> Iterator[Indicator]:
        for dimension in self.dimensions:
            yield from dimension.walk_indicators()

    def indicator(self, code: str) -> Indicator:
        for indicator in self.indicators():
            if indicator.code == code:
                return indicator
        raise KeyError(code)

    def dimension_of(self, indicator_code: str) -> Group:
        for dimension in self.dimensions:
            if any(i.code == indicator_code for i in dimension.walk_indicators()):
                return dimension
        raise KeyError(indicator_code)

    def level_values(self) -> list[int]:
        return [level.value for level in self.scale]

    def level(self, value: int) -> Level:
        for level in self.scale:
            if level.value == value:
                return level
        raise KeyError(value)

    def to_data(self) -> dict[str, Any]:
        """The definition as plain JSON-able data (what the store keeps), every key
        present; ``framework_from_stored`` reads it back."""
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title.to_data(),
            "description": _text_data(self.description),
            "illustrative": self.illustrative,
            "scale": [
                {
                    "value": level.value,
                    "name": level.name.to_data(),
                    "description": _text_data(level.description),
                }
                for level in self.scale
            ],
            "predicates": [
                {"min": decimal_text(band.min), "name": band.name.to_data()}
                for band in self.predicates
            ],
            "dimensions": [_group_data(group) for group in self.dimensions],
        }

    @property
    def content_hash(self) -> str:
        return sha256_of(self.to_data())


def _group_data(group: Group) -> dict[str, Any]:
    return {
        "code": group.code,
        "title": group.title.to_data(),
        "description": _text_data(group.description),
        "weight": decimal_text(group.weight),
        "aggregation": group.aggregation,
        "groups": [_group_data(child) for child in group.groups],
        "indicators": [_indicator_data(indicator) for indicator in group.indicators],
    }


def _indicator_data(indicator: Indicator) -> dict[str, Any]:
    return {
        "code": indicator.code,
        "title": indicator.title.to_data(),
        "description": _text_data(indicator.description),
        "tier": indicator.tier,
        "guiding_questions": [text.to_data() for text in indicator.guiding_questions],
        "expected_evidence": [text.to_data() for text in indicator.expected_evidence],
        "weight": decimal_text(indicator.weight),
        "levels": {str(value): text.to_data() for value, text in indicator.levels.items()},
    }


# --- from stored data (validated when it came in) ---------------------------------


def _text(data: dict[str, Any]) -> LocalText:
    return LocalText(data["id"], data.get("en"))


def _optional_text(data: dict[str, Any] | None) -> LocalText | None:
    return None if data is None else LocalText(data["id"], data.get("en"))


def _indicator(data: dict[str, Any]) -> Indicator:
    return Indicator(
        code=data["code"],
        title=_text(data["title"]),
        description=_optional_text(data.get("description")),
        tier=data.get("tier"),
        guiding_questions=[_text(t) for t in data.get("guiding_questions", ())],
        expected_evidence=[_text(t) for t in data.get("expected_evidence", ())],
        weight=Decimal(data.get("weight", "1")),
        levels={int(value): _text(text) for value, text in data["levels"].items()},
    )


def _group(data: dict[str, Any]) -> Group:
    return Group(
        code=data["code"],
        title=_text(data["title"]),
        description=_optional_text(data.get("description")),
        weight=Decimal(data.get("weight", "1")),
        aggregation=data.get("aggregation", "children"),
        groups=[_group(g) for g in data.get("groups", ())],
        indicators=[_indicator(i) for i in data.get("indicators", ())],
    )


def framework_from_stored(data: dict[str, Any]) -> Framework:
    """The framework of ``Framework.to_data`` output, as the store keeps it: built
    as it is, not validated again (``framework_from_data`` is for files)."""
    return Framework(
        id=data["id"],
        version=data["version"],
        title=_text(data["title"]),
        description=_optional_text(data.get("description")),
        illustrative=bool(data.get("illustrative", False)),
        scale=[
            Level(level["value"], _text(level["name"]), _optional_text(level.get("description")))
            for level in data["scale"]
        ],
        predicates=[
            Predicate(Decimal(band["min"]), _text(band["name"]))
            for band in data.get("predicates", ())
        ],
        dimensions=[_group(g) for g in data["dimensions"]],
    )


# --- errors ---------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a framework file, at a place in its tree."""

    where: str
    message: str
    line: int | None = None

    def describe(self, source: str) -> str:
        place = f"{source}:{self.line}" if self.line else source
        where = f" {self.where}:" if self.where else ""
        return f"{place}:{where} {self.message}"


class FrameworkError(ValueError):
    """A framework file that cannot be used; lists every problem found."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(p.describe(source) for p in problems))


def format_location(loc: tuple[int | str, ...]) -> str:
    """``('dimensions', 2, 'groups', 0)`` -> ``dimensions[2].groups[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "[key]" or str(part).startswith(("function-", "json-or-python")):
            continue  # pydantic's internal validator names
        else:
            out += f".{part}" if out else str(part)
    return out


def bad_code(code: object) -> str:
    return _(
        "{code!r} is not a valid code: use letters, digits, '.', '_' "
        "or '-', starting with a letter or digit"
    ).format(code=code)


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return None
    return number if number.is_finite() else None


def _level_key(key: Any) -> int | None:
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    return int(key) if isinstance(key, str) and key.strip().lstrip("+-").isdigit() else None


def _items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(n, item) for n, item in enumerate(value) if isinstance(item, dict)]


def _cross_problems(data: dict[str, Any]) -> list[Problem]:
    """Rules field types cannot express, checked on the raw data so that they are
    reported together with any type errors, not only after those are fixed."""
    problems: list[Problem] = []
    scale = _items(data, "scale")
    values = [v for _, level in scale if (v := _level_key(level.get("value"))) is not None]
    if len(set(values)) != len(values):
        problems.append(Problem("scale", _("level values must be unique")))
    elif values != sorted(values):
        problems.append(Problem("scale", _("levels must be listed from lowest to highest")))
    if len(values) != len(scale) or len(set(values)) != len(values) or len(values) < 2:
        values = []  # a broken scale is reported above; checking levels against it is noise

    mins = [
        m for _, band in _items(data, "predicates") if (m := _number(band.get("min"))) is not None
    ]
    if len(set(mins)) != len(mins):
        problems.append(Problem("predicates", _("two bands share the same minimum")))
    elif mins != sorted(mins):
        problems.append(Problem("predicates", _("bands must be listed from the lowest minimum up")))
    if mins and values:
        if min(mins) > min(values):
            problems.append(
                Problem(
                    "predicates",
                    _(
                        "the lowest band starts at {lowest_band}, above the lowest "
                        "level {lowest_level}: a low index would get no predicate"
                    ).format(lowest_band=min(mins), lowest_level=min(values)),
                )
            )
        for n, band in _items(data, "predicates"):
            low = _number(band.get("min"))
            if low is not None and low > max(values):
                problems.append(
                    Problem(
                        f"predicates[{n}].min",
                        _("{low} is above the top of the scale ({top})").format(
                            low=low, top=max(values)
                        ),
                    )
                )

    seen: dict[str, str] = {}

    def claim(item: dict[str, Any], where: str) -> None:
        code = item.get("code")
        if not isinstance(code, str):
            return
        if code.casefold() in seen:
            first = seen[code.casefold()]
            problems.append(
                Problem(
                    f"{where}.code",
                    _("duplicate code {code!r} (first used at {first})").format(
                        code=code, first=first
                    ),
                )
            )
        else:
            seen[code.casefold()] = f"{where}.code"

    def check_group(group: dict[str, Any], where: str) -> None:
        claim(group, where)
        if not group.get("groups") and not group.get("indicators"):
            problems.append(
                Problem(
                    where,
                    _("group {code!r} has no groups or indicators").format(code=group.get("code")),
                )
            )
        for g, child in _items(group, "groups"):
            check_group(child, f"{where}.groups[{g}]")
        for i, indicator in _items(group, "indicators"):
            here = f"{where}.indicators[{i}]"
            claim(indicator, here)
            levels = indicator.get("levels")
            if not isinstance(levels, dict) or not values:
                continue
            given = {k for k in map(_level_key, levels) if k is not None}
            missing = [v for v in values if v not in given]
            extra = sorted(given - set(values))
            if missing:
                problems.append(
                    Problem(
                        f"{here}.levels",
                        _("criteria missing for level {levels}").format(levels=_join(missing)),
                    )
                )
            if extra:
                problems.append(
                    Problem(
                        f"{here}.levels",
                        _("level {levels} is not on the scale {scale}").format(
                            levels=_join(extra), scale=_join(values)
                        ),
                    )
                )

    for d, dimension in _items(data, "dimensions"):
        check_group(dimension, f"dimensions[{d}]")
    return problems


def _join(values: list[int]) -> str:
    return ", ".join(str(v) for v in values)


def framework_from_data(data: Any, source: str = "<data>") -> Framework:
    """Validate parsed data into a Framework or raise FrameworkError."""
    from evaluator_app.domain.framework_schema import validate_framework

    if not isinstance(data, dict):
        raise FrameworkError(source, [Problem("", _("the file must hold a mapping at its top"))])
    framework, problems = validate_framework(data)
    problems += [p for p in _cross_problems(data) if p not in problems]
    if problems or framework is None:
        raise FrameworkError(source, problems)
    return framework


def load_framework(path: Path) -> Framework:
    """Read and validate a framework YAML file."""
    from evaluator_app.domain.framework_yaml import read_yaml_with_lines

    source = str(path)
    data, lines = read_yaml_with_lines(path)
    try:
        return framework_from_data(data, source)
    except FrameworkError as error:
        located = [
            Problem(p.where, p.message, p.line or lines.line_of(p.where)) for p in error.problems
        ]
        located.sort(key=lambda p: p.line or 0)
        raise FrameworkError(source, located) from None
