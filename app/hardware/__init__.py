"""Barcode scanners: keyboard-wedge and serial (issue 8).

Plain Python (no Qt), usable from the CLI and tests:
- `scan`: `Scan`, `Notice`/`NoticeKind`, `KeyEvent`, settings `WedgeRule` and
  `SerialSettings` (with `WedgeTerminator`, `SerialTerminator`, `Parity`), and
  `settings_to_dict` / `wedge_rule_from_dict` / `serial_settings_from_dict`.
- `key_burst.KeyBurstDecoder`: key events -> scans, notices, keys to hand back.
- `serial_framer.SerialFramer`: bytes -> scans and notices.
- `serial_reader.SerialReader`: the serial read loop with unplug recovery.
- `ports`: `PortInfo`, `system_ports()`, `describe_open_error()`.
- `recording`: the komora-scan-recording format, `ScanRecorder`, `replay()`.
- `scan_check.check_test_scan()`: the settings page's "scan a test barcode" check.
- `errors`: `HardwareError` and its subclasses.

Thin Qt adapters (QtCore/QtGui only):
- `wedge_filter.WedgeFilter`: the application-wide key filter.
- `serial_scanner.SerialScanner`: `SerialReader` in a QThread.
"""
