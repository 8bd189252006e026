"""The vocabulary of metrics: numbers with units, comparators, change verbs, cadences."""

from __future__ import annotations

import re

from roadsec.model.roadmap import Comparator

MAX_METRICS_PER_TEXT = 4
_LIMIT = 600  # characters of one text looked at; keeps every pattern linear and cheap

_NUM = (
    r"(?P<cur{n}>[$€£])?(?P<num{n}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?P<mag{n}>[kmb](?![a-z]))?"
)
_UNIT = (
    r"(?:[\s-]?(?P<unit{n}>%|milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|"
    r"weeks?|months?|x|points?|pts|/day|/week|/month|per (?:day|week|month)|rps|qps|gb|tb|"
    r"engineers?)(?![a-z]))?(?P<plus{n}>\+)?"
)


def _value(n: int) -> str:
    return _NUM.format(n=n) + _UNIT.format(n=n)


_COMP_WORDS = (
    r"(?P<comp{n}><=|>=|≤|≥|<|>|under|below|less than|fewer than|at most|within|over|above|"
    r"more than|at least|exceeds?|meets/exceeds|up to|sub-)?\s*"
)
_VALUE1 = _COMP_WORDS.format(n=1) + _value(1)
_VALUE2 = _COMP_WORDS.format(n=2) + _value(2)
_ARROW = r"\s*(?:→|->|=>|to)\s*"
_NAME = r"(?P<name>[A-Za-z][\w /&().'-]{1,80}?)"

_CHANGE_VERB = (
    r"(?:(?:is |was |will be )?(?:reduced|decreased|cut|lowered|increased|improved|raised|"
    r"grown|grows?|reduce|increase|improve|cut|lower|raise|grow|go|goes))"
)
# Anchors first, names after: a pattern that starts with a lazy name scans every position of
# the text for every name length, so the name is read backwards from the anchor instead.
_FROM_TO = re.compile(r"\bfrom\s+" + _VALUE1 + _ARROW + _VALUE2, re.IGNORECASE)
_TRAILING_VERB = re.compile(r"\s+" + _CHANGE_VERB + r"$", re.IGNORECASE)
# "Name: value" shapes are split at the colon first, then the value is matched from its start.
_LABEL_NAME = re.compile(r"[A-Za-z][\w /&().'-]{1,80}")
_ARROW_PAIR = re.compile(r"\s*" + _VALUE1 + r"\s*(?:→|->|=>)\s*" + _VALUE2, re.IGNORECASE)
_BY_VERB = re.compile(
    r"(?P<verb>reduce|reducing|reduced|decrease|decreasing|decreased|cut|cutting|lower|lowering|"
    r"increase|increasing|increased|improve|improving|improved|raise|raising|grow|growing|boost|"
    r"boosting|double|speed up)\s+",
    re.IGNORECASE,
)
_BY_VALUE = re.compile(r"\s+by\s+" + _value(1), re.IGNORECASE)
_BY_NAME = re.compile(r"[\w /&().'-]{2,80}")
_NAME_BY_PCT = re.compile(
    r"\s+(?P<verb>reduced|decreased|increased|improved|raised|grown|cut)\s+by\s+" + _value(1),
    re.IGNORECASE,
)
_LABELLED = re.compile(r"\s*" + _VALUE1 + r"(?P<rest>[^\n]{0,60})$", re.IGNORECASE)
_NAME_COMP = re.compile(
    r"\s*(?P<comp1><=|>=|≤|≥|<|>|(?<![A-Za-z])(?:of|at|meets/exceeds|exceeds|meets|reaches|above|"
    r"below|under|over)(?![A-Za-z]))\s*" + _value(1),
    re.IGNORECASE,
)
_ACHIEVE_VERBS = r"achieve|reach|maintain|hit|attain|support|serve|handle|onboard|cover"
_ACHIEVE = re.compile(
    r"(?P<verb>"
    + _ACHIEVE_VERBS
    + r")\s+(?P<pre>[a-z ]{0,30}?)"
    + _value(1)
    + r"\s+(?P<name>[\w /&().'-]{2,60})",
    re.IGNORECASE,
)
_VALUE_FIRST = re.compile(
    r"^" + _VALUE1 + r"\s*(?P<change>reduction in|increase in|faster|improvement in|fewer|more|"
    r"decrease in|growth in|of)?\s*(?P<name>[A-Za-z][\w /&().'-]{1,80})$",
    re.IGNORECASE,
)
_MEASURE_NAME = re.compile(
    r"^(?P<name>(?:[A-Za-z][\w /&'-]{0,50}?[\s-])?(?:availability|uptime|rate|ratio|costs?|latency|share|"
    r"coverage|conversion|churn|retention|nps|csat|score|margin|utili[sz]ation|accuracy|loss(?:es)?|"
    r"errors?|adoption|spend)(?: per [\w-]+)?)\s+(?:(?P<change>down|up|lower|higher|reduced|"
    r"increased|cut|improved)\s+(?:by\s+)?)?(?:to\s+)?(?P<num1>\d+(?:\.\d+)?)\s?(?P<unit1>%)",
    re.IGNORECASE,
)
"""A measure named first: "Availability 99.95% for checkout", "Cloud cost per order down 20%"."""
_CADENCE = {
    "daily": 1.0,
    "every day": 1.0,
    "several times a day": 1.0,
    "multiple times a day": 1.0,
    "twice a week": 3.5,
    "twice weekly": 3.5,
    "weekly": 7.0,
    "every week": 7.0,
    "every sprint": 14.0,
    "bi-weekly": 14.0,
    "biweekly": 14.0,
    "fortnightly": 14.0,
    "every two weeks": 14.0,
    "every 2 weeks": 14.0,
    "three weeks": 21.0,
    "3 weeks": 21.0,
    "every three weeks": 21.0,
    "monthly": 30.0,
    "every month": 30.0,
    "quarterly": 91.0,
    "every quarter": 91.0,
}
_DIGIT = re.compile(r"\d")
_CADENCE_STEMS = ("daily", "a day", "every day", "week", "sprint", "month", "quarter")
_COMPARISON_HINT = re.compile(
    r"[<>≤≥]|\b(?:of|at|exceeds?|meets|reaches|above|below|under|over)\b", re.IGNORECASE
)
_ACHIEVE_HINT = re.compile(r"\b(?:" + _ACHIEVE_VERBS + r")\b", re.IGNORECASE)
_PAREN_VALUE = re.compile(
    r"^(?P<name>[A-Za-z][^()]{2,80}?)\s*\("
    + _value(1)
    + r"\s*(?P<change>faster|slower|reduction|increase|improvement|fewer|more|less)?\)",
    re.IGNORECASE,
)
_MULTIPLY = re.compile(
    r"\b(?P<verb>double|triple|quadruple|halve)\s+(?:the\s+)?(?P<name>[\w /&-]{2,60})",
    re.IGNORECASE,
)
_FACTORS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5}
_CADENCE_NAME = re.compile(
    r"\b(?:release|deploy|deployment|ship|delivery|cadence|cycle)", re.IGNORECASE
)
_CADENCE_FROM_TO = re.compile(
    r"(?P<name>[\w /-]{2,60}?)\s+from\s+(?P<a>"
    + "|".join(map(re.escape, _CADENCE))
    + r")\s+to\s+(?P<b>"
    + "|".join(map(re.escape, _CADENCE))
    + r")\b",
    re.IGNORECASE,
)
_FREQUENCY = re.compile(
    r"(?P<n>\d+(?:\.\d+)?)\s*(?:x|×|times|deploy(?:ment)?s|releases)?\s*(?:per|a|an|/|each|every)\s*"
    r"(?P<per>day|week|month)\b",
    re.IGNORECASE,
)
"""A delivery frequency: "10x per day", "20 times a day", "5 deploys/week"."""
_CADENCE_WORD = re.compile(r"\b(?P<w>" + "|".join(map(re.escape, _CADENCE)) + r")\b", re.IGNORECASE)

