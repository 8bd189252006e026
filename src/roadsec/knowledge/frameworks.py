"""The bundled public-domain NIST catalogs (CSF 2.0, SSDF 1.1): ids, titles, hierarchy."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

from roadsec.errors import CatalogError

FRAMEWORK_FILES = {"nist-csf-2.0": "nist-csf-2.0.yaml", "nist-ssdf-1.1": "nist-ssdf-1.1.yaml"}


@dataclass(frozen=True)
class FrameworkEntry:
    id: str
    type: str
    title: str | None
    text: str
    parent: str | None


@dataclass(frozen=True)
class Framework:
    name: str
    entries: dict[str, FrameworkEntry]

    @property
    def order(self) -> dict[str, int]:
        """Id -> position in the official order."""
        cached: dict[str, int] | None = self.__dict__.get("_order")
        if cached is None:
            cached = {entry_id: index for index, entry_id in enumerate(self.entries)}
            object.__setattr__(self, "_order", cached)
        return cached

    def top(self, entry_id: str) -> str:
        """The function (CSF) or practice group (SSDF) an id belongs to: PR.AA-01 -> PR."""
        current = self.entries[entry_id]
        while current.parent:
            current = self.entries[current.parent]
        return current.id

    def category(self, entry_id: str) -> str:
        """The category (CSF) or practice (SSDF) an id belongs to: PR.AA-01 -> PR.AA."""
        current = self.entries[entry_id]
        while current.parent and self.entries[current.parent].parent:
            current = self.entries[current.parent]
        return current.id


def load_frameworks() -> dict[str, Framework]:
    """Every bundled framework catalog, keyed by name."""
    out: dict[str, Framework] = {}
    for name, filename in FRAMEWORK_FILES.items():
        text = (
            resources.files("roadsec.knowledge")
            .joinpath(f"frameworks/{filename}")
            .read_text("utf-8")
        )
        try:
            raw = yaml.safe_load(text)
            entries = {
                str(e["id"]): FrameworkEntry(
                    str(e["id"]), str(e["type"]), e.get("title"), str(e["text"]), e.get("parent")
                )
                for e in raw
            }
        except (yaml.YAMLError, KeyError, TypeError) as exc:
            raise CatalogError(
                f"framework catalog {filename} is invalid: {exc}", "restore it"
            ) from exc
        out[name] = Framework(name, entries)
    return out
