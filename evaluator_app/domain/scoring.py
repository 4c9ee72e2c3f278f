"""Scores up the framework tree: weighted means in Decimal, N/A left out.

An indicator contributes its agreed level.  A group's score is the weighted
mean of its children (or of every indicator beneath it, when the framework says
``aggregation: indicators``); children with nothing scored, and N/A
indicators, drop out of the mean.  The index is the weighted mean of the
dimensions.  Nothing is rounded here: ``for_display`` rounds half-up to two
places, and the predicate band is looked up on that displayed value so that
what people read and the band they see always agree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from evaluator_app.domain.framework import Framework, Group, Indicator, Predicate

TWO_PLACES = Decimal("0.01")


def for_display(value: Decimal) -> Decimal:
    """Half-up to two places: 2.504 -> 2.50, 2.505 -> 2.51."""
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def weighted_mean(pairs: Iterable[tuple[Decimal, Decimal | None]]) -> Decimal | None:
    """Mean of the values weighted by their weights; ``None`` values drop out."""
    total = Decimal(0)
    weights = Decimal(0)
    for weight, value in pairs:
        if value is None:
            continue
        total += weight * value
        weights += weight
    return total / weights if weights else None


def predicate_for(bands: Collection[Predicate], value: Decimal | None) -> Predicate | None:
    """The band with the greatest minimum at or below the displayed value."""
    if value is None or not bands:
        return None
    shown = for_display(value)
    eligible = [band for band in bands if band.min <= shown]
    return max(eligible, key=lambda band: band.min) if eligible else None


@dataclass(frozen=True)
class GroupScore:
    code: str
    value: Decimal | None
    indicators: int  # indicators beneath
    scored: int  # of which have an agreed level
    not_applicable: int

    @property
    def done(self) -> int:
        return self.scored + self.not_applicable


@dataclass(frozen=True)
class ScoreCard:
    index: Decimal | None
    predicate: Predicate | None
    dimensions: list[GroupScore]
    groups: dict[str, GroupScore] = field(repr=False)

    @property
    def indicators(self) -> int:
        return sum(d.indicators for d in self.dimensions)

    @property
    def done(self) -> int:
        return sum(d.done for d in self.dimensions)


def score_framework(
    framework: Framework,
    levels: Mapping[str, Decimal | int],
    not_applicable: Collection[str] = (),
) -> ScoreCard:
    """Score a framework from agreed levels by indicator code.

    Codes absent from ``levels`` are not yet scored; codes in
    ``not_applicable`` are N/A (a level given for them is ignored).
    """
    na = set(not_applicable)
    groups: dict[str, GroupScore] = {}

    def indicator_value(indicator: Indicator) -> Decimal | None:
        if indicator.code in na or indicator.code not in levels:
            return None
        value = levels[indicator.code]
        if isinstance(value, float):  # binary noise would reach the index
            raise TypeError(f"level of {indicator.code} given as float; use int or Decimal")
        return Decimal(value)

    def score_group(group: Group) -> GroupScore:
        child_scores = [score_group(child) for child in group.groups]
        beneath = list(group.walk_indicators())
        if group.aggregation == "indicators":
            value = weighted_mean((i.weight, indicator_value(i)) for i in beneath)
        else:
            pairs = [(i.weight, indicator_value(i)) for i in group.indicators]
            pairs += [(g.weight, s.value) for g, s in zip(group.groups, child_scores, strict=True)]
            value = weighted_mean(pairs)
        result = GroupScore(
            code=group.code,
            value=value,
            indicators=len(beneath),
            scored=sum(1 for i in beneath if indicator_value(i) is not None),
            not_applicable=sum(1 for i in beneath if i.code in na),
        )
        groups[group.code] = result
        return result

    dimensions = [score_group(d) for d in framework.dimensions]
    index = weighted_mean(
        (d.weight, s.value) for d, s in zip(framework.dimensions, dimensions, strict=True)
    )
    return ScoreCard(
        index=index,
        predicate=predicate_for(framework.predicates, index),
        dimensions=dimensions,
        groups=groups,
    )
