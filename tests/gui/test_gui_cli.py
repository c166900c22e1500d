"""`python -m app` with no display says so in one line and exits 2, before Qt loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = (
    "import sys\n"
    "from app.__main__ import main\n"
    "status = main(sys.argv[1:])\n"
    "print('qt loaded' if 'PySide6' in sys.modules else 'no qt')\n"
    "sys.exit(status)\n"
)


@pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="X11/Wayland systems only"
)
@pytest.mark.parametrize("argv", [[], ["gui"], ["--demo"]])
def test_no_display_exits_2_with_one_clear_line(
    tmp_path: Path, argv: list[str]
) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "KOMORA_DATA_DIR": str(tmp_path / "data"),
        "KOMORA_CONFIG_DIR": str(tmp_path / "config"),
        "KOMORA_LOG_DIR": str(tmp_path / "log"),
    }
    result = subprocess.run(
        [sys.executable, "-c", CHILD, *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display found" in lines[0]
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "Reinstalling" not in result.stderr
    assert result.stdout.strip() == "no qt"
