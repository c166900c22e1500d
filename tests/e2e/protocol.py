"""The driver's line protocol, shared by the app side and the test side (no Qt).

Events: stdout lines `KOMORA-E2E {json}` with an `event` key. Commands: stdin lines
`{"cmd": name, "id": n, ...}`, answered by `{"event": "done" | "failed", "id": n}`.
"""

from __future__ import annotations

PREFIX = "KOMORA-E2E "
