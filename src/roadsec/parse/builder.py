"""Block tree -> item drafts: sections give period, role and status; lists, tables and
numbered headings give items; bold labels fill their fields."""

from __future__ import annotations

import re

from roadsec.model.roadmap import LISTED_UNDER, STALLED, Capacity, ItemKind, Status
from roadsec.parse.blocks import Block
from roadsec.parse.capacity import capacity_entry, labelled_targets, stated_security_capacity
from roadsec.parse.context import (
    ROLE_KIND,
    Context,
    kind_prefixed,
    names_a_theme,
    numbered_or_prefixed,
)
from roadsec.parse.draft import UNDATED_KINDS, Draft
from roadsec.parse.fields import (
    effort_in_text,
    owner_in_text,
)
from roadsec.parse.item_fields import apply_field
from roadsec.parse.metrics import metric_fields
from roadsec.parse.months import month_of_fiscal_year, only_month
from roadsec.parse.periods import (
    FiscalYear,
    Period,
    heading_period,
    own_period,
    without_period_words,
)
from roadsec.parse.plain_lines import caps_section, paragraph_lines
from roadsec.parse.prose import sections_without_lists
from roadsec.parse.remarks import (
    DEADLINE_REMARK,
    HEALTH_REMARK,
    HISTORY_WORDS,
    OWNER_REMARK,
    SCORE_PARENTHETICAL,
    STATUS_AFTER_COLON,
    TAGS,
    TEAM_REMARK,
    TIMING_REMARK,
    split_dash,
)
from roadsec.parse.status import detect_status, section_status, status_from_cell
from roadsec.parse.tables import read_table
from roadsec.parse.text import clean_text, clean_title, parentheticals, without_parentheticals
from roadsec.parse.vocabulary import NON_ITEM_ROLES, load_vocabulary

_LEADING_NUMBER = re.compile(r"^\s*[<>≤≥~$€£]?\s*\d")
_PLAIN_LABEL = re.compile(r"^(?P<label>[A-Za-z][\w /&-]{1,30}?)\s*:\s*(?P<value>.*)$", re.DOTALL)
_STATUS_FIELD = re.compile(r"\b[Ss]tatus:\s*([A-Za-z][\w '’-]{1,30}?)\s*(?:[.;,(]|$)")
_TRAILING_FIELDS = re.compile(
    r"[.;]?\s+(?:Owner|Owners|Status|Effort|Estimate|Due|ETA|Target|Quarter|Priority|Team):\s.*$"
)
_PLAN_TITLE = re.compile(r"\b(?:roadmap|plan|okrs?|objectives|priorities|initiatives)\b", re.I)
"""A document title that names a plan of work (not an overview or a report)."""

_ON_TRACK_LEGEND = re.compile(
    r"✅\s*[:=–—-]?\s*(?:on[ -]track|green|healthy|good)\b", re.IGNORECASE
)
_LOUD_STATUSES = STALLED | {Status.IN_PROGRESS, Status.DONE}


