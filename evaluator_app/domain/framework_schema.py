"""The structure a framework file must have, checked with pydantic.

Only files (YAML, spreadsheets, code mappings) are validated here; a framework
that passes is built into the plain ``framework.Framework`` tree.  Imported when a file is read,
never when a session opens.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictBool,
    ValidationError,
)

from evaluator_app.domain.framework import (
    CODE_PATTERN,
    Framework,
    Problem,
    Tier,
    bad_code,
    decimal_text,
    format_location,
    framework_from_stored,
)
from evaluator_app.i18n import N_, _


def _text_from_plain(value: Any) -> Any:
    # A plain string is Indonesian-only text.
    return {"id": value} if isinstance(value, str) else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class _LocalText(_Strict):
    id: str = Field(min_length=1)
    en: str | None = None


Text = Annotated[_LocalText, BeforeValidator(_text_from_plain)]
# Finite, at most six decimals and a million: no NaN, no 1e999999999 to expand.
Number = Annotated[
    Decimal,
    Field(allow_inf_nan=False, max_digits=15, decimal_places=6, ge=-(10**6), le=10**6),
    PlainSerializer(decimal_text, return_type=str, when_used="json"),
]
PositiveWeight = Annotated[Number, Field(gt=0)]
Code = Annotated[str, Field(pattern=CODE_PATTERN)]


class _Level(_Strict):
    value: int
    name: Text
    description: Text | None = None


class _Predicate(_Strict):
    min: Number
    name: Text


class _Indicator(_Strict):
    code: Code
    title: Text
    description: Text | None = None
    tier: Tier | None = None
    guiding_questions: list[Text] = Field(default_factory=list)
    expected_evidence: list[Text] = Field(default_factory=list)
    weight: PositiveWeight = Decimal(1)
    levels: dict[int, Text]


class _Group(_Strict):
    code: Code
    title: Text
    description: Text | None = None
    weight: PositiveWeight = Decimal(1)
    aggregation: Literal["children", "indicators"] = "children"
    groups: list[_Group] = Field(default_factory=list)
    indicators: list[_Indicator] = Field(default_factory=list)


class _Framework(_Strict):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9._-]*$")
    version: str = Field(min_length=1)
    title: Text
    description: Text | None = None
    illustrative: StrictBool = False
    scale: list[_Level] = Field(min_length=2)
    predicates: list[_Predicate] = Field(default_factory=list)
    dimensions: list[_Group] = Field(min_length=1)


class MappingFile(BaseModel):
    """A code mapping file (``framework_mapping``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    framework: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
    from_version: Annotated[str, Field(alias="from", min_length=1)]
    to_version: Annotated[str, Field(alias="to", min_length=1)]
    codes: dict[Code, Code | None]


def validate_framework(data: dict[str, Any]) -> tuple[Framework | None, list[Problem]]:
    """The framework in ``data``, or None with what is wrong in its structure (the
    cross-references are ``framework._cross_problems``)."""
    try:
        checked = _Framework.model_validate(data)
    except ValidationError as error:
        return None, pydantic_problems(error)
    return framework_from_stored(checked.model_dump(mode="json")), []


# pydantic's own words are English: the kinds a framework file meets, in ours (with
# the figures pydantic gives in ``ctx``); any other kind keeps pydantic's sentence.
_MESSAGES = {
    "int_parsing": N_("a whole number is expected"),
    "int_type": N_("a whole number is expected"),
    "int_from_float": N_("a whole number is expected"),
    "decimal_parsing": N_("a number is expected"),
    "decimal_type": N_("a number is expected"),
    "finite_number": N_("a number is expected"),
    "string_type": N_("a text is expected"),
    "string_too_short": N_("may not be empty"),
    "bool_type": N_("yes or no (true or false) is expected"),
    "bool_parsing": N_("yes or no (true or false) is expected"),
    "greater_than": N_("must be greater than {gt}"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than": N_("must be less than {lt}"),
    "less_than_equal": N_("must be at most {le}"),
    "decimal_max_places": N_("may have at most {decimal_places} decimal places"),
    "decimal_max_digits": N_("may have at most {max_digits} digits"),
    "decimal_whole_digits": N_("has too many digits before the decimal point"),
    "literal_error": N_("must be one of {expected}"),
    "model_type": N_("keys with values are expected here"),
    "dict_type": N_("keys with values are expected here"),
    "list_type": N_("a list is expected"),
    "too_short": N_("needs at least {min_length} item(s)"),
}


def _message(item: Any) -> str:
    wanted = _MESSAGES.get(item["type"])
    if wanted is None:
        return str(item["msg"])
    figures = {
        k: format(v, "f") if isinstance(v, Decimal) else v for k, v in item.get("ctx", {}).items()
    }
    return _(wanted).format(**figures)


def pydantic_problems(error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        message = _message(item)
        if item["type"] == "extra_forbidden":
            message = _("unknown key")
        elif item["type"] == "missing":
            message = _("required key is missing")
        elif item["type"] == "string_pattern_mismatch" and loc == ("id",):
            message = _(
                "{value!r} is not a valid framework ID: use lower-case letters, "
                "digits, '.', '_' or '-', starting with a letter or digit (e.g. gmsc-2025)"
            ).format(value=item["input"])
        elif item["type"] == "string_pattern_mismatch":
            message = bad_code(item["input"])
        problems.append(Problem(format_location(loc), message))
    return problems
