"""Headless Chromium for report tests: a screenshot, the rendered DOM and every request the
page made (from Chromium's own network log). Chromium is Debian's package (`make browser`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REQUIRED = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Nothing can leave the machine even if the page tried: names resolve nowhere, traffic goes to
# a closed local port. Requests are still logged, which is what the tests look at.
ISOLATION = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
             "--hide-scrollbars", "--no-first-run", "--disable-extensions"]  # fmt: skip
BROWSER_ORIGIN = "not an origin"
"""Initiator Chromium logs for its own background fetches (not made by the page)."""


def require_chromium() -> str:
    """The Chromium binary; the suite fails (never silently skips) without it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Chromium is not installed: run `make browser` (Debian package chromium)")
    return found


def _run(args: list[str], timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        args, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 3000) -> list[str]:
    """Screenshot ``page`` into ``png``; returns the URLs of requests the page itself made."""
    net_log = png.with_suffix(".netlog.json")
    result = _run([require_chromium(), *REQUIRED, *ISOLATION, f"--window-size={width},{height}",
                   f"--log-net-log={net_log}", "--net-log-capture-mode=Default",
                   f"--screenshot={png}", page.resolve().as_uri()])  # fmt: skip
    assert png.exists(), f"no screenshot: {result.stderr[-2000:]}"
    return page_requests(net_log)


def dump_dom(page: Path) -> str:
    """The DOM Chromium built from ``page``, serialized."""
    result = _run(
        [require_chromium(), *REQUIRED, *ISOLATION, "--dump-dom", page.resolve().as_uri()]
    )
    assert result.stdout.strip(), result.stderr[-2000:]
    return result.stdout


def page_requests(net_log: Path) -> list[str]:
    """URLs the page requested, leaving out its own file and Chromium's background fetches."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        if event["type"] != start or "url" not in params:
            continue
        if params.get("initiator") == BROWSER_ORIGIN or params["url"].startswith(
            ("file:", "data:")
        ):
            continue
        urls.append(params["url"])
    return urls
