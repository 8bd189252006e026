"""Candidate recommendations before scoring: which controls, when, and why."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from roadsec.analysis import Findings, Gap, Window
from roadsec.knowledge import Catalog
from roadsec.model.roadmap import MAX_CITATIONS, Item, ItemKind, SourceRef
from roadsec.model.timeline import order_key, slot

MAX_CONTROLS = 4
MAX_QUICK = 2
# Which window names a recommendation best: concrete work before the objective it serves.
_TITLE_PREFERENCE = {
    ItemKind.EPIC: 0, ItemKind.INITIATIVE: 0, ItemKind.KEY_RESULT: 1, ItemKind.FEATURE: 2,
    ItemKind.TASK: 2, ItemKind.OBJECTIVE: 3, ItemKind.GOAL: 3, ItemKind.THEME: 4,
}  # fmt: skip


@dataclass
class Candidate:
    kind: str  # build-in | pull-forward | restart | mitigate | baseline
    title: str
    controls: list[str]
    period: str | None
    sources: list[SourceRef]
    reasons: list[str] = field(default_factory=list)
    change_type: str | None = None
    windows: list[Window] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    first_step: str | None = None
    owner: str | None = None
    external: bool = False
    later: list[str] = field(default_factory=list)
    cited: set[tuple[str, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.cited.update((ref.document, ref.line) for ref in self.sources)

    def cite(self, refs: Iterable[SourceRef]) -> None:
        """Add references not cited yet, up to the citation limit."""
        for ref in refs:
            if len(self.sources) >= MAX_CITATIONS:
                return
            key = (ref.document, ref.line)
            if key not in self.cited:
                self.cited.add(key)
                self.sources.append(ref)


def quoted(title: str, limit: int = 70) -> str:
    """An item title as a recommendation names it: quoted, cut at a word."""
    short = title if len(title) <= limit else title[: title.rfind(" ", 0, limit)] + "…"
    return f"“{short}”"


def _stalled_groups(gaps: list[Gap]) -> list[list[Gap]]:
    """Stalled or ownerless gaps that would restart the same controls become one group."""
    groups: list[list[Gap]] = []
    for gap in gaps:
        home = next(
            (g for g in groups if gap.controls and set(gap.controls) & set(g[0].controls)), None
        )
        if home is None:
            groups.append([gap])
        else:
            home.append(gap)
    return groups


def from_gaps(catalog: Catalog, findings: Findings, claimed: set[str]) -> list[Candidate]:
    """Pull-forward, restart, mitigate and baseline candidates: each closes one or more gaps.
    Work the roadmap already has (late or stalled) claims its controls before new work does."""
    made: dict[str, Candidate] = {}  # control -> the gap candidate that took it
    return [
        *_closing(catalog, findings, claimed, ("late",), made),
        *_restarts(findings, claimed, made),
        *_closing(catalog, findings, claimed, ("risk", "baseline"), made),
    ]


def _closing(
    catalog: Catalog, findings: Findings, claimed: set[str], kinds: tuple[str, ...],
    made: dict[str, Candidate],
) -> list[Candidate]:  # fmt: skip
    out: list[Candidate] = []
    for gap in findings.gaps:
        if gap.kind not in kinds:
            continue
        best = gap.controls[0] if gap.controls else None
        if gap.kind == "risk" and best in made:  # restarting the stalled work answers the risk
            made[best].gaps.append(gap)
            continue
        controls = [c for c in gap.controls if c not in claimed][:MAX_CONTROLS]
        if not controls:
            continue
        if gap.kind == "late":
            planned = slot(gap.items[0].period)
            title = (
                f"Do {quoted(gap.items[0].title)} before go-live in {gap.period}"
                if planned is not None and planned.start == gap.period
                else f"Pull {quoted(gap.items[0].title)} forward into {gap.period}"
            )
            kind = "pull-forward"
        elif gap.kind == "risk":
            title = f"Reduce the stated risk {quoted(gap.items[0].title, 60)}: " + "; ".join(
                in_sentence(catalog.controls[c].title) for c in controls[:2]
            )
            kind = "mitigate"
        else:
            title = f"Stack baseline for {', '.join(gap.technologies[:3])}"
            kind = "baseline"
        claimed.update(controls)
        candidate = Candidate(kind, title, controls, gap.period, list(gap.sources[:MAX_CITATIONS]),
                              [gap.detail], gaps=[gap], first_step=gap.first_step,
                              owner=gap.suggested_owner)  # fmt: skip
        made.update(dict.fromkeys(controls, candidate))
        out.append(candidate)
    return out


def _restarts(findings: Findings, claimed: set[str], made: dict[str, Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    stalled = [g for g in findings.gaps if g.kind in ("stalled", "ownerless")]
    for group in _stalled_groups(stalled):
        named = dict.fromkeys(c for g in group for c in g.controls)
        controls = [c for c in named if c not in claimed][:MAX_CONTROLS]
        if not controls:
            continue
        claimed.update(controls)
        names = " and ".join(quoted(g.items[0].title, 50) for g in group[:2])
        verb = "Restart" if any(g.kind == "stalled" for g in group) else "Give an owner to"
        candidate = Candidate("restart", f"{verb} {names} with an incremental first step",
                              controls, group[0].period, [], [g.detail for g in group],
                              gaps=group, first_step=group[0].first_step,
                              owner=group[0].suggested_owner)  # fmt: skip
        for gap in group:
            candidate.cite(gap.sources)
        made.update(dict.fromkeys(controls, candidate))
        out.append(candidate)
    return out


def _title_rank(item: Item) -> float:
    """How well an item names the change: a measured target names it worse than its objective."""
    if item.states_a_target:
        return 3.5
    return _TITLE_PREFERENCE.get(item.kind, 5)


def _window_quarter(windows: list[Window], timing: str) -> str | None:
    """The earliest window, or for "busiest" the quarter with the most windows. A window dated
    only by its year ("2027 priorities") yields to the same change dated to a quarter."""
    dated = [w for w in windows if not _whole_year(w.item.period)]
    windows = dated or windows
    if timing == "busiest":
        counts: dict[str | None, int] = {}
        for window in windows:
            counts[window.start] = counts.get(window.start, 0) + 1
        best = max(counts.values())
        return min((q for q, n in counts.items() if n == best), key=order_key)
    return windows[0].start


def _whole_year(period: str | None) -> bool:
    return period is not None and period.isdigit()


def from_windows(
    catalog: Catalog, findings: Findings, claimed: set[str], planned: dict[str, str | None],
    gap_candidates: list[Candidate],
) -> list[Candidate]:  # fmt: skip
    """One build-in candidate per change type (plus its quick wins), at its window. A change
    keeps its lead control when a restart or a stated risk (among ``gap_candidates``) took it
    up earlier for another item: the change builds it in for itself."""
    taken_up = {
        control: (taken.period, taken.kind)
        for taken in gap_candidates
        if taken.kind in ("restart", "mitigate")
        for control in taken.controls
    }
    groups: dict[str, list[Window]] = {}
    for window in sorted(findings.windows, key=_in_time):  # stable: each group in time order
        groups.setdefault(window.change_type, []).append(window)
    first_quarter = slot(findings.quarters[0]) if findings.quarters else None
    timed = []
    for change_type, windows in groups.items():
        entry = catalog.change_types[change_type].entry
        quarter = _window_quarter(windows, entry.timing)
        timed.append(
            (order_key(quarter), windows[0].item.sources[0].line, change_type, quarter, windows)
        )
    out: list[Candidate] = []
    for _, _, change_type, quarter, windows in sorted(timed):
        entry = catalog.change_types[change_type].entry
        lead = entry.controls[0]
        controls = [c for c in entry.controls
                    if (c not in claimed or (c == lead and _taken_earlier(taken_up, c, quarter)))
                    and not _planned_in_time(planned, c, quarter)]  # fmt: skip
        quick = [c for c in controls if catalog.controls[c].quick_win]
        main = [c for c in controls if c not in quick] or quick
        small = [c for c in quick if c not in main][:MAX_QUICK]
        quick = _small_enough(catalog, small)
        later, main = main[MAX_CONTROLS:], main[:MAX_CONTROLS]
        later += [c for c in small if c not in quick]  # named as a next step, not bundled
        if not main:
            continue
        claimed.update(main + quick)
        here = sorted((w for w in windows if w.start == quarter),
                      key=lambda w: (_title_rank(w.item), w.item.sources[0].line))  # fmt: skip
        period = quarter
        when = slot(period)
        if (
            entry.expansion
            and when is not None
            and any(catalog.controls[c].foundation for c in main)
        ):
            period = when.quarter_before(first_quarter).start
        name = quoted(here[0].item.title)
        chosen = {id(w) for w in here}
        ordered = here + [w for w in windows if id(w) not in chosen]
        title = entry.action.format(item=name)
        if entry.controls[0] not in main:  # the change type's lead control is already in hand
            title = f"For {name}: " + "; ".join(catalog.controls[c].title for c in main[:2])
        candidate = Candidate("build-in", title, main, period, [],
                              [entry.rationale], change_type=change_type, windows=ordered,
                              external=entry.exposure == "external", later=later)  # fmt: skip
        candidate.cite(window.item.sources[0] for window in ordered)
        out.append(candidate)
        if quick:
            names = _lower_titles(catalog, quick)
            win = Candidate("build-in", f"Quick win for {quoted(here[0].item.title, 50)}: {names}",
                            quick, quarter, [], [entry.rationale], change_type=change_type,
                            windows=here[:2], external=candidate.external)  # fmt: skip
            win.cite((here[0].item.sources[0],))
            out.append(win)
    return out


QUICK_WIN_WEEKS = 3.0
"""What a quick win may cost in all (person-weeks): bundles stay within it, scoring flags it."""


def _small_enough(catalog: Catalog, quick: list[str]) -> list[str]:
    """The quick-win controls that together still fit a quick win's effort (the first always)."""
    chosen: list[str] = []
    weeks = 0.0
    for control in quick:
        cost = catalog.controls[control].effort.person_weeks
        if chosen and weeks + cost > QUICK_WIN_WEEKS:
            continue
        chosen.append(control)
        weeks += cost
    return chosen


