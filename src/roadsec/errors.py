"""Typed errors with a remediation hint; the CLI turns them into exit codes."""

from __future__ import annotations


class RoadsecError(Exception):
    """Base class: every error roadsec raises on purpose carries a hint."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        """The message and hint on one line, for a terminal."""
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(RoadsecError):
    """The user's input cannot be read as a roadmap (missing, binary, too large...)."""

    exit_code = 2

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        super().__init__(f"{path}: {problem}", hint)
        self.path = path
        self.problem = problem


class CatalogError(RoadsecError):
    """The bundled or user-supplied knowledge data is invalid."""

    exit_code = 3