class ItemBuilder:
    """Walks one document's block tree once, in order."""

    def __init__(
        self, document: str, slug: str, year: int | None, title: str | None = None
    ) -> None:
        self.document = document
        self.title = title
        self.slug = slug
        self.year = year
        self.vocab = load_vocabulary()
        self.drafts: dict[str, Draft] = {}
        self.capacity: list[Capacity] = []
        self._periods: dict[tuple[str, int | None], tuple[Period | None, str | None]] = {}
        self._headings: dict[tuple[str, int | None], Period | None] = {}
        self.stack: list[Context] = [Context()]
        self.last_objective: Draft | None = None
        self._statuses: dict[str, tuple[Status | None, str | None]] = {}
        self.sections_dated = False
        self.check_on_track = False  # the document's legend says ✅ means on track, not done
        self.prose_paragraphs: set[int] = set()  # paragraphs in sections written as prose
        self.fiscal: FiscalYear | None = None  # "FY27 runs from 1 October 2026"
        self.aliases: dict[str, Period] = {}  # "PLAT 27.1" -> 2027-Q1, from the document's legend
        self.plan_sections = False  # the title's undated sections hold work (see reads_as_plan)

    def reads_as_plan(self) -> bool:
        """Whether nothing was read from a document whose title names a year's plan ("# Acme
        2027 roadmap" over undated "## Growth" and "## Platform" lists): read again, its
        sections' lists are that year's work."""
        return (
            not self.drafts
            and self.year is not None
            and self.title is not None
            and _PLAN_TITLE.search(self.title) is not None
        )

    def own_period(self, text: str) -> tuple[Period | None, str | None]:
        """`periods.own_period` in this document's year, read once per text."""
        key = (text, self.year)
        if key not in self._periods:
            period, due = own_period(text, self.year)
            if period is not None and period.fiscal:
                month = month_of_fiscal_year(text, self.fiscal)  # "Aug FY27"
                period, due = month if month else (period.in_calendar(self.fiscal), due)
            self._periods[key] = period, due
        return self._periods[key]

    def heading_period(self, text: str) -> Period | None:
        """`periods.heading_period` in this document's year and fiscal calendar, read once per
        text and year (the walk asks first whether any section is dated, then per heading)."""
        key = (text, self.year)
        if key not in self._headings:
            period = heading_period(text, self.year)
            if period is not None and period.fiscal:
                period = period.in_calendar(self.fiscal)
            self._headings[key] = period
        return self._headings[key]

    def status_of(self, text: str) -> tuple[Status | None, str | None]:
        """`status.detect_status`, read once per text."""
        if text not in self._statuses:
            self._statuses[text] = detect_status(text)
        return self._statuses[text]

    # -- items --------------------------------------------------------------------------------
    def new_draft(self, kind: ItemKind, title: str, line: int, ctx: Context) -> Draft:
        draft = Draft(id=f"{self.slug}-{len(self.drafts) + 1:03d}", kind=kind, title=title,
                      line=line, parent=ctx.parent, section=ctx.heading or None)  # fmt: skip
        self.drafts[draft.id] = draft
        return draft

    def place(self, draft: Draft, text: str, ctx: Context) -> None:
        """Period, status, owner and effort: stated on the item, else inherited."""
        period, due = self.own_period(text)
        if (
            period is not None
            and ctx.period is not None
            and _passing_mention(period, ctx.period, text)
        ):
            period = None  # "4x FY26 peak traffic" under "FY27 Q3": the past, not the item's time
        status, reason = self.status_of(text)
        if "tatus:" in text and (field := _STATUS_FIELD.search(text)) is not None:
            status = status_from_cell(field.group(1)) or status  # "... Status: Proposed."
            reason = clean_text(field.group(1)) if status not in (None, Status.PLANNED) else reason
        if status is Status.DONE and self.check_on_track and "✅" in text:
            status, reason = self.status_of(text.replace("✅", " "))  # the legend: ✅ = on track
            if status is None:
                status, reason = Status.IN_PROGRESS, "on track"
        if status is None and ctx.status is not None:
            status, reason = ctx.status, f"{LISTED_UNDER} “{ctx.status_heading}”"
        draft.status, draft.status_reason = status, reason
        undated = (
            status in _LOUD_STATUSES and status is not Status.IN_PROGRESS
        ) or draft.kind in UNDATED_KINDS
        draft.period = period or ctx.period or (None if undated else self._year_period(ctx))
        draft.stated = period is not None
        draft.due = due
        draft.owner = owner_in_text(text) or ctx.owner
        draft.effort = effort_in_text(text)

    def _year_period(self, ctx: Context) -> Period | None:
        if ctx.collects_items and self.year:
            return Period(self.year, 1, 4, whole_year=True)
        return None

    # -- walking ------------------------------------------------------------------------------
    def walk(self, root: Block) -> None:
        self.stack = [Context()]
        blocks = root.children
        self.prose_paragraphs = sections_without_lists(blocks)
        # "# Live roadmap, Spring 2027" over "### March 2027" sections: the title's period is
        # a summary of theirs and dates no undated section of its own. A section dated outside
        # it ("## Q4 2026 retro" under "# Q1 2027 OKRs") looks back and summarizes nothing.
        self.check_on_track = any(
            b.kind == "paragraph" and "✅" in b.text and _ON_TRACK_LEGEND.search(b.text) is not None
            for b in blocks
        )
        title_period = self.heading_period(self.title) if self.title else None
        self.sections_dated = any(
            b.kind == "heading"
            and b.level > 1
            and (period := self.heading_period(b.text)) is not None
            and _within(period, title_period)
            for b in blocks
        )
        for index, block in enumerate(blocks):
            if block.kind == "heading":
                self.enter(block, blocks, index)
            elif block.kind == "list" and (section := caps_section(block)) is not None:
                self.enter(section, blocks, index)
            elif block.kind == "list":
                self.list_items(block, self._list_context(blocks, index))
            elif block.kind == "table":
                read_table(self, block, self.stack[-1])
            elif block.kind == "paragraph":
                paragraph_lines(self, block, blocks, index)
            elif block.kind == "quote":
                for child in block.children:
                    if child.kind == "list":
                        self.list_items(child, self.stack[-1])

    def _list_context(self, blocks: list[Block], index: int) -> Context:
        """A list right under an "O4. Launch in Southeast Asia" line holds that objective's key
        results; any other list belongs to its section."""
        ctx = self.stack[-1]
        objective = self.last_objective
        previous = blocks[index - 1] if index else None
        if objective is None or previous is None or previous.kind != "paragraph":
            return ctx
        if not previous.line <= objective.line <= previous.end_line:
            return ctx
        return ctx.under(objective.id, objective.kind)

    def enter(self, block: Block, blocks: list[Block], index: int) -> None:
        """A heading (or a line that acts as one) opens a section under the right parent."""
        while len(self.stack) > 1 and self.stack[-1].level >= block.level:
            self.stack.pop()
        self.stack.append(self.heading(block, self.stack[-1], blocks, index))
        self.last_objective = None

    def heading(self, block: Block, parent: Context, blocks: list[Block], index: int) -> Context:
        title = clean_title(block.text)
        period = self.heading_period(title)
        if block.level == 1 and (period is None or period.whole_year):
            if self.plan_sections and parent.role is None:
                # "# Acme 2027 roadmap" over "## Growth": its sections' lists are the year's work
                return parent._replace(level=1, role="initiative")
            return parent._replace(level=1)  # the document title: sets no section
        if block.level == 1 and title == self.title:  # "# Roadmap — first half of 2026"
            return parent._replace(level=1, period=None if self.sections_dated else period)
        if period and period.year:
            self.year = period.year
        remainder = without_period_words(title) if period else title
        # "Q4 2026 retro (for context)": a parenthetical that names the role counts.
        role = (self.vocab.role_of(remainder) if remainder else None) or (
            self.vocab.role_of(title) if period and "(" in title else None
        )
        # "## Security (part-time vCISO, 2 days/week)": the security people a heading names
        stated_security_capacity(self, title, block.line, parent)
        status = section_status(title) if role != "risk" else None  # "Risks and open questions"
        ctx = Context(
            level=block.level,
            heading=title,
            period=period or parent.period,
            role=role or parent.role,
            status=status or parent.status,
            status_heading=title if status else parent.status_heading,
            theme=None if period else parent.theme,
            owner=owner_in_text(title) or parent.owner,
        )
        if period and remainder and role is None and status is None and names_a_theme(remainder):
            theme = self.new_draft(ItemKind.THEME, remainder, block.line, ctx)
            self.place(theme, title, ctx)
            return ctx._replace(theme=theme.id)
        named, prefix_kind, name = numbered_or_prefixed(title)
        if period or parent.skips_items:
            return ctx
        if not (parent.collects_items or parent.dated or prefix_kind):  # "## Objective 1 — X"
            return ctx
        if role in NON_ITEM_ROLES:  # "## Context" under a dated title: no piece of work
            return ctx
        described = parent.dated and _has_prose(
            blocks, index
        )  # "#### Checkout re-platform" + prose
        if not (named or described or self._has_field_labels(blocks, index)):
            return ctx
        kind = prefix_kind or parent.kind()
        item_ctx = parent._replace(level=block.level, heading=parent.heading)
        draft = self.new_draft(kind, clean_title(name) or title, block.line, item_ctx)
        self.place(draft, title, parent)
        return ctx._replace(role=ctx.role if prefix_kind else parent.role).under(draft.id, kind)

    def _has_field_labels(self, blocks: list[Block], index: int) -> bool:
        for block in blocks[index + 1 :]:
            if block.kind == "heading":
                return False
            if block.kind in ("list", "paragraph"):
                entries = block.children if block.kind == "list" else [block]
                for entry in entries:
                    label, _ = self.split_label(entry)
                    if label and self.vocab.field_of(label):
                        return True
        return False

    def split_label(self, block: Block) -> tuple[str | None, str]:
        """A bold or plain "Label: value" opening, as (label, value)."""
        text = block.text
        if block.lead_strong:
            strong = block.lead_strong
            rest = text.split(strong, 1)[1] if strong in text else ""
            if strong.endswith(":"):
                return strong.rstrip(": "), rest.strip()
            if rest.lstrip().startswith(":"):
                return strong.strip(), rest.lstrip()[1:].strip()
            return None, text
        m = _PLAIN_LABEL.match(text) if ":" in text else None
        if m and self.vocab.field_of(m.group("label")):
            return m.group("label"), m.group("value").strip()
        return None, text

    def paragraph(self, block: Block, ctx: Context) -> None:
        label, value = self.split_label(block)
        if label is None and ":" in block.text[:41]:
            head, _, rest = block.text.partition(":")
            if labelled_targets(self, head, rest, block.line, ctx):
                return
        if self.stalled_list(label or block.text.partition(":")[0], value, block, ctx):
            return
        theme_id = ctx.theme
        names_theme = label is not None and self.vocab.role_of(label) == "theme"
        if names_theme and theme_id:
            self.drafts[theme_id].add_text(value)
            self.drafts[theme_id].add_line(block.line)
            return
        if names_theme and ctx.dated:
            theme = self.new_draft(ItemKind.THEME, clean_title(value), block.line, ctx)
            self.place(theme, value, ctx)
            return
        draft = self.drafts.get(ctx.parent or "")
        if draft is None:
            if label:  # "**Success metrics:** ..." under no item: the document's own targets
                labelled_targets(self, label, value, block.line, ctx)
            return
        field = self.vocab.field_of(label) if label else None
        if label and field:
            apply_field(self, draft, field, label, value, block, ctx)
        elif not label and not draft.text:
            draft.add_text(block.text)
            draft.add_line(block.line)

    def stalled_list(self, label: str, value: str, block: Block, ctx: Context) -> bool:
        """ "Parking lot (not planned): 2FA for players — pushed twice; bug bounty — no budget":
        a labelled paragraph that lists work with a stalled status, one item per part."""
        status = section_status(label) if len(label) <= 40 and ":" in block.text else None
        if status not in STALLED or ctx.skips_items:
            return False
        rest = value if value != block.text else block.text.partition(":")[2]
        parts = [part.strip() for part in rest.split(";") if len(part.split()) >= 2]
        group = ctx._replace(status=status, status_heading=clean_title(label), period=None)
        for part in parts[:20]:
            title = self.item_title(block, None, part)
            draft = self.new_draft(ctx.kind(), title, block.line, group)
            draft.add_text(part)
            self.place(draft, part, group)
        return bool(parts)

    def list_items(self, block: Block, ctx: Context) -> None:
        entries = [entry for entry in block.children if entry.kind == "item"]
        if not (ctx.collects_items or ctx.dated or ctx.role) and self._dated_list(entries):
            ctx = ctx._replace(role="initiative")  # a list of dated work: its undated entries too
        for entry in entries:
            self.list_item(entry, ctx)

    def _dated_by_fields(self, block: Block) -> bool:
        """An entry whose sub-bullets date it ("* Remote shell for support" over "o Target: by
        end of May"): work, with the sub-bullet as its field."""
        for child in block.children:
            if child.kind != "list":
                continue
            for entry in child.children:
                label, value = self.split_label(entry)
                field = self.vocab.field_of(label) if label else None
                if field in ("period", "metrics", "status") and (
                    self.only_period(value) or (field == "status" and status_from_cell(value))
                ):
                    return True
        return False

    def _dated_list(self, entries: list[Block]) -> bool:
        """At least half of the entries, and two or more, dated or stalled: "- Alpha launch by
        end of May", "- Bravo launch in March", "- Charlie launch" is a list of work."""
        leaves = [e for e in entries if not any(c.kind == "list" for c in e.children)]
        if len(leaves) < 2 or len(leaves) < len(entries):
            return False  # a list that groups other lists ("- **Data:**" over its stack)
        dated = sum(
            1
            for entry in leaves
            if self.own_period(entry.text)[0] is not None
            or self.status_of(entry.text)[0] in STALLED
        )
        return dated >= 2 and dated * 2 >= len(leaves)

    def nested(self, block: Block, ctx: Context) -> None:
        for child in block.children:
            if child.kind == "list":
                self.list_items(child, ctx)
            elif child.kind == "table":
                read_table(self, child, ctx)

    def list_item(self, block: Block, ctx: Context) -> None:
        label, value = self.split_label(block)
        if ctx.skips_items:
            if ctx.role == "capacity":
                capacity_entry(self, label, value or block.text, block.line, ctx)
            self.nested(block, ctx)
            return
        parent = self.drafts.get(ctx.parent or "")
        field = self.vocab.field_of(label) if label else None
        if label and parent is not None and field:
            apply_field(self, parent, field, label, value, block, ctx)
            return
        if label and not value:
            self.nested(block, self.group_context(label, ctx))
            return
        text = block.text
        if label is None and stated_security_capacity(self, text, block.line, ctx):
            return  # "Security gets 10% of engineering capacity": capacity, not work
        status, _ = self.status_of(text)
        period, _ = self.own_period(text)
        stalled = status in STALLED or ctx.status in STALLED
        if not (
            ctx.collects_items or ctx.dated or period or stalled or self._dated_by_fields(block)
        ):
            self.nested(block, ctx)
            return
        kind, named = ctx.kind(), text
        if label is None and (prefixed := kind_prefixed(text)) is not None:
            kind, named = prefixed  # "- KR2: p95 latency under 200ms" is a key result
        title = self.item_title(block, label, named)
        draft = self.new_draft(kind, title, block.line, ctx)
        draft.add_text(text)
        self.place(draft, text, ctx)
        if block.checked and draft.status in (None, Status.PLANNED):
            draft.status, draft.status_reason = Status.DONE, "checked off"  # "- [x] ..."
        metric_context = kind is ItemKind.METRIC or bool(_LEADING_NUMBER.match(named))
        draft.add_metrics(metric_fields(named, metric_context=metric_context), block.line)
        children = ctx.under(draft.id, draft.kind)
        if period is not None:  # "- Epic: Self-serve onboarding [Q1]": its stories are Q1 work
            children = children._replace(period=draft.period)
        self.nested(block, children)

    def group_context(self, label: str, ctx: Context) -> Context:
        """A bold label that only groups bullets ("**Data Improvements (planned Q4 2025):**")."""
        period, _ = self.own_period(label)
        status, _ = self.status_of(label)
        role = self.vocab.role_of(without_parentheticals(label))
        return ctx._replace(
            period=period or ctx.period,
            status=status if status in _LOUD_STATUSES else ctx.status,
            status_heading=clean_title(label) if status in _LOUD_STATUSES else ctx.status_heading,
            role=role or ctx.role,
        )

    def only_period(self, label: str) -> bool:
        """A label that only dates what follows ("**Q3 2026** — Edge caching")."""
        if self.own_period(label)[0] is None:
            return False
        rest = without_period_words(label)
        return not rest or only_month(rest) or DEADLINE_REMARK.fullmatch(label) is not None

    def is_remark(self, parenthetical: str) -> bool:
        """A parenthetical that dates or qualifies an item rather than naming it."""
        return bool(
            self.status_of(f"({parenthetical})")[0]  # "(done)" states a status, "done" alone not
            or self.own_period(parenthetical)[0]
            or HISTORY_WORDS.search(parenthetical)
            or TEAM_REMARK.fullmatch(parenthetical)
            or SCORE_PARENTHETICAL.fullmatch(parenthetical.strip())
        )

    def item_title(self, block: Block, label: str | None, text: str) -> str:
        if label and not self.only_period(label):
            return clean_title(label)
        lead = block.lead_strong
        if lead and len(lead) > 2 and not self.only_period(lead):
            return clean_title(lead)
        if lead and label is None and text.startswith(lead):
            text = text[len(lead) :].lstrip(" :–—-")  # "**Q3** — Edge caching": the work
        elif label:
            text = text.split(":", 1)[1] if ":" in text else text
        head, dash, remark = split_dash(text)
        if dash and (
            self.status_of(remark)[0] is not None
            or OWNER_REMARK.match(remark)
            or HEALTH_REMARK.match(remark)
            or DEADLINE_REMARK.match(remark)
            or TIMING_REMARK.match(remark)
            or self.only_period(remark)
        ):
            text = head  # "HSM migration — postponed, awaiting budget": the title is the work
        if ":" in text:  # "PAM for Linux servers. Owner: TBD. Status: Proposed."
            text = _TRAILING_FIELDS.sub("", text) or text
            status_at = STATUS_AFTER_COLON.search(text)
            if status_at and status_at.start() and self.status_of(status_at.group())[0]:
                text = text[: status_at.start()]
        if "[" in text or "@" in text or "~" in text or "#" in text or "(P" in text:
            text = TAGS.sub("", text).strip() or text  # "[Q2] (P1) @raj ~3w #security"
        if "(" not in text:
            return clean_title(text)
        keep = {p for p in parentheticals(text) if not self.is_remark(p)}
        return clean_title(without_parentheticals(text, keep)) or clean_title(text)


