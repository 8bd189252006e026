"""roadsec: roadmaps in, traceable security investment plans out.

``roadsec.analyze(paths) -> Plan`` runs the whole pipeline; ``plan.to_dict()`` is the JSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = ["__version__", "analyze", "parse"]

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from roadsec.model.plan import Plan
    from roadsec.model.roadmap import Roadmap


def analyze(paths: Iterable[str | Path], organization: str | None = None) -> Plan:
    """Roadmap files in, security investment plan out (see roadsec.api.analyze)."""
    from roadsec.api import analyze as run

    return run(paths, organization)


def parse(paths: Iterable[str | Path]) -> Roadmap:
    """Roadmap files in, one merged Roadmap out (see roadsec.api.parse)."""
    from roadsec.api import parse as run

    return run(paths)


def __getattr__(name: str) -> Any:
    raise AttributeError(name)
