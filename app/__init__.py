"""Komora: scan stock, keep a PayKit catalog right and print shelf labels."""

__version__ = "0.1.0"
