"""Metrics in roadmap prose: "cut from 450ms to under 250ms" -> 300 -> <180 ms."""

from __future__ import annotations

import re
from typing import Any

from roadsec.model.roadmap import Comparator, Direction, Metric
from roadsec.parse.metric_patterns import (
    _ACHIEVE,
    _ACHIEVE_HINT,
    _ACHIEVE_VERBS,
    _ARROW_PAIR,
    _BY_NAME,
    _BY_VALUE,
    _BY_VERB,
    _CADENCE,
    _CADENCE_FROM_TO,
    _CADENCE_NAME,
    _CADENCE_STEMS,
    _CADENCE_WORD,
    _COMPARATORS,
    _COMPARISON_HINT,
    _DECREASE,
    _DIGIT,
    _FACTORS,
    _FLOOR_VERBS,
    _FREQUENCY,
    _FROM_TO,
    _LABEL_NAME,
    _LABELLED,
    _LEADING_VERB,
    _LIMIT,
    _MEASURE_NAME,
    _MULTIPLY,
    _NAME_BY_PCT,
    _NAME_COMP,
    _PAREN_VALUE,
    _TRAILING_VERB,
    _TRAILING_WHEN,
    _UNIT_NAMES,
    _VALUE_FIRST,
    MAX_METRICS_PER_TEXT,
)
from roadsec.parse.text import clean_text, contains_any, lowers_faithfully, strip_markup

MetricFields = dict[str, object]
"""A Metric's fields as plain data."""
_NAME_PUNCT = frozenset("_ /&().'-")
_MAGNITUDES = {"k": 1e3, "m": 1e6, "b": 1e9}
_ACHIEVE_WORDS = _ACHIEVE_VERBS.split("|")
_COMPARISON_HINT_LOWER = re.compile(_COMPARISON_HINT.pattern)  # its words are lower case
_MAX_NAME = 81


class _Named:
    """An anchor match plus the name read backwards from it, behaving like a match."""

    def __init__(self, m: re.Match[str], name: str) -> None:
        self._m = m
        self._name = name

    def group(self, key: str) -> Any:
        return self._name if key == "name" else self._m.group(key)

    def groupdict(self) -> dict[str, Any]:
        return {**self._m.groupdict(), "name": self._name}


Found = re.Match[str] | _Named


def _name_before(text: str, end: int) -> str | None:
    """The name that ends at ``end``: up to 81 name characters, starting with a letter."""
    start = end
    while start > 0 and end - start < _MAX_NAME:
        ch = text[start - 1]
        if not (ch.isalnum() or ch in _NAME_PUNCT):
            break
        start -= 1
    name = text[start:end]
    if name.count("(") > name.count(")"):  # "dashboards (p95 < 300ms)": the name is inside
        name = name[name.rfind("(") + 1 :]
    first = next((i for i, ch in enumerate(name) if ch.isascii() and ch.isalpha()), len(name))
    name = name[first:].rstrip()
    return name if len(name) >= 2 else None


def _anchored(
    pattern: re.Pattern[str], text: str, strip: re.Pattern[str] | None = None
) -> _Named | None:
    """The first anchor match with a name before it."""
    for m in pattern.finditer(text):
        head = text[: m.start()].rstrip()
        if strip is not None:
            head = strip.sub("", head)
        name = _name_before(head, len(head))
        if name:
            return _Named(m, name)
    return None


class _VerbNamed(_Named):
    """A "<verb> <name> by <value>" match: the verb is a group like the anchor's."""

    def __init__(self, m: re.Match[str], name: str, verb: str) -> None:
        super().__init__(m, name)
        self._verb = verb

    def group(self, key: str) -> Any:
        return self._verb if key == "verb" else super().group(key)


def _verb_by_value(text: str) -> _VerbNamed | None:
    """ "Cut checkout latency by 25%": anchored on "by <value>", the verb and the
    name read from before it (the earliest verb whose name fits, as a leftmost match would)."""
    for anchor in _BY_VALUE.finditer(text):
        head = text[: anchor.start()]
        for verb in _BY_VERB.finditer(head):
            name = head[verb.end() :]
            if _BY_NAME.fullmatch(name):
                return _VerbNamed(anchor, name, verb.group("verb"))
    return None


def _labelled(value_pattern: re.Pattern[str], text: str) -> _Named | None:
    """ "Name: value": the name before the first colon, the value matched after it."""
    head, colon, value = text.partition(":")
    name = head.rstrip()
    if not colon or not _LABEL_NAME.fullmatch(name):
        return None
    m = value_pattern.match(value)
    return _Named(m, name) if m else None


def _number(m: Found, n: int) -> tuple[float, str | None]:
    raw = m.group(f"num{n}").replace(",", "")
    value = float(raw)
    mag = (m.group(f"mag{n}") or "").lower()
    value *= _MAGNITUDES.get(mag, 1.0)
    unit = m.group(f"unit{n}")
    if unit:
        unit = _UNIT_NAMES.get(unit.lower(), unit.lower() if unit != "x" else "x")
    if m.group(f"cur{n}"):
        unit = m.group(f"cur{n}")
    return value, unit


