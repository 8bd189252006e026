"""Stage 6: Plan -> a document. One module per format behind one small interface."""

from __future__ import annotations

from roadsec.report.base import FORMATS, Reporter, render

__all__ = ["FORMATS", "Reporter", "render"]
