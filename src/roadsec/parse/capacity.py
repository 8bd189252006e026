"""Capacity sections: stated budget shares and headcount, read as what they are, not as work."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from roadsec.model.roadmap import Capacity, CapacityKind, ItemKind, SourceRef
from roadsec.parse.context import Context
from roadsec.parse.metrics import metric_fields
from roadsec.parse.text import clean_text, clean_title

if TYPE_CHECKING:
    from roadsec.parse.builder import ItemBuilder

_PARTS = re.compile(r";|•|\n|,\s+(?=\D)")
_SPEND_WORDS = re.compile(r"\b(?:budget|spend|spending|engineers?|people|headcount|fte)\b", re.I)
_MAX_PARTS = 12

_CAPACITY_NUMBER = re.compile(
    r"(\d+(?:\.\d+)?)\s*(%|engineers?|people|fte|headcount|devs?|developers?)", re.IGNORECASE
)

_SHARE_OF = re.compile(
    r"\s*(?:of (?:[\w-]+ ){0,3}?(?:capacity|budget|time|effort|headcount|spend)\s+)?"
    r"(?:on|for|to|in|goes to)\s+(?:the\s+)?(?P<what>[\w&/-]+(?: [\w&/-]+){0,3})",
    re.IGNORECASE,
)


_MONEY = re.compile(
    r"(?P<currency>[$€£])\s?(?P<value>\d+(?:[.,]\d+)?)\s?(?P<scale>[kKmM]\b|million|thousand)?"
)
_GROWS = re.compile(r"\b(?P<from>\d{1,5})\s*(?:->|→|to)\s*(?P<to>\d{1,5})\b")
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}


def capacity_entry(b: ItemBuilder, label: str | None, value: str, line: int, ctx: Context) -> None:
    """A budget share ("Security: 10%"), a budget amount ("Security tooling: $0.25M") or a
    headcount ("Q2: 35 engineers"); the security people it names, if any."""
    value = _OUTLINE.sub("", value)  # "5.1 Headcount is flat at 38": 5.1 numbers the paragraph
    if "ecur" in value or "ciso" in value.lower():
        _security_staff(b, value, line)
    if not label and ":" in value[:50]:  # "Tooling budget: $1.15M (...)"
        head, _, rest = value.partition(":")
        if not _MONEY.search(head) and not _CAPACITY_NUMBER.search(head):
            label, value = head.strip(" -*"), rest
    grows = _GROWS.search(value) if "headcount" in f"{label} {value}".lower() else None
    if grows is not None:  # "Headcount: 41 -> 47 in technology"
        when = ctx.period.id if ctx.period and not ctx.period.whole_year else None
        _record(b, "headcount", label or ctx.heading, float(grows.group("to")), "engineers",
                when, line)  # fmt: skip
        return
    number = _CAPACITY_NUMBER.search(value)
    money = _MONEY.search(value) if label else None
    if money is not None and (number is None or money.start() < number.start()):
        _record(b, "budget_amount", label or ctx.heading, _amount(money), money.group("currency"),
                ctx.period.id if ctx.period else None, line)  # fmt: skip
        return
    if not number:
        return
    share = number.group(2) == "%"
    if share and not label:  # "10% on security", "40% of engineering capacity on platform"
        named = _SHARE_OF.match(value, number.end())
        label = named.group("what") if named else None
    period = (b.heading_period(label) if label else None) or ctx.period
    _record(b, "budget_share" if share else "headcount",
            label if share and label else ctx.heading, float(number.group(1)),
            "%" if share else "engineers",
            period.id if period and not (share and period.whole_year) else None, line)  # fmt: skip


def _amount(money: re.Match[str]) -> float:
    """ "$1.15M" -> 1150000.0"""
    scale = _SCALE.get((money.group("scale") or "").lower(), 1.0)
    return float(money.group("value").replace(",", "")) * scale


def _record(
    b: ItemBuilder, kind: CapacityKind, label: str, value: float, unit: str, period: str | None,
    line: int,
) -> None:  # fmt: skip
    """One stated capacity, cited by its line (a line read twice states it once)."""
    if any(c.kind == kind and c.value == value and c.sources[0].line == line for c in b.capacity):
        return
    source = SourceRef(document=b.document, line=line)
    b.capacity.append(
        Capacity(
            kind=kind,
            label=clean_title(label),
            value=value,
            unit=unit,
            period=period,
            sources=(source,),
        )
    )


def labelled_targets(b: ItemBuilder, head: str, value: str, line: int, ctx: Context) -> bool:
    """A "Constraints: ship daily; security spend capped at 5% of budget; 12 engineers" line:
    each part a target (a metric item) or a stated capacity. False when the label names no
    metric or capacity section."""
    if len(head) > 40 or not value.strip() or ctx.skips_items:
        return False
    head = clean_text(head)
    if b.vocab.role_of(head) not in ("metric", "capacity") and b.vocab.field_of(head) != "metrics":
        return False
    for part in [p.strip(" .") for p in _PARTS.split(value)][:_MAX_PARTS]:
        number = _CAPACITY_NUMBER.search(part) if _SPEND_WORDS.search(part) else None
        if number:
            label = part[: number.start()].strip(" :-–—") or head
            capacity_entry(b, label, part[number.start() :], line, ctx)
            continue
        metrics = metric_fields(part, metric_context=True)
        if part and metrics:
            draft = b.new_draft(ItemKind.METRIC, clean_title(part), line, ctx)
            draft.add_text(part)
            b.place(draft, part, ctx)
            draft.add_metrics(metrics, line)
    return True


_SECURITY_SHARE = re.compile(
    r"\bsecurity\b(?:(?!\bby\b)[^.;:]){0,40}?\b(?P<a>\d{1,2}(?:\.\d+)?)\s*%\s+of\s+(?:[\w-]+\s+){0,2}?"
    r"(?:capacity|budget|time|effort|headcount|spend|sprints?)\b"
    r"|\b(?P<b>\d{1,2}(?:\.\d+)?)\s*%\s+(?:of\s+(?:[\w-]+\s+){0,2}?(?:capacity|budget|time|effort|"
    r"spend|sprints?)\s+)?(?:is\s+|goes\s+)?(?:on|for|to|ring-?fenced for|reserved for|"
    r"dedicated to|earmarked for)\s+security\b",
    re.IGNORECASE,
)
_SECURITY_AMOUNT = re.compile(
    r"(?P<money>[$€£]\s?\d+(?:[.,]\d+)?\s?(?:[kKmM]\b|million|thousand)?)(?:[^.;$€£]|\.\d){0,40}?\b"
    r"(?:is\s+|are\s+)?(?:ring-?fenced|reserved|earmarked|allocated|set aside|budgeted)\s+"
    r"(?:for|to)\s+(?:the\s+)?(?:security|cyber)",
    re.IGNORECASE,
)


_OUTLINE = re.compile(r"^\s*\d{1,3}(?:(?:\.\d{1,3})+\.?|[.)])\s+(?=[A-Za-z])")
_NUMBER_WORDS = {"no": 0, "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_COUNT = r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
_SECURITY_STAFF = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # "we have no dedicated security engineer", "the security lead role is still open"
        r"\b(?:no|without an?|lack an?) (?:dedicated |full-time |in-house )?(?:security|appsec|infosec|"
        r"cyber ?security) (?:engineers?|team|people|staff|person|function|lead|hire)\b",
        r"\b(?:security|appsec|infosec) (?:engineer|lead|manager|architect|role|position|hire)s?\b"
        r"[^.;]{0,30}?\b(?:is |remains |still |stays )*(?:open|unfilled|vacant|not (?:yet )?"
        r"(?:approved|funded|filled))\b",
        # "the security office is 3 people", "a security team of two"
        r"\b(?:security|appsec|infosec) (?:team|office|function|group|staff)\s+(?:is|of|has|with|"
        r"=)\s+(?:just |only )?" + _COUNT + r"(?:\s+(?:people|engineers?|staff|fte|analysts?))?\b",
        # "3 security engineers", "one security engineer cannot review every launch"
        r"\b" + _COUNT + r" (?:dedicated |full-time )?(?:security|appsec|infosec) (?:engineers?|"
        r"people|staff|analysts?|fte)\b",
        # "Security: 1.5 FTE, no SOC"
        r"\b(?:security|appsec|infosec)\s*[:=]\s*(?P<x>\d{1,2}(?:\.\d)?)\s*(?:fte|people|engineers?|"
        r"analysts?|staff)\b",
        # "Security is 'whoever is on call' — no dedicated person"
        r"\bsecurity\b[^.;]{0,50}\bno (?:dedicated |full-time )?(?:person|people|one|owner|staff)\b",
        # "a part-time vCISO, 2 days a week"
        r"\b(?:part-time|fractional|virtual) (?:v?ciso|security (?:lead|engineer|officer))\b"
        r"[^.;]{0,25}?\b(?P<days>[1-4]) days?\s*(?:a |per |/)\s*week\b",
    )
)


def _security_staff(b: ItemBuilder, text: str, line: int) -> bool:
    """The security people a roadmap states it has ("no dedicated security engineer",
    "the security office is 3 people", "a part-time vCISO 2 days a week")."""
    for pattern in _SECURITY_STAFF:
        m = pattern.search(text)
        if m is None:
            continue
        groups = m.groupdict()
        if groups.get("days"):
            people = int(groups["days"]) / 5
        elif groups.get("x"):
            people = float(groups["x"])
        elif groups.get("n"):
            count = groups["n"].lower()
            people = float(_NUMBER_WORDS.get(count, 0) if not count.isdigit() else int(count))
        else:
            people = 0.0
        _record(b, "security_staff", "Security people", people, "people", None, line)
        return True
    return False


def stated_security_capacity(b: ItemBuilder, text: str, line: int, ctx: Context) -> bool:
    """A security share or amount stated in passing ("Security gets 10% of engineering
    capacity", "$2.1M (about 5.5%) is ring-fenced for security"), recorded as capacity; the
    security people a line states are recorded too, and the line stays work or prose."""
    lowered = text.lower()
    if "secur" not in lowered and "cyber" not in lowered and "ciso" not in lowered:
        return False
    _security_staff(b, text, line)
    if "%" not in text and not any(sign in text for sign in "$€£"):
        return False
    stated = _SECURITY_AMOUNT.search(text)
    money = _MONEY.search(stated.group("money")) if stated is not None else None
    if money is not None:
        _record(b, "budget_amount", "Security budget", _amount(money), money.group("currency"),
                None, line)  # fmt: skip
        return True
    share = _SECURITY_SHARE.search(text)
    if share is None:
        return False
    _record(b, "budget_share", "Security", float(share.group("a") or share.group("b")), "%",
            None, line)  # fmt: skip
    return True
