"""A keyboard-wedge scan of the running app, as a person with a USB scanner does it.

The keys go in through XTEST at scanner speed (tests/e2e/xserver.py). On a busy
machine the app may see them too slowly, or stall in the middle of a burst: then the
wedge filter rightly takes the keys as typing, or splits them into typing and a
shorter scan. A person scans again; so does `keyboard_scan`, up to `attempts` times,
and it reports every scan the app handled on the way (the scan journal must hold
them all) and which of them were such fragments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.e2e.app_process import AppFailedError, AppProcess, Event
from tests.e2e.xserver import XServer

FIRST_SIGN_S = 8.0  # from the last key to the wedge's verdict, on a loaded machine
ATTEMPTS = 4


class ScanNotDeliveredError(AssertionError):
    """Every attempt reached the app too slowly to be a scan."""


@dataclass
class KeyboardScan:
    outcome: Event  # the workflow's `scan_handled` event for the whole code
    handled: list[str] = field(default_factory=list)  # every code handled, in order
    fragments: list[str] = field(default_factory=list)  # parts of split bursts


def keyboard_scan(
    app: AppProcess, x: XServer, window: int, text: str, attempts: int = ATTEMPTS
) -> KeyboardScan:
    handled: list[str] = []
    fragments: list[str] = []
    for _attempt in range(attempts):
        x.focus(window)
        app.command("wait_focus")
        app.command("wait_idle")
        since = app.mark()
        x.scan(text)
        try:
            app.expect(
                lambda e: e["event"] in ("wedge_scan", "scan_handled"),
                f"a scan from the keys of {text}",
                timeout=FIRST_SIGN_S,
                since=since,
            )
        except AppFailedError:
            continue  # every key came as typing: nothing was scanned
        app.command("wait_idle")  # a split burst's second part arrives meanwhile
        wedge_scans = [e for e in app.events[since:] if e["event"] == "wedge_scan"]
        expected = max(len(wedge_scans), 1)

        def all_handled(
            _event: Event, since: int = since, expected: int = expected
        ) -> bool:
            handled_now = [
                m for m in app.events[since:] if m["event"] == "scan_handled"
            ]
            return len(handled_now) >= expected

        app.expect(
            all_handled,
            f"the outcome of every scan from the keys of {text}",
            since=since,
        )
        outcomes = [e for e in app.events[since:] if e["event"] == "scan_handled"]
        handled.extend(o["code"] for o in outcomes)
        if [o["code"] for o in outcomes] == [text]:
            return KeyboardScan(outcomes[0], handled, fragments)
        for outcome in outcomes:
            if outcome["code"] not in text:
                raise AssertionError(f"scanning {text} made the app handle {outcome}")
            fragments.append(outcome["code"])
            if outcome["kind"] == "unknown":
                app.command("close_wizard", code=outcome["code"])
    raise ScanNotDeliveredError(
        f"in {attempts} attempts the X server never delivered {text} at scanner speed"
    )
