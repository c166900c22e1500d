"""The rules of the shop's world: barcodes, units, prices and the API's entities.

Pure Python: no Qt and no I/O (except `cli`, the `komora barcode` command, which
prints). Every other layer builds on this one.

Barcodes: import from `app.domain.barcode`, the facade over `reading` (the types),
`gtin` (check digits, UPC-E, the 14-digit key), `addons`, `aim` (symbology
identifiers), `prefixes`, `instore` (variable-measure layouts), `generator` (new
in-store codes), `storage` (the API's limits) and `reader` (the rules put together).
"""
