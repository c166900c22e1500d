"""Scanner settings to and from the JSON-ready dicts of the settings file."""

from __future__ import annotations

import json

import pytest

from app.hardware.scan import (
    Parity,
    SerialSettings,
    SerialTerminator,
    WedgeRule,
    WedgeTerminator,
    serial_settings_from_dict,
    settings_to_dict,
    wedge_rule_from_dict,
)


def test_round_trip_through_json() -> None:
    rule = WedgeRule(min_length=8, terminator=WedgeTerminator.TAB, prefix="\x02")
    serial = SerialSettings(
        port="COM12",
        baud_rate=115200,
        parity=Parity.EVEN,
        stop_bits=1.5,
        terminator=SerialTerminator.CRLF,
    )

    rule_back = wedge_rule_from_dict(json.loads(json.dumps(settings_to_dict(rule))))
    serial_back = serial_settings_from_dict(
        json.loads(json.dumps(settings_to_dict(serial)))
    )

    assert (rule_back, serial_back) == (rule, serial)
    assert settings_to_dict(serial)["parity"] == "E"


def test_missing_keys_keep_defaults_and_unknown_keys_are_ignored() -> None:
    assert wedge_rule_from_dict({"max_gap_ms": 990, "later_setting": 1}) == WedgeRule(
        max_gap_ms=990
    )


@pytest.mark.parametrize(
    "data",
    [
        {"terminator": "bell"},
        {"min_length": "six"},
        {"enabled": "yes"},
        {"max_gap_ms": True},
        {"min_length": 6.5},
    ],
)
def test_bad_values_name_the_setting(data: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=repr(next(iter(data)))):
        wedge_rule_from_dict(data)
