"""`python -m app barcode` through `app.__main__.main`, output captured."""

from __future__ import annotations

import json

import pytest

from app.__main__ import main
from app.domain import cli


def test_human_output_is_one_line_per_input(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["barcode", "4006381333931 12", "2100001027506", "100234"])

    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert lines == [
        "'4006381333931 12': EAN-13 4006381333931 + add-on 12, gtin, "
        "key 04006381333931",
        "'2100001027506': EAN-13 2100001027506, in-store, key 02100001027506, "
        "item 2100001000004 quantity 2.750 (warning: also readable as EAN-8 "
        "21000010 + add-on 27506; read as EAN-13 2100001027506. A scanner that "
        "sends AIM symbology identifiers (]E0, ]E3, ]E4) decides)",
        "'100234': internal 100234, internal",
    ]


def test_human_output_of_an_invalid_code(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["barcode", "4006381333932"])

    out = capsys.readouterr().out
    assert status == 1
    assert out.startswith("'4006381333932': invalid: wrong check digit")
    assert "right one is 1" in out


def test_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["barcode", "--json", "9638507400019", "4006381333931A"])

    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert status == 1
    assert first["valid"] is True
    assert first["alternative"] == {
        "symbology": "EAN-8",
        "bar_code": "96385074",
        "ext_bar_code": "00019",
        "gtin14": "00000096385074",
        "prefix_class": "gtin",
        "alternative": None,
        "in_store": None,
    }
    assert "96385074" in first["warning"]
    assert second["valid"] is False
    assert "position 14" in second["error"]
    assert second["symbology"] is None


def test_a_bad_layout_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["barcode", "--layout", "45:5:price:5:2", "4006381333931"])

    assert status == 2
    assert "not an in-store prefix" in capsys.readouterr().err


def test_main_sample_prints_readable_samples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = cli.main_sample()

    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert len(lines) == len(cli.SAMPLE_CODES) + 1
    assert "EAN-13 4006381333931" in lines[1]
    assert "invalid" in lines[-1] and "right one is 1" in lines[-1]


def test_no_codes_reads_the_samples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["barcode", "--json"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["input"] for line in lines] == list(cli.SAMPLE_CODES)
