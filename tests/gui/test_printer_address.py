"""The ZPL printer's address: a port in ASCII digits, 1-65535."""

from __future__ import annotations

import pytest

from app.gui.printer_page import split_address


@pytest.mark.parametrize(
    "address", ["zebra:\u0669\u0661\u0660\u0660", "zebra:0", "zebra:70000"]
)
def test_a_port_other_than_ascii_1_to_65535_is_refused(address: str) -> None:
    with pytest.raises(ValueError, match="is not 1-65535"):
        split_address(address)


def test_a_port_is_optional() -> None:
    assert split_address(" zebra ") == ("zebra", 9100)
    assert split_address("zebra:6101") == ("zebra", 6101)
