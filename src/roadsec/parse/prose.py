"""Roadmaps written as prose: a paragraph under a dated heading whose section has no lists is
one piece of work; a paragraph under a risks heading states one risk per sentence; an outline
line ("2.1 **Plant network refresh**") opens an item its following lines describe."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from roadsec.model.roadmap import ItemKind
from roadsec.parse.blocks import Block
from roadsec.parse.context import OUTLINE_NUMBER
from roadsec.parse.draft import Draft
from roadsec.parse.fields import owner_in_text
from roadsec.parse.item_fields import apply_field
from roadsec.parse.metrics import metric_fields
from roadsec.parse.text import clean_title

if TYPE_CHECKING:
    from roadsec.parse.builder import ItemBuilder

MIN_PROSE_WORDS = 8
MAX_RISK_SENTENCES = 12
MAX_SENTENCE = 400  # characters of a sentence read for a title
_CUT_OFF = re.compile(r"(?:\b(?:the|a|an|at|on|of|to|and|or|with|for|in|by|from|into|per)|,)$")
"""A title line that stops mid-phrase: the next line continues it."""
_CLAUSE_END = re.compile(
    r"[.;(]|\s+(?:by|in|from)\s+(?:end of\s+)?(?:Q[1-4]|H[12]|20\d\d)\b|\s+Owner:", re.I
)
LEAD_SENTENCES = 2  # sentences of a long outline paragraph that state its status
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”')]*\s+(?=[A-Z0-9\"“(])")


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_LEAD_IN = _ci(
    r"^(?:(?:in|over|also|during|by|for|from|after|before|later|meanwhile|next|then|finally|"
    r"first|second|third|in parallel|longer term|this|that)\b[^,]{0,50},\s+"
    r"|(?:also\s+)?(?:over|during|in|by|for|through(?:out)?) the (?:(?:first|second|last|next|"
    r"coming) )?(?:summer|spring|autumn|fall|winter|half|quarter|year|months?)(?: of the year)?\s+"
    r"|longer[- ]term\s+)",
)
_STATUS_VERB = _ci(
    r"^(?:paused|deferred|postponed|delayed|dropped|cancell?ed|stopped|parked|shelved|"
    r"descoped|de-scoped)\s+(?:the\s+)?",
)
_PASSIVE = _ci(
    r"^(?P<subject>.{3,90}?)\s+(?:was|were|has been|have been|is|are|will be)\s+(?:\w+ly\s+)?"
    r"(?:proposed|planned|scheduled|requested|deferred|postponed|paused|approved|budgeted|"
    r"expected|due|targeted|delayed|cancell?ed|dropped)\b",
)
_ADDRESSED_BY = _ci(
    r"^.{3,90}?\s+will be (?:addressed|solved|fixed|handled|resolved|replaced|closed) (?:by|with)\s+"
    r"(?P<work>.+)$",
)
_RISK_LEAD = _ci(
    r"^(?:.{0,60}?\b(?:understand|note|aware|know|remember) that\s+)?"
    r"(?:(?:the|a|one|another|our|a further)\s+(?:\w+\s+){0,3}?(?:risk|concern|threat|worry)\s+"
    r"(?:\w+\s+){0,4}?(?:is|are)\s+(?:that\s+)?)?",
)
_ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,]{0,80},")
_TAIL = re.compile(
    r"\s+(?:so that|so they|because|in order to|which|while|since|as part of|pending|until)\b.*$"
)
_INTENT = _ci(
    r"^(?:we|our (?:\w+ )?teams?|the (?:\w+ ){0,3}teams?|it)\s+(?:will\s+|also\s+|then\s+)*"
    r"(?:(?:intend|plan|want|aim|expect|hope|need|are going|is going|have|has) to\s+)?",
)


def sections_without_lists(blocks: list[Block]) -> set[int]:
    """Indices of the paragraphs whose section (the blocks between two headings) holds no list
    and no table: there, prose is the roadmap itself rather than a comment on its items."""
    found: set[int] = set()
    paragraphs: list[int] = []
    listed = False
    for index, block in enumerate([*blocks, Block("heading", 0, 0)]):
        if block.kind == "heading":
            if not listed:
                found.update(paragraphs)
            paragraphs, listed = [], False
        elif block.kind in ("list", "table"):
            listed = True
        elif block.kind == "paragraph":
            paragraphs.append(index)
    return found


def prose_items(b: ItemBuilder, block: Block, lines: list[str]) -> bool:
    """Items from a paragraph of prose, where the section is written that way."""
    ctx = b.stack[-1]
    text = " ".join(lines)
    if ctx.parent or ctx.skips_items or not (ctx.dated or ctx.collects_items):
        return False
    if b.heading_period(ctx.heading) is None and b.vocab.role_of(ctx.heading) is None:
        return False  # dated only by the document's title: an introduction, not the plan
    if len(text.split()) < MIN_PROSE_WORDS or b.split_label(block)[0] is not None:
        return False
    sentences = _sentences(block, lines)
    if ctx.role == "risk":
        for sentence, line in sentences[:MAX_RISK_SENTENCES]:
            draft = b.new_draft(ItemKind.RISK, clean_title(risk_title(sentence)), line, ctx)
            draft.add_text(sentence)
            b.place(draft, sentence, ctx)
        return True
    first = sentences[0][0]
    title = block.lead_strong if block.lead_strong and len(block.lead_strong) > 2 else None
    draft = b.new_draft(ctx.kind(), clean_title(title or prose_title(first)), block.line, ctx)
    draft.add_text(text)
    b.place(draft, first, ctx)  # the first sentence names the work and when; the rest, details
    if draft.status is None or draft.status is ctx.status:
        status, reason = b.status_of(text)
        if status is not None:
            draft.status, draft.status_reason = status, reason
    draft.owner = draft.owner or owner_in_text(text)
    for sentence, line in sentences:
        draft.add_metrics(metric_fields(sentence), line)
    return True


def prose_title(sentence: str) -> str:
    """The work a sentence names: "Over the summer we intend to launch the portal" -> "Launch
    the portal"; "We paused the MFA rollout pending budget" -> "MFA rollout"; "A SOC was
    proposed for H2" -> "A SOC"."""
    title = _LEAD_IN.sub("", _ASIDE.sub("", sentence[:MAX_SENTENCE].strip()), count=1)
    title = _INTENT.sub("", title, count=1) or title
    title = _STATUS_VERB.sub("", title, count=1) or title
    addressed = _ADDRESSED_BY.match(title)
    passive = _PASSIVE.match(title)
    if addressed:
        title = addressed.group("work")
    elif passive:
        title = passive.group("subject")
    title = _TAIL.sub("", title) or title
    return _capitalized(title)


