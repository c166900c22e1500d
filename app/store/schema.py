"""The local catalog's tables.

Each row keeps the server's whole record as JSON in `data` (decimals written digit for
digit by `app.domain.jsonio`), so fields the vendor adds survive a read-modify-write;
the other columns are copies of what the queries need. Money is TEXT, never REAL.
"""

from __future__ import annotations

# The catalog is a copy of the server's: a file of an older version is emptied and
# filled again by the next sync rather than migrated.
CATALOG_VERSION = 3

CATALOG_SCHEMA = """
CREATE TABLE groups (
    id_group INTEGER PRIMARY KEY,
    guid TEXT NOT NULL UNIQUE,
    name_group TEXT NOT NULL,
    id_owner_group INTEGER,
    active INTEGER NOT NULL,
    time_change TEXT,
    data TEXT NOT NULL
);
CREATE INDEX groups_by_owner ON groups (id_owner_group, name_group);

CREATE TABLE price_levels (
    id_price_level INTEGER PRIMARY KEY,
    guid TEXT NOT NULL UNIQUE,
    name_price_level TEXT NOT NULL,
    active INTEGER NOT NULL,
    data TEXT NOT NULL
);

CREATE TABLE unit_samples (
    id_unit INTEGER PRIMARY KEY,
    name_unit TEXT NOT NULL,
    data TEXT NOT NULL
);

-- details_change: the product's time_change when its units, series, prices and
-- barcodes were last fetched; NULL or different means they are to be fetched again.
CREATE TABLE products (
    id_goods INTEGER PRIMARY KEY,
    guid TEXT NOT NULL UNIQUE,
    name_goods TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    id_group INTEGER,
    active INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    time_change TEXT,
    details_change TEXT,
    data TEXT NOT NULL
);
CREATE INDEX products_by_name ON products (name_fold, id_goods);
-- The product table's default order, covering its usual filters (not deleted,
-- maybe only active) so paging reads the index alone.
CREATE INDEX products_live_by_name ON products (deleted, name_fold, id_goods, active);
CREATE INDEX products_by_group ON products (id_group, name_fold, id_goods);
-- Search hits are joined to their products through this index alone (it holds every
-- column the filters and the order need), not through the wide rows.
CREATE INDEX products_for_search
    ON products (id_goods, deleted, active, id_group, name_fold);
CREATE INDEX products_to_fetch ON products (id_goods)
    WHERE details_change IS NULL OR details_change IS NOT time_change;

CREATE TABLE product_units (
    id_goods INTEGER NOT NULL,
    id_unit INTEGER NOT NULL,
    guid TEXT,
    is_default INTEGER NOT NULL,
    rate TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (id_goods, id_unit)
);

CREATE TABLE series (
    id_goods INTEGER NOT NULL,
    id_series TEXT NOT NULL,
    name_series TEXT NOT NULL,
    guid TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (id_goods, id_series)
);

CREATE TABLE prices (
    id_goods INTEGER NOT NULL,
    id_unit INTEGER NOT NULL,
    id_series TEXT NOT NULL,
    id_price_level INTEGER NOT NULL,
    price TEXT,
    min_price TEXT,
    max_price TEXT,
    active INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (id_goods, id_unit, id_series, id_price_level)
);

-- key/add_on: the GTIN-14 (or the internal code as it is) and the add-on, '' for none;
-- alt_key/alt_add_on: a second reading of the same digits, when there is one.
CREATE TABLE barcodes (
    bar_code TEXT NOT NULL,
    ext_bar_code TEXT NOT NULL,
    id_goods INTEGER NOT NULL,
    id_unit INTEGER NOT NULL,
    id_series TEXT NOT NULL,
    active INTEGER NOT NULL,
    guid TEXT,
    key TEXT NOT NULL,
    add_on TEXT NOT NULL,
    alt_key TEXT,
    alt_add_on TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (bar_code, ext_bar_code)
);
CREATE INDEX barcodes_by_key ON barcodes (key, add_on);
CREATE INDEX barcodes_by_alt_key ON barcodes (alt_key, alt_add_on)
    WHERE alt_key IS NOT NULL;
CREATE INDEX barcodes_by_goods ON barcodes (id_goods);

-- Search as you type: each product's folded name indexed by trigrams (substring
-- match); rowid = id_goods. Typed digits search barcodes by prefix instead.
CREATE VIRTUAL TABLE product_text USING fts5 (name, tokenize = 'trigram');

CREATE TABLE sync_state (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""
