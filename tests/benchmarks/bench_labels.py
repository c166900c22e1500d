"""Labels: 1,000 different thermal labels (58 × 40 mm, 203 dpi) to one PDF.

    .venv/bin/python -m tests.benchmarks.bench_labels [--labels N]

Komora: `app.labels.output.write_job` (layout, exact bars in whole printer dots, Qt's
PDF writer). Baseline, in the same run on the same products: python-barcode's
`ImageWriter` renders each barcode at 203 dpi, Pillow resamples it into the label's
barcode box, draws the texts and saves all labels as one PDF. Each side runs
`ROUNDS` times, alternating, and the best round counts (the machine is shared).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.benchmarks.catalog_gen import BRANDS, SIZES, WORDS, ean13

TEMPLATE = "thermal-58x40"
DPI = 203
TODAY = dt.date(2026, 12, 3)
ROUNDS = 3
TARGET_LABELS_PER_S = 2000.0
TARGET_SPEEDUP = 4.0
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def products(count: int, seed: int = 0) -> list[Any]:
    """`count` different products: names, EAN-13 codes, prices, codes all differ."""
    from app.labels.content import LabelProduct, PackContent

    items = []
    for n in range(count):
        number = seed * 1_000_000 + n
        words = (WORDS[n % len(WORDS)], WORDS[(n * 7 + 3) % len(WORDS)])
        name = (
            f"{words[0].capitalize()} {words[1]} {BRANDS[n % len(BRANDS)]}"
            f" {SIZES[n % len(SIZES)]} №{number}"
        )
        pack = PackContent(Decimal("0.5"), "кг") if n % 3 == 0 else None
        items.append(
            LabelProduct(
                bar_code=ean13(f"482{number + 1:09d}"),
                name=name,
                unit="шт",
                price=Decimal(1000 + n * 37 % 90000) / 100,
                product_code=str(10_000 + number),
                pack=pack,
            )
        )
    return items


def komora_pdf(items: list[Any], path: Path) -> None:
    from app.labels.geometry import Dpi, clear_caches
    from app.labels.output import write_job
    from app.labels.queue import PrintItem, PrintJob
    from app.labels.templates import load_template

    clear_caches()  # nothing laid out before counts
    job = PrintJob(
        template=load_template(TEMPLATE),
        items=tuple(PrintItem(p, 1, TEMPLATE) for p in items),
        dpi=Dpi(DPI, DPI),
        today=TODAY,
    )
    write_job(job, path)


def baseline_pdf(items: list[Any], path: Path) -> None:
    """The obvious way: python-barcode images, Pillow composition, Pillow's PDF."""
    from barcode import EAN13
    from barcode.writer import ImageWriter
    from PIL import Image, ImageDraw, ImageFont

    from app.labels.content import format_money, per_unit_price

    def px(mm: float) -> int:
        return round(mm * DPI / 25.4)

    name_font = ImageFont.truetype(FONT_BOLD, px(2.8))
    price_font = ImageFont.truetype(FONT_BOLD, px(6.0))
    small_font = ImageFont.truetype(FONT, px(2.0))
    unit_font = ImageFont.truetype(FONT, px(2.4))
    box = (px(1), px(15.6), px(56), px(18.4))
    date = TODAY.strftime("%d.%m.%Y")
    writer = ImageWriter(mode="L", dpi=DPI)
    options = {"module_height": 14.0, "font_size": 7, "quiet_zone": 3.0}
    pages = []
    for item in items:
        symbol = EAN13(item.bar_code, writer=writer).render(options)
        label = Image.new("L", (px(58), px(40)), 255)
        draw = ImageDraw.Draw(label)
        draw.text((px(1.5), px(1.0)), item.name[:34], font=name_font, fill=0)
        draw.text((px(1.5), px(4.2)), item.name[34:68], font=name_font, fill=0)
        price = format_money(item.price)
        draw.text((px(1.5), px(8.2)), f"{price} грн", font=price_font, fill=0)
        draw.text((px(32), px(8.6)), f"за {item.unit}", font=unit_font, fill=0)
        if item.pack is not None:
            per = format_money(per_unit_price(item.price, item.pack))
            text = f"{per} грн за 1 {item.pack.base_unit}"
            draw.text((px(32), px(11.8)), text, font=small_font, fill=0)
        label.paste(symbol.resize(box[2:], Image.Resampling.BILINEAR), box[:2])
        draw.text(
            (px(1.5), px(34.6)), f"код {item.product_code}", font=small_font, fill=0
        )
        draw.text((px(19), px(34.6)), date, font=small_font, fill=0)
        draw.text((px(33.5), px(34.2)), "підпис", font=small_font, fill=0)
        draw.line((px(33.5), px(39), px(56.5), px(39)), fill=0, width=1)
        pages.append(label)
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=DPI)


def run(labels: int = 1000, rounds: int = ROUNDS) -> dict[str, Any]:
    from tests.benchmarks.common import ensure_qt_application

    ensure_qt_application()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Warm-up: fonts found, modules imported, for both sides.
        komora_pdf(products(5, seed=99), folder / "warm.pdf")
        baseline_pdf(products(5, seed=99), folder / "warm-base.pdf")
        komora_times, baseline_times = [], []
        for number in range(rounds):
            items = products(labels, seed=number + 1)
            started = time.perf_counter()
            baseline_pdf(items, folder / "baseline.pdf")
            baseline_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            komora_pdf(items, folder / "komora.pdf")
            komora_times.append(time.perf_counter() - started)
        pdf_bytes = (folder / "komora.pdf").stat().st_size
        baseline_bytes = (folder / "baseline.pdf").stat().st_size
    rate = labels / min(komora_times)
    baseline_rate = labels / min(baseline_times)
    return {
        "labels": labels,
        "labels_per_s": round(rate, 1),
        "labels_baseline_per_s": round(baseline_rate, 1),
        "labels_speedup": round(rate / baseline_rate, 2),
        "labels_rounds_s": [round(t, 3) for t in komora_times],
        "labels_baseline_rounds_s": [round(t, 3) for t in baseline_times],
        "labels_pdf_kb": round(pdf_bytes / 1024),
        "labels_baseline_pdf_kb": round(baseline_bytes / 1024),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=int, default=1000)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.labels), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
