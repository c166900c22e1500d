"""Every subcommand's numeric options refuse values out of range with a usage error
(exit status 2 and the allowed range), before any work starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.__main__ import main

RECORDING = Path(__file__).parent / "data" / "scans" / "k1_azerty_xcb.jsonl"


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("port", ["-1", "70000", "65536", "eighty"])
def test_serve_refuses_a_port_outside_0_to_65535(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _usage_error(["serve", "--port", port], capsys)
    assert "--port" in err
    assert "0-65535" in err


def test_serve_refuses_a_db_in_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nonexistent"
    err = _usage_error(["serve", "--db", str(missing / "x.sqlite3")], capsys)
    assert "--db" in err
    assert f"{missing} does not exist" in err
    assert not missing.exists()


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--min-length", "0", "1-256"),
        ("--min-length", "-3", "1-256"),
        ("--max-gap-ms", "-5", "1-2000"),
        ("--max-gap-ms", "nan", "1-2000"),
        ("--max-burst-ms", "0", "1-600000"),
        ("--idle-ms", "-1", "1-10000"),
    ],
)
def test_scanner_replay_refuses_out_of_range_values(
    option: str, value: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _usage_error(["scanner", "replay", str(RECORDING), option, value], capsys)
    assert option in err
    assert expected in err


@pytest.mark.parametrize("dpi", ["1", "50", "9999", "1x300", "300x1"])
def test_labels_dpi_out_of_range_names_the_range(
    dpi: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["labels", "--template", "thermal-58x40", "--dpi", dpi, "--out", "x.pdf"]
    err = _usage_error([*argv, "4824004020989"], capsys)
    assert "outside 72-2400 dpi" in err


def test_labels_dpi_takes_only_ascii_digits(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["labels", "--template", "thermal-58x40", "--dpi", "٢٠٣", "--out", "x.pdf"]
    err = _usage_error([*argv, "4824004020989"], capsys)
    assert "is not N or NxM" in err


def test_labels_start_at_must_be_1_or_more(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["labels", "--template", "a4-3x8", "--dpi", "300", "--out", "x.pdf"]
    err = _usage_error([*argv, "--start-at", "0", "4824004020989"], capsys)
    assert "--start-at" in err
    assert "1 or more" in err


@pytest.mark.parametrize("port", ["0", "70000"])
def test_labels_send_refuses_a_port_out_of_range(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.labels.cli import _host_port
    from app.labels.errors import LabelError

    with pytest.raises(LabelError, match="port 1-65535"):
        _host_port(f"printer:{port}")