_COMPARATORS: dict[str, Comparator] = {
    "<": "<", "under": "<", "below": "<", "less than": "<", "fewer than": "<",
    "<=": "<=", "≤": "<=", "at most": "<=", "within": "<=", "up to": "<=",
    ">": ">", "over": ">", "above": ">", "more than": ">",
    ">=": ">=", "≥": ">=", "at least": ">=", "exceeds": ">=", "exceed": ">=",
    "meets/exceeds": ">=", "meets": ">=", "reaches": ">=", "sub-": "<",
}  # fmt: skip
_UNIT_NAMES = {
    "milliseconds": "ms", "millisecond": "ms", "sec": "s", "secs": "s", "second": "s",
    "seconds": "s", "min": "min", "mins": "min", "minute": "min", "minutes": "min",
    "hour": "hours", "hrs": "hours", "hr": "hours", "h": "hours", "day": "days",
    "week": "weeks", "month": "months", "point": "points", "pts": "points",
    "per day": "/day", "per week": "/week", "per month": "/month", "engineer": "engineers",
}  # fmt: skip
_LEADING_VERB = re.compile(
    r"^(?:(?:goal|target) of|achieve|reach|maintain|attain|reduce|decrease|increase|improve|"
    r"lower|raise|grow|cut|the|a|an|our)\s+",
    re.IGNORECASE,
)
_TRAILING_WHEN = re.compile(
    r"\s+(?:by|in|for|during|before|until|from)\s+(?:the\s+)?(?:end of\s+)?"
    r"(?:Q[1-4]|H[12]|20\d\d|[A-Z][a-z]+\s+20\d\d|year[- ]end)\b.*$",
    re.IGNORECASE,
)
_FLOOR_VERBS = re.compile(
    r"^\s*(?:achieve|reach|maintain|attain|hit|goal of|target of)\b", re.IGNORECASE
)
_DECREASE = re.compile(r"^(?:reduc|decreas|cut|lower|fewer)", re.IGNORECASE)
