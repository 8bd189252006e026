"""Where a block sits: its section's period, role and status, inherited down the headings."""

from __future__ import annotations

import re
from typing import NamedTuple

from roadsec.model.roadmap import ItemKind, Status
from roadsec.parse.lexicon_models import Role
from roadsec.parse.periods import Period
from roadsec.parse.vocabulary import NON_ITEM_ROLES

ROLE_KIND: dict[str, ItemKind] = {
    "key_result": ItemKind.KEY_RESULT,
    "metric": ItemKind.METRIC,
    "risk": ItemKind.RISK,
    "theme": ItemKind.THEME,
    "epic": ItemKind.EPIC,
    "feature": ItemKind.FEATURE,
    "task": ItemKind.TASK,
    "initiative": ItemKind.INITIATIVE,
    "objective": ItemKind.OBJECTIVE,
}
CHILD_KIND: dict[ItemKind, ItemKind] = {
    ItemKind.OBJECTIVE: ItemKind.INITIATIVE,
    ItemKind.GOAL: ItemKind.INITIATIVE,
    ItemKind.THEME: ItemKind.INITIATIVE,
    ItemKind.INITIATIVE: ItemKind.TASK,
    ItemKind.EPIC: ItemKind.FEATURE,
    ItemKind.FEATURE: ItemKind.TASK,
    ItemKind.KEY_RESULT: ItemKind.TASK,
    ItemKind.TASK: ItemKind.TASK,
    ItemKind.METRIC: ItemKind.METRIC,
    ItemKind.RISK: ItemKind.RISK,
}
_NUMBERED = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]\s|\d{1,3}(?:\.\d{1,3})+\s+(?=[A-Z])|[IVX]{1,5}\.\s|[A-Z][.)]\s)"
)
OUTLINE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z])")
"""An outline number opening a line ("2.1 Plant network refresh"): a numbered piece of work."""
_KIND_PREFIX = re.compile(
    r"^(?P<kind>theme|initiative|epic|objective|okr|goal|project|feature|pillar|workstream|"
    r"key result|kr|risk|user story|story|sub-?task|task|spike|o(?=\d))"
    # "KR 5.2 Server-side ...", "O4. Launch ...", "Risk A: ...": a number, then any separator;
    r"(?:(?:\s*#?\s*\d{1,3}(?:\.\d{1,3})*(?![\d.]\d)|\s+(?-i:[A-Z])\b)\.?(?:\s*[:)–—-])?\s+"
    # "Objective: ...", "KR: ...": no number, a separator
    r"|\s*[:.)–—-]\s*)(?=\S)",
    re.IGNORECASE,
)
_NUMBERED_KIND = re.compile(r"^(?:kr|o|key result|objective|goal)\s*\d", re.IGNORECASE)
_PREFIX_KIND: dict[str, ItemKind] = {
    "theme": ItemKind.THEME,
    "pillar": ItemKind.THEME,
    "initiative": ItemKind.INITIATIVE,
    "project": ItemKind.INITIATIVE,
    "workstream": ItemKind.INITIATIVE,
    "epic": ItemKind.EPIC,
    "objective": ItemKind.OBJECTIVE,
    "okr": ItemKind.OBJECTIVE,
    "goal": ItemKind.OBJECTIVE,
    "feature": ItemKind.FEATURE,
    "key result": ItemKind.KEY_RESULT,
    "kr": ItemKind.KEY_RESULT,
    "risk": ItemKind.RISK,
    "o": ItemKind.OBJECTIVE,
    "user story": ItemKind.FEATURE,
    "story": ItemKind.FEATURE,
    "task": ItemKind.TASK,
    "subtask": ItemKind.TASK,
    "sub-task": ItemKind.TASK,
    "spike": ItemKind.TASK,
}


class Context(NamedTuple):
    """What the blocks of one place in the document inherit (a named tuple: built per item
    and per heading, it must be cheap to make)."""

    level: int = 0
    heading: str = ""
    period: Period | None = None
    role: Role | None = None
    status: Status | None = None
    status_heading: str | None = None
    parent: str | None = None
    parent_kind: ItemKind | None = None
    theme: str | None = None
    owner: str | None = None  # "## Platform (lead: Jonah K.)": who owns the work under it

    @property
    def dated(self) -> bool:
        return self.period is not None

    @property
    def collects_items(self) -> bool:
        return self.role is not None and self.role not in NON_ITEM_ROLES

    @property
    def skips_items(self) -> bool:
        return self.role in NON_ITEM_ROLES

    def kind(self) -> ItemKind:
        """The kind a new item here gets."""
        if self.parent_kind is not None:
            return CHILD_KIND.get(self.parent_kind, ItemKind.TASK)
        if self.role in ROLE_KIND:
            return ROLE_KIND[self.role]
        return ItemKind.INITIATIVE

    def under(self, item_id: str, kind: ItemKind) -> Context:
        """The context of an item's children (called once per item: no generic copy)."""
        return Context(self.level, self.heading, self.period, self.role, self.status,
                       self.status_heading, item_id, kind, self.theme, self.owner)  # fmt: skip


def numbered_or_prefixed(title: str) -> tuple[bool, ItemKind | None, str]:
    """Whether a heading names one thing ("1. Multi-Tenant", "Theme 2: X"), its kind and name."""
    m = _KIND_PREFIX.match(title)
    if m:
        return True, _PREFIX_KIND[m.group("kind").lower()], title[m.end() :].strip()
    m = _NUMBERED.match(title)
    if m:
        return True, None, title[m.end() :].strip()
    return False, None, title


_FILLER_WORDS = frozenset(
    [
        "plan",
        "plans",
        "planned",
        "planning",
        "roadmap",
        "roadmaps",
        "outlook",
        "overview",
        "work",
        "agenda",
        "schedule",
        "for",
        "in",
        "of",
        "to",
        "the",
        "our",
        "and",
        "during",
        "through",
        "by",
        "until",
        "what's",
        "whats",
        "next",
        "ahead",
        "look",
        "looking",
        "beyond",
        "onwards",
        "onward",
        "after",
        "later",
    ]
)
"""Words that only say what kind of page a heading opens."""


def names_a_theme(remainder: str) -> bool:
    """A dated heading's words beside its period name a theme ("Q2: Service decoupling"), not
    just the document's kind of page ("Plans for 2026", "Roadmap for H1")."""
    words = remainder.lower().split()
    return len(words) >= 2 and not _FILLER_WORDS.issuperset(words)


def kind_prefixed(text: str) -> tuple[ItemKind, str] | None:
    """The kind and the rest of a list item that names its kind ("KR2: ...", "Risk: ...")."""
    head = text[:24]
    if ":" not in head and "—" not in head and "-" not in head and not _NUMBERED_KIND.match(head):
        return None
    _, kind, name = numbered_or_prefixed(text)
    return (kind, name) if kind is not None and name else None
