"""Fast matching of item text against every change type and control recognizer at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from roadsec.knowledge import Catalog
from roadsec.model.roadmap import Item

MAX_MATCH_TEXT = 1200
SECURITY_WORDS = re.compile(
    r"\b(?:secur\w*|access control|rbac|authenticat\w*|authori[sz]\w*|encrypt\w*|vulnerab\w*|"
    r"penetration|pen-?test\w*|compliance|audit\w*|privacy|pii|gdpr|dependency management|"
    r"zero[- ]trust|ddos|mfa|sso|secrets?|permissions?|least privilege|governance|threat\w*|"
    r"incident response|hardening|firewall|waf)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Matcher:
    """One pattern with a named group per entry; scanning restarts one character after each
    hit, so entries whose words overlap are all found."""

    pattern: re.Pattern[str]
    names: dict[str, str]

    def find(self, text: str) -> dict[str, str]:
        """Entry id -> the first words that matched it."""
        found: dict[str, str] = {}
        text = text[:MAX_MATCH_TEXT]
        position = 0
        search = self.pattern.search
        while (m := search(text, position)) is not None:
            key = self.names[m.lastgroup or ""]
            found.setdefault(key, m.group())
            position = m.start() + 1
        return found


def _matcher(entries: dict[str, str]) -> Matcher:
    names = {f"e{index}": key for index, key in enumerate(entries)}
    body = "|".join(f"(?P<e{index}>{pattern})" for index, pattern in enumerate(entries.values()))
    return Matcher(re.compile(body or "(?!)", re.IGNORECASE), names)


@cache
def change_type_matcher(catalog: Catalog) -> Matcher:
    return _matcher({key: "|".join(c.entry.signals) for key, c in catalog.change_types.items()})


@cache
def recognizer_matcher(catalog: Catalog) -> Matcher:
    return _matcher({key: p.pattern for key, p in catalog.recognizers.items()})


def item_text(item: Item) -> str:
    """What an item says, title first."""
    return item.text if item.text.startswith(item.title) else f"{item.title}. {item.text}"


def change_types_of(catalog: Catalog, text: str) -> dict[str, str]:
    """Change types ``text`` signals (excludes applied) -> evidence words."""
    found = change_type_matcher(catalog).find(text)
    return {
        key: words
        for key, words in found.items()
        if (excludes := catalog.change_types[key].excludes) is None or not excludes.search(text)
    }


def controls_recognized(catalog: Catalog, text: str) -> list[str]:
    """Controls ``text`` says are already planned."""
    return list(recognizer_matcher(catalog).find(text))