def _has_prose(blocks: list[Block], index: int) -> bool:
    """The heading at ``index`` is followed by a paragraph: it describes one piece of work (a
    heading over a list or a table is a section of items instead)."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return following is not None and following.kind == "paragraph"


__all__ = ["ROLE_KIND", "ItemBuilder"]


def _within(period: Period, outer: Period | None) -> bool:
    """Whether ``period`` lies inside ``outer`` (any period lies inside an unknown one)."""
    if outer is None or outer.year is None or period.year is None or outer.horizon:
        return True
    return period.year == outer.year and outer.first <= period.first and period.last <= outer.last


_BROUGHT_FORWARD = re.compile(
    r"\b(?:pull(?:ed|ing)? (?:in|forward|into|ahead)|brought (?:forward|in)|moved (?:up|forward|to|into)|"
    r"ahead of|early|earlier|already|starts?|started|from)\b",
    re.IGNORECASE,
)


def _passing_mention(own: Period, section: Period, text: str) -> bool:
    """Whether a period an item names lies wholly before its section's and nothing says the
    item was brought forward: a reference to the past ("2x last FY26 peak"), not its date."""
    if own.year is None or section.year is None or own.horizon or section.horizon:
        return False
    before = own.year < section.year or (own.year == section.year and own.last < section.first)
    return before and _BROUGHT_FORWARD.search(text) is None