def _optional(m: Found, key: str) -> str | None:
    """A group the pattern may not have."""
    match = m._m if isinstance(m, _Named) else m
    return match.group(key) if key in match.re.groupindex else None


def _comparator(m: Found, n: int) -> Comparator | None:
    word = (_optional(m, f"comp{n}") or "").lower()
    if word in _COMPARATORS:
        return _COMPARATORS[word]
    if _optional(m, f"plus{n}"):
        return ">="
    return None


def _name(raw: str) -> str:
    name = clean_text(strip_markup(raw)).strip(" :-–,.")
    name = _LEADING_VERB.sub("", name)
    name = _TRAILING_WHEN.sub("", name)
    return name[:80]


def _trend(baseline: float | None, target: float | None) -> Comparator | None:
    if baseline is None or target is None or baseline == target:
        return None
    return ">=" if target > baseline else "<="


def _metric(
    raw: str,
    name: str,
    *,
    baseline: float | None = None,
    target: float | None = None,
    unit: str | None = None,
    comparator: Comparator | None = None,
    direction: Direction | None = None,
    relative: bool = False,
) -> MetricFields | None:
    name = _name(name)
    if not name or target is None:
        return None
    return {
        "name": name,
        "baseline": baseline,
        "target": target,
        "unit": unit,
        "comparator": comparator,
        "raw": clean_text(raw),
        "direction": direction,
        "relative": relative,
    }


def _from_to(text: str) -> MetricFields | None:
    m: Found | None = _anchored(_FROM_TO, text, _TRAILING_VERB) or _labelled(_ARROW_PAIR, text)
    if not m:
        return None
    base, base_unit = _number(m, 1)
    target, unit = _number(m, 2)
    comp = _comparator(m, 2) or _trend(base, target)
    direction: Direction = "decrease" if target < base else "increase"
    return _metric(text, m.group("name"), baseline=base, target=target,
                   unit=unit or base_unit, comparator=comp, direction=direction)  # fmt: skip


def _by_percent(text: str) -> MetricFields | None:
    m: Found | None = _verb_by_value(text) or _anchored(_NAME_BY_PCT, text)
    if not m:
        return None
    target, unit = _number(m, 1)
    direction: Direction = "decrease" if _DECREASE.match(m.group("verb")) else "increase"
    return _metric(text, m.group("name"), target=target, unit=unit,
                   direction=direction, relative=True)  # fmt: skip


def _cadence(text: str) -> MetricFields | None:
    # Its "from" matches only where lower() shows one (no character folds to f, r, o or m).
    m = _CADENCE_FROM_TO.search(text) if "from" in text.lower() else None
    if m and _CADENCE_NAME.search(m.group("name")):
        base, target = _CADENCE[m.group("a").lower()], _CADENCE[m.group("b").lower()]
        return _metric(text, m.group("name"), baseline=base, target=target, unit="days",
                       comparator="<=", direction="decrease")  # fmt: skip
    if not _CADENCE_NAME.search(text):
        return None
    words = list(_CADENCE_WORD.finditer(text))
    if len(words) >= 2 and re.search(r"\bto\b", text[words[0].end() : words[-1].start()]):
        base, target = _CADENCE[words[0].group("w").lower()], _CADENCE[words[-1].group("w").lower()]
        return _metric(text, "release cadence", baseline=base, target=target, unit="days",
                       comparator="<=", direction="decrease" if target < base else "increase")  # fmt: skip
    word = words[0] if words else None
    if not word:
        return None
    head = text[: word.start()].strip(" :-")
    name = head if head and len(head) < 60 else "release cadence"
    if re.search(r"\breleases?\b", name, re.IGNORECASE) and not re.search(
        r"frequency|cadence", name
    ):
        name = "release cadence"
    return _metric(
        text, name, target=_CADENCE[word.group("w").lower()], unit="days", comparator="<="
    )


def _frequency(text: str) -> MetricFields | None:
    """ "Deploy to production 20 times a day": a delivery frequency, at least that often."""
    m = _FREQUENCY.search(text)
    if m is None:
        return None
    name = (
        "release frequency"
        if re.search(r"\breleas", text, re.IGNORECASE)
        else ("deployment frequency")
    )
    return _metric(text, name, target=float(m.group("n")), unit=f"/{m.group('per').lower()}",
                   comparator=">=", direction="increase")  # fmt: skip


def _change_direction(change: str | None) -> Direction | None:
    """ "reduction in" / "fewer" -> decrease; "increase in" / "faster" -> increase."""
    word = (change or "").lower()
    if word.startswith(("reduc", "decrease", "fewer", "slower", "less", "down", "lower", "cut")):
        return "decrease"
    if word.startswith(("increase", "improve", "more", "growth", "faster", "up", "higher")):
        return "increase"
    return None


