"""The error boundary: typed errors become one line and an exit code, here and only here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from roadsec.errors import RoadsecError

EXIT_INTERNAL = 1
err = Console(stderr=True, highlight=False, soft_wrap=True)
STATE: dict[str, bool] = {"debug": False}


@contextmanager
def boundary() -> Iterator[None]:
    """Turn errors into one line and an exit code; tracebacks only with --debug."""
    try:
        yield
    except typer.Exit:
        raise
    except RoadsecError as exc:
        if STATE["debug"]:
            raise
        err.print(f"roadsec: {exc.one_line()}", markup=False)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as exc:
        if STATE["debug"]:
            raise
        err.print(
            f"roadsec: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
            markup=False,
        )
        raise typer.Exit(EXIT_INTERNAL) from None
