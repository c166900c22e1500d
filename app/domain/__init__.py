"""The rules of the shop's world: barcodes, units, prices and the API's entities.

Pure Python: no Qt and no I/O. Every other layer builds on this one.
"""
