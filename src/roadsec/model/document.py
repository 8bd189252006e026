"""A decoded, repaired document whose lines map one-to-one to the original file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """Text ready to parse.

    ``lines[i]`` is line ``i + 1`` of the file the user gave: ingest repairs
    text line by line and never adds or removes a line break, so the line map
    back to the original file is the identity.
    """

    path: str
    lines: tuple[str, ...]
    encoding: str
    repaired_lines: tuple[int, ...] = field(default=())

    @property
    def text(self) -> str:
        """The whole repaired text, joined with ``\\n``."""
        return "\n".join(self.lines)
