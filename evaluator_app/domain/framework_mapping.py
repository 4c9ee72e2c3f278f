"""Code mappings between two versions of a framework, for year-over-year comparison.

A new version may renumber, merge away or drop indicators and groups.  A
mapping file says, for the codes that changed, which code of the new version
stands for an old one (or ``null``: none does); codes it does not list are
matched by the same code.  The format is in ``docs/frameworks.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from evaluator_app.domain.framework import Framework, FrameworkError, Problem
from evaluator_app.i18n import _

T = TypeVar("T")


@dataclass(frozen=True)
class CodeMapping:
    """Old code -> new code (None: no counterpart) from one version to the next."""

    framework: str
    from_version: str
    to_version: str
    codes: dict[str, str | None]
    source: str = "<data>"

    def new_code(self, old: str) -> str | None:
        return self.codes.get(old, old)


def is_mapping_data(data: object) -> bool:
    """Whether parsed YAML looks like a mapping file rather than a framework."""
    return isinstance(data, dict) and "codes" in data and "dimensions" not in data


def mapping_from_data(data: object, source: str = "<data>") -> CodeMapping:
    """Validate parsed YAML into a CodeMapping or raise FrameworkError."""
    from pydantic import ValidationError

    from evaluator_app.domain.framework_schema import MappingFile, pydantic_problems

    if not isinstance(data, dict):
        raise FrameworkError(source, [Problem("", _("the file must hold a mapping at its top"))])
    try:
        parsed = MappingFile.model_validate(data)
    except ValidationError as error:
        raise FrameworkError(source, pydantic_problems(error)) from None
    problems: list[Problem] = []
    if parsed.from_version == parsed.to_version:
        problems.append(Problem("to", _("a mapping goes from one version to another")))
    claimed: dict[str, str] = {}
    for old, new in parsed.codes.items():
        if new is None:
            continue
        if new.casefold() in claimed:
            first = claimed[new.casefold()]
            problems.append(
                Problem(
                    f"codes.{old}",
                    _(
                        "{new!r} is already the new code of {first!r}: a new code "
                        "stands for one old code"
                    ).format(new=new, first=first),
                )
            )
        claimed[new.casefold()] = old
    if problems:
        raise FrameworkError(source, problems)
    return CodeMapping(
        parsed.framework, parsed.from_version, parsed.to_version, dict(parsed.codes), source
    )


def load_code_mapping(
    path: Path,
    old: Callable[[CodeMapping], Framework | None] | None = None,
    new: Callable[[CodeMapping], Framework | None] | None = None,
) -> CodeMapping:
    """Read and validate a mapping file (YAML, the same rules as framework files).

    ``old`` and ``new`` find the two versions it maps, when they are at hand, so
    that codes they do not have are reported too."""
    from evaluator_app.domain.framework_yaml import read_yaml_with_lines

    data, lines = read_yaml_with_lines(path)
    try:
        mapping = mapping_from_data(data, str(path))
        problems = check_against(
            mapping, old(mapping) if old else None, new(mapping) if new else None
        )
        if problems:
            raise FrameworkError(str(path), problems)
    except FrameworkError as error:
        located = [
            Problem(p.where, p.message, p.line or lines.line_of(p.where)) for p in error.problems
        ]
        raise FrameworkError(str(path), sorted(located, key=lambda p: p.line or 0)) from None
    return mapping


def _codes(framework: Framework) -> set[str]:
    codes = {i.code for i in framework.indicators()}
    stack = list(framework.dimensions)
    while stack:
        group = stack.pop()
        codes.add(group.code)
        stack.extend(group.groups)
    return codes


def check_against(
    mapping: CodeMapping, old: Framework | None, new: Framework | None
) -> list[Problem]:
    """Codes the mapping names that its versions do not have (a framework not at
    hand is not checked)."""
    problems = []
    old_codes = _codes(old) if old else None
    new_codes = _codes(new) if new else None
    for code, target in mapping.codes.items():
        if old_codes is not None and code not in old_codes:
            problems.append(
                Problem(
                    f"codes.{code}",
                    _("version {from_version} has no code {code!r}").format(
                        from_version=mapping.from_version, code=code
                    ),
                )
            )
        if new_codes is not None and target is not None and target not in new_codes:
            problems.append(
                Problem(
                    f"codes.{code}",
                    _("version {to_version} has no code {target!r}").format(
                        to_version=mapping.to_version, target=target
                    ),
                )
            )
    return problems


def chain(
    mappings: Iterable[CodeMapping], framework: str, start: str, end: str
) -> list[CodeMapping]:
    """The mappings leading from version ``start`` to ``end`` (fewest steps), or []."""
    steps: dict[str, list[CodeMapping]] = {}
    for mapping in mappings:
        if mapping.framework == framework:
            steps.setdefault(mapping.from_version, []).append(mapping)
    paths: dict[str, list[CodeMapping]] = {start: []}
    frontier = [start]
    while frontier and end not in paths:
        following = []
        for version in frontier:
            for mapping in steps.get(version, []):
                if mapping.to_version not in paths:
                    paths[mapping.to_version] = [*paths[version], mapping]
                    following.append(mapping.to_version)
        frontier = following
    return paths.get(end, [])


def code_map(old_codes: Iterable[str], mappings: list[CodeMapping]) -> dict[str, str | None]:
    """Each old code's code in the last version (None: no counterpart), through
    every mapping in turn.  An old code left unlisted keeps its code unless a
    listed one took that code: the explicit word wins."""
    result: dict[str, str | None] = {code: code for code in old_codes}
    for mapping in mappings:
        taken = {new.casefold() for new in mapping.codes.values() if new is not None}
        stepped: dict[str, str | None] = {}
        for old, current in result.items():
            if current is None:
                stepped[old] = None
            elif current in mapping.codes:
                stepped[old] = mapping.codes[current]
            else:
                stepped[old] = None if current.casefold() in taken else current
        result = stepped
    return result


def translate(values: Mapping[str, T], codes: Mapping[str, str | None]) -> dict[str, T]:
    """``values`` keyed by old codes, re-keyed by new codes (those without one dropped)."""
    out: dict[str, T] = {}
    for old, value in values.items():
        new = codes.get(old, old)
        if new is not None:
            out[new] = value
    return out
