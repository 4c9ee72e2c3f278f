"""YAML for framework files: reading (duplicate keys refused, lines remembered)
and writing (what an imported spreadsheet is installed as)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from evaluator_app.domain.framework import Framework, FrameworkError, Problem
from evaluator_app.i18n import _, os_reason


class LineMap:
    """Where each place of the tree (``dimensions[0].code``) starts in the file."""

    def __init__(self) -> None:
        self._lines: dict[str, int] = {}

    def record(self, where: str, line: int) -> None:
        self._lines.setdefault(where, line)

    def line_of(self, where: str) -> int | None:
        # Fall back to the nearest enclosing place that has a line.
        while where:
            if where in self._lines:
                return self._lines[where]
            cut = max(where.rfind("."), where.rfind("["))
            where = where[:cut] if cut > 0 else ""
        return None


# libyaml when the wheel has it (~10x faster than the pure-Python parser).
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _key(node: yaml.Node) -> str:
    # "1", "01" and "+1" are the same level number once loaded.
    text = str(node.value)
    return str(int(text)) if text.lstrip("+-").isdigit() else text


def _walk(
    node: yaml.Node, where: str, lines: LineMap, problems: list[Problem], seen_nodes: set[int]
) -> None:
    if id(node) in seen_nodes:
        # Anchors and aliases (&a, *a) share a node: framework files have no use
        # for them, and refusing them rules out self-reference and "billion laughs".
        problems.append(
            Problem(
                where,
                _("anchors and aliases (& and *) are not supported"),
                node.start_mark.line + 1,
            )
        )
        return
    seen_nodes.add(id(node))
    lines.record(where, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = _key(key_node)
            here = f"{where}.{key}" if where else key
            if key in seen:
                problems.append(Problem(here, _("duplicate key"), key_node.start_mark.line + 1))
            seen.add(key)
            lines.record(here, key_node.start_mark.line + 1)
            if key.lstrip("-").isdigit():  # pydantic names level keys as levels[2]
                lines.record(f"{where}[{key}]", key_node.start_mark.line + 1)
            _walk(value_node, here, lines, problems, seen_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, f"{where}[{index}]", lines, problems, seen_nodes)


MAX_DEPTH = 40  # a framework is a few levels deep; libyaml's composer recurses


def _too_deep(text: str) -> Problem | None:
    """Refuse absurd nesting before composing it (it would exhaust the C stack)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else None
                    return Problem(
                        "",
                        _("nested more than {max_depth} levels deep").format(max_depth=MAX_DEPTH),
                        line,
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as error:
        if "nesting depth" in str(error):  # newer libyaml stops at its own limit
            return Problem(
                "", _("nested more than {max_depth} levels deep").format(max_depth=MAX_DEPTH), 1
            )
        return None  # reported with its place by the real parse below
    return None


def read_yaml_with_lines(path: Path) -> tuple[Any, LineMap]:
    """Parse a YAML file; raise FrameworkError for unreadable or malformed text."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FrameworkError(source, [Problem("", _("file not found"))]) from None
    except UnicodeDecodeError as error:
        raise FrameworkError(
            source, [Problem("", _("not UTF-8 text (byte {start})").format(start=error.start))]
        ) from None
    except OSError as error:
        raise FrameworkError(
            source, [Problem("", _("cannot read: {strerror}").format(strerror=os_reason(error)))]
        ) from None
    depth_problem = _too_deep(text)
    if depth_problem:
        raise FrameworkError(source, [depth_problem])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines = LineMap()
        problems: list[Problem] = []
        if node is not None:
            _walk(node, "", lines, problems, set())
        if problems:
            raise FrameworkError(source, problems)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else None
        message = f"malformed YAML: {error.problem or error}"
        raise FrameworkError(source, [Problem("", message, line)]) from None
    except yaml.YAMLError as error:
        raise FrameworkError(
            source, [Problem("", _("malformed YAML: {error}").format(error=error))]
        ) from None
    finally:
        loader.dispose()
    return data, lines


# --- writing ------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style, no anchors (the reader refuses them), texts kept whole."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # list items indented under their key


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    # Written plain (1, 1.5), as the shipped files do; read back as exact decimals.
    text = format(value.normalize(), "f")
    tag = "tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(Decimal, _decimal)


def _compact(value: Any) -> Any:
    """Defaults and empty values left out; an Indonesian-only text as a plain string."""
    if isinstance(value, dict):
        if set(value) <= {"id", "en"} and "id" in value and value.get("en") is None:
            return value["id"]
        return {k: _compact(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def dump_framework_yaml(framework: Framework) -> str:
    """The framework as a YAML file that ``load_framework`` reads back unchanged
    (same content hash)."""
    data = _compact(dataclasses.asdict(framework))
    header = (
        f"# {framework.title.id}\n"
        "# Written by Evaluator; the format is described in docs/frameworks.md.\n"
    )
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
    return header + body