def risk_title(sentence: str) -> str:
    """A stated risk without its lead-in: "A second risk is that the portal ..." -> "The
    portal ..."."""
    sentence = sentence[:MAX_SENTENCE]
    title = _LEAD_IN.sub("", sentence.strip(), count=1) or sentence
    return _capitalized(_RISK_LEAD.sub("", title, count=1) or title)


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentences(block: Block, lines: list[str]) -> list[tuple[str, int]]:
    """The paragraph's sentences, each with the source line it starts on."""
    text = "\n".join(lines)
    out: list[tuple[str, int]] = []
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = " ".join(text[start:end].split())
        if piece:
            out.append((piece, min(block.line + text.count("\n", 0, start), block.end_line)))
        start = m.end() if m else len(text)
    return out or [(" ".join(lines), block.line)]


def outline_item(b: ItemBuilder, line: Block, text: str, lead: str | None) -> Draft | None:
    """ "2.1 **Plant network refresh**": an item, described by the lines that follow."""
    ctx = b.stack[-1]
    m = OUTLINE_NUMBER.match(text.strip())
    if m is None or ctx.skips_items:
        return None
    name = text.strip()[m.end() :]
    opening = _SENTENCE_END.split(name, maxsplit=1)
    if not (lead and len(lead) > 2) and len(opening) > 1 and len(opening[0].split()) <= 8:
        lead = opening[0].rstrip(".")  # "4.2 **Resident Identity.** Residents will sign in …"
    title = clean_title(lead if lead and len(lead) > 2 else name)
    draft = b.new_draft(ctx.kind(), title, line.line, ctx)
    draft.add_text(name)
    b.place(draft, name, ctx)
    sentences = _SENTENCE_END.split(name, maxsplit=LEAD_SENTENCES)
    if len(sentences) > LEAD_SENTENCES and draft.status is not ctx.status:
        # A paragraph of phases and caveats: its status is what its opening says, not a later
        # aside ("… this policy is pending a decision", "Testing of the pilot is not funded").
        lead = " ".join(sentences[:LEAD_SENTENCES])
        status, reason = b.status_of(lead)
        draft.status, draft.status_reason = (status, reason) if status else (ctx.status, None)
    draft.add_metrics(metric_fields(name), line.line)  # "6.2 Alarm latency: under 2 s at p99"
    return draft


def describe(b: ItemBuilder, draft: Draft, line: Block) -> None:
    """A line under an outline item: a labelled field ("Owner: Plant Engineering") or prose."""
    label, value = b.split_label(line)
    field = b.vocab.field_of(label) if label else None
    if label and field:
        apply_field(b, draft, field, label, value, line, b.stack[-1].under(draft.id, draft.kind))
        return
    if line.text[:1].islower() and _CUT_OFF.search(draft.title) and len(draft.title) < 90:
        # "KR1.2 Clinician single sign-on … live on 2,000" / "shared workstations by Q3."
        draft.title = clean_title(f"{draft.title} {_CLAUSE_END.split(line.text, maxsplit=1)[0]}")
    draft.add_text(line.text)
    draft.add_line(line.line)
    status, reason = b.status_of(line.text)
    if status is not None and draft.status is None:
        draft.status, draft.status_reason = status, reason
    if not draft.stated:  # "by end of Q2 (go-live weekend planned for 12-13 June)"
        period, due = b.own_period(line.text)
        if period is not None:
            draft.period, draft.due, draft.stated = period, due or draft.due, True
    owner = owner_in_text(line.text)
    draft.owner = draft.owner or owner
    draft.add_metrics(metric_fields(line.text), line.line)


__all__ = [
    "describe",
    "outline_item",
    "prose_items",
    "prose_title",
    "risk_title",
    "sections_without_lists",
]
