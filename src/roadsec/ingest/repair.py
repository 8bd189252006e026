"""Line-by-line mojibake repair that never changes the number of lines."""

from __future__ import annotations

from collections.abc import Sequence

import ftfy
from ftfy.badness import is_bad

_Plan = tuple[str, str]  # (encode-as, decode-as)
_FIX_CONFIG = ftfy.TextFixerConfig(unescape_html=False, fix_line_breaks=False, normalization="NFC")


def _explained_plan(explanation: Sequence[tuple[str, str]] | None) -> _Plan | None:
    if not explanation:
        return None
    encodes = [arg for op, arg in explanation if op == "encode"]
    decodes = [arg for op, arg in explanation if op == "decode"]
    if len(encodes) == 1 and len(decodes) == 1:
        return encodes[0], decodes[0]
    return None


def _apply_plan(line: str, plan: _Plan) -> str | None:
    try:
        fixed: str = line.encode(plan[0]).decode(plan[1])
    except (UnicodeEncodeError, UnicodeDecodeError, LookupError):
        return None
    return fixed if fixed != line else None


def repair_lines(lines: list[str]) -> tuple[list[str], list[int]]:
    """Repair mojibake; return the lines and the 1-based numbers of those changed.

    ftfy fixes the lines it can prove are damaged. A short line (an emoji in a
    heading) often carries too little evidence for ftfy alone, so the
    re-encoding each fixed line needed is then tried on the document's other
    non-ASCII lines: a line that round-trips cleanly through the same plan
    was damaged the same way.
    """
    out = list(lines)
    changed: list[int] = []
    plans: list[_Plan] = []
    pending: list[int] = []
    for index, line in enumerate(lines):
        if line.isascii():
            continue
        if is_bad(line):
            fixed, explanation = ftfy.fix_and_explain(line, config=_FIX_CONFIG)
            plan = _explained_plan(explanation)
            if plan and plan not in plans:
                plans.append(plan)
            if fixed != line:
                out[index] = fixed
                changed.append(index + 1)
                continue
        pending.append(index)
    for index in pending:
        for plan in plans:
            replanned = _apply_plan(out[index], plan)
            if replanned is not None:
                out[index] = replanned
                changed.append(index + 1)
                break
    return out, sorted(changed)