def _in_time(window: Window) -> tuple[tuple[int, int, int], str, int]:
    source = window.item.sources[0]
    return order_key(window.start), source.document, source.line


def _lower_titles(catalog: Catalog, controls: list[str]) -> str:
    """Control titles joined for a sentence ("KMS-managed..." keeps its acronym)."""
    titles = [catalog.controls[c].title for c in controls]
    return " and ".join(in_sentence(t) for t in titles)


def in_sentence(title: str) -> str:
    """A title inside a sentence: its first letter lower-cased unless the first word is an
    acronym or a name written in mixed case ("KMS-managed", "GraphQL", "iOS")."""
    first = title.split(" ", 1)[0]
    if not first or any(ch.isupper() for ch in first[1:]):
        return title
    return title[0].lower() + title[1:]


def _planned_in_time(planned: dict[str, str | None], control: str, start: str | None) -> bool:
    """The roadmap already plans this control, no later than the change needs it."""
    if control not in planned:
        return False
    when, needed = slot(planned[control]), slot(start)
    return (
        when is not None
        and needed is not None
        and (when.year, when.first) <= (needed.year, needed.first)
    )


def _taken_earlier(
    taken_up: dict[str, tuple[str | None, str]], control: str, quarter: str | None
) -> bool:
    """Whether a restart or a stated risk took ``control`` up in ``quarter`` or before it (in
    ``quarter`` itself, the change then carries that work: see ``absorb_risks``)."""
    if control not in taken_up:
        return False
    period, _ = taken_up[control]
    return order_key(period) <= order_key(quarter)


def absorb_risks(candidates: list[Candidate]) -> list[Candidate]:
    """A stated risk, or stalled security work, whose controls a change builds in that same
    quarter is taken up by that change ("OTA v2 rollout" carries the firmware signing that is
    on hold): one recommendation that cites both, instead of two that say the same."""
    build_ins = [c for c in candidates if c.kind == "build-in"]
    out: list[Candidate] = []
    for candidate in candidates:
        home = None
        if candidate.kind in ("mitigate", "restart"):
            home = next(
                (b for b in build_ins
                 if b.period == candidate.period and candidate.controls
                 and candidate.controls[0] in b.controls),
                None,
            )  # fmt: skip
        if home is None:
            out.append(candidate)
            continue
        home.later.extend(c for c in candidate.controls if c not in home.controls + home.later)
        home.gaps.extend(candidate.gaps)
        home.reasons.extend(r for r in candidate.reasons if r not in home.reasons)
        home.cite(candidate.sources)
    return out
