"""Period aliases a document defines for itself: "`PLAT 27.1` = Jan–Mar 2027", "PI 3 = Q2 2026".
Release trains, program increments and sprints named this way date the rows that cite them."""

from __future__ import annotations

import re

from roadsec.parse.periods import Period, heading_period

_SCAN_LIMIT = 20_000  # characters of the document searched for a legend
_MAX_ALIASES = 50
_REACH = 52  # characters before an "=" that can hold its alias
_ALIAS = re.compile(r"`?(?P<alias>[A-Za-z][\w.-]{0,15}(?: [\w.-]{1,15}){0,2})`?[ \t]*\Z")
_PERIOD = re.compile(r"[ \t]*`?(?P<period>[^,;`=\n]{2,30})")


def period_aliases(text: str, year: int | None) -> dict[str, Period]:
    """Lower-cased alias -> the period it stands for. An alias has a digit, is no period itself,
    and stands for exactly one readable period."""
    found: dict[str, Period] = {}
    head = text[:_SCAN_LIMIT]
    if "=" not in head:
        return found
    equals = head.find("=")
    while equals != -1:
        named = _ALIAS.search(head, max(0, equals - _REACH), equals)
        stands = _PERIOD.match(head, equals + 1)
        equals = head.find("=", equals + 1)
        if named is None or stands is None:
            continue
        alias = named.group("alias").strip()
        if not any(ch.isdigit() for ch in alias) or heading_period(alias, year) is not None:
            continue
        period = heading_period(stands.group("period").strip(" .)("), year)
        if period is not None and not period.whole_year:
            found.setdefault(alias.lower(), period)
            if len(found) >= _MAX_ALIASES:
                break
    return found
