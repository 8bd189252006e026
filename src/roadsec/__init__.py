"""roadsec: roadmaps in, traceable security investment plans out.

``roadsec.analyze(paths) -> Plan`` runs the whole pipeline; ``plan.to_dict()`` is the JSON.
``roadsec.api.parse(paths) -> Roadmap`` stops after reading (``roadsec.parse`` is the stage's
package, so the function lives in ``roadsec.api``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = ["__version__", "analyze"]

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from roadsec.model.plan import Plan


def analyze(paths: Iterable[str | Path], organization: str | None = None) -> Plan:
    """Roadmap files in, security investment plan out (see roadsec.api.analyze)."""
    from roadsec.api import analyze as run

    return run(paths, organization)


def __getattr__(name: str) -> Any:
    raise AttributeError(name)