def _may_compare(text: str) -> bool:
    """_COMPARISON_HINT, without IGNORECASE on lower-cased text where that is the same."""
    if lowers_faithfully(text):
        return _COMPARISON_HINT_LOWER.search(text.lower()) is not None
    return _COMPARISON_HINT.search(text) is not None


def _may_achieve(text: str) -> bool:
    """A cheap necessary condition for _ACHIEVE_HINT: one of its verbs occurs."""
    return not lowers_faithfully(text) or contains_any(text.lower(), _ACHIEVE_WORDS)


def _single(text: str, *, metric_context: bool) -> MetricFields | None:
    m: Found | None = _labelled(_LABELLED, text)
    if m:
        target, unit = _number(m, 1)
        has_signal = unit or _comparator(m, 1) or metric_context
        if has_signal:
            return _metric(text, m.group("name"), target=target, unit=unit,
                           comparator=_comparator(m, 1))  # fmt: skip
    m = _anchored(_NAME_COMP, text) if _may_compare(text) else None
    if m and (m.group("comp1") in "<>≤≥<=>=" or m.group(f"unit{1}")):
        target, unit = _number(m, 1)
        comparator = _comparator(m, 1)
        if comparator is None and _FLOOR_VERBS.match(m.group("name")):
            comparator = ">="
        return _metric(text, m.group("name"), target=target, unit=unit, comparator=comparator)
    m = _ACHIEVE.search(text) if _may_achieve(text) and _ACHIEVE_HINT.search(text) else None
    if m and (m.group("unit1") or m.group("plus1")):
        target, unit = _number(m, 1)
        name = m.group("name")
        if m.group("verb").lower() == "cover":
            name = "coverage " + name if name.lower().startswith("of ") else f"{name} coverage"
        return _metric(text, name, target=target, unit=unit, comparator=">=")
    m = _PAREN_VALUE.match(text) if "(" in text else None
    if m and m.group("unit1") in ("%", "x", "ms", "s"):
        target, unit = _number(m, 1)
        direction = _change_direction(m.group("change"))
        return _metric(text, m.group("name"), target=target, unit=unit, direction=direction,
                       relative=direction is not None)  # fmt: skip
    m = _MEASURE_NAME.match(text) if "%" in text else None
    if m:
        direction = _change_direction(m.group("change"))
        return _metric(text, m.group("name"), target=float(m.group("num1")), unit="%",
                       direction=direction, relative=direction is not None)  # fmt: skip
    m = _VALUE_FIRST.match(text)
    if m and (metric_context or m.group("unit1") in ("%", "x") or _comparator(m, 1)):
        target, unit = _number(m, 1)
        direction = _change_direction(m.group("change"))
        return _metric(text, m.group("name"), target=target, unit=unit,
                       comparator=_comparator(m, 1), direction=direction,
                       relative=direction is not None and unit in ("%", "x"))  # fmt: skip
    return None


def extract_metrics(text: str, *, metric_context: bool = False) -> list[Metric]:
    """The metrics one line of text states; ``metric_context`` for KPI cells and metric lists."""
    return [
        Metric.model_validate(fields)
        for fields in metric_fields(text, metric_context=metric_context)
    ]


def metric_fields(text: str, *, metric_context: bool = False) -> list[MetricFields]:
    """`extract_metrics` as plain data, for the parser to validate with the whole roadmap."""
    text = strip_markup(text[:_LIMIT].replace("**", ""))
    found: list[MetricFields] = []
    has_number = _DIGIT.search(text) is not None
    lowered = text.lower()
    if (has_number and " from " in lowered) or "→" in text or "->" in text:
        found.extend(m for m in [_from_to(text)] if m)
    if has_number and " by " in lowered:
        found.extend(m for m in [_by_percent(text)] if m)
    if contains_any(lowered, _CADENCE_STEMS) and _CADENCE_WORD.search(text):
        found.extend(m for m in [_cadence(text)] if m)
    if not found and contains_any(lowered, _FACTORS) and _MULTIPLY.search(text):
        m = _MULTIPLY.search(text)
        assert m is not None
        factor = _FACTORS[m.group("verb").lower()]
        found.extend(
            x for x in [_metric(text, m.group("name"), target=factor, unit="x",
                                direction="increase" if factor > 1 else "decrease", relative=True)] if x
        )  # fmt: skip
    if not found and has_number:
        metric = _single(text, metric_context=metric_context)
        if metric:
            found.append(metric)
    if not found and has_number and _CADENCE_NAME.search(text):
        found.extend(m for m in [_frequency(text)] if m)
    if not found and metric_context:
        name = _name(text.split(":", 1)[0] if ":" in text[:60] else text)
        if name:  # a qualitative KPI ("Runbooks are reviewed every quarter")
            found.append({
                "name": name, "baseline": None, "target": None, "unit": None, "comparator": None,
                "raw": clean_text(text), "direction": None, "relative": False, "line": None,
            })  # fmt: skip
    return found[:MAX_METRICS_PER_TEXT]
