"""The knowledge catalog: controls, change types, constraint and gap rules, stack baselines.

All of it is data (``data/``), validated strictly when loaded; framework ids must exist in
the bundled NIST catalogs (``frameworks/``).
"""

from roadsec.knowledge.catalog import Catalog, load_catalog
from roadsec.knowledge.schema import (
    Baseline,
    ChangeType,
    ConstraintRule,
    Control,
    GapRule,
)

__all__ = [
    "Baseline",
    "Catalog",
    "ChangeType",
    "ConstraintRule",
    "Control",
    "GapRule",
    "load_catalog",
]
