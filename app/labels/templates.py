"""Label templates: TOML files a shop can copy and adjust.

A template gives the label (or sheet) size, the price level to print, and a box in
millimetres for each field. Loading checks what can be checked without a printer:
every box lies on the label, nothing intrudes on the barcode box (it holds the quiet
zones), and the box is wide and tall enough for the codes the template says it holds
at GS1's smallest module. See `resources/labels/README.md` for the format.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.labels import geometry
from app.labels.errors import TemplateError, UnknownTemplate
from app.paths import resources_dir

logger = logging.getLogger(__name__)

TEXT_FIELDS = (
    "name",
    "price",
    "unit",
    "unit_price",
    "product_code",
    "date",
    "signature",
)


@dataclass(frozen=True)
class Box:
    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float

    @property
    def right_mm(self) -> float:
        return self.x_mm + self.width_mm

    @property
    def bottom_mm(self) -> float:
        return self.y_mm + self.height_mm

    def overlaps(self, other: Box) -> bool:
        return (
            self.x_mm < other.right_mm
            and other.x_mm < self.right_mm
            and self.y_mm < other.bottom_mm
            and other.y_mm < self.bottom_mm
        )

    def describe(self) -> str:
        return (
            f"x {self.x_mm:g} mm, y {self.y_mm:g} mm, "
            f"{self.width_mm:g} × {self.height_mm:g} mm"
        )


@dataclass(frozen=True)
class TextField:
    """A text box. `format` takes the product's values by name ({name}, {price},
    {unit}, {unit_price}, {per_unit}, {product_code}, {date})."""

    name: str
    box: Box
    format: str
    font_mm: float  # cap-to-descender height of the font, in millimetres
    bold: bool = False
    align: str = "left"  # left, centre, right
    max_lines: int = 1
    line: bool = False  # draw a rule along the bottom (the signature line)


@dataclass(frozen=True)
class BarcodeField:
    box: Box  # quiet zones, bars and human-readable digits all lie inside
    holds: tuple[str, ...]  # retail sizes the box must take, e.g. "EAN-13+5"
    digits_mm: float = 2.4  # height of the human-readable digits


@dataclass(frozen=True)
class Sheet:
    page_width_mm: float
    page_height_mm: float
    columns: int
    rows: int
    margin_left_mm: float
    margin_top_mm: float
    pitch_x_mm: float
    pitch_y_mm: float

    @property
    def labels_per_page(self) -> int:
        return self.columns * self.rows

    def label_origin_mm(self, index: int) -> tuple[float, float]:
        """Nominal top-left corner of label `index` (0-based, row by row)."""
        row, column = divmod(index, self.columns)
        return (
            self.margin_left_mm + column * self.pitch_x_mm,
            self.margin_top_mm + row * self.pitch_y_mm,
        )


@dataclass(frozen=True)
class Template:
    name: str
    description: str
    width_mm: float
    height_mm: float
    price_level: int
    thermal: bool
    allow_truncated_bars: bool
    allow_75_percent_module: bool
    barcode: BarcodeField
    fields: tuple[TextField, ...]
    font_family: str = "DejaVu Sans"
    sheet: Sheet | None = None
    frame: bool = False
    source: str = field(default="", compare=False)

    def __hash__(self) -> int:
        # Hashing every box on each cached layout lookup is slow; equal templates
        # share these values anyway.
        return hash((self.name, self.width_mm, self.height_mm))

    @property
    def page_width_mm(self) -> float:
        return self.sheet.page_width_mm if self.sheet else self.width_mm

    @property
    def page_height_mm(self) -> float:
        return self.sheet.page_height_mm if self.sheet else self.height_mm

    @property
    def labels_per_page(self) -> int:
        return self.sheet.labels_per_page if self.sheet else 1

    @property
    def min_module_mm(self) -> float:
        if self.thermal and self.allow_75_percent_module:
            return geometry.MODULE_MIN_75_MM
        return geometry.MODULE_MIN_80_MM

    def field(self, name: str) -> TextField | None:
        return next((f for f in self.fields if f.name == name), None)


# --- reading ----------------------------------------------------------------------


def templates_dir() -> Path:
    return resources_dir() / "labels"


def builtin_names() -> list[str]:
    return sorted(p.stem for p in templates_dir().glob("*.toml"))


@lru_cache(maxsize=64)
def load_template(name_or_path: str) -> Template:
    """A built-in template by name, or a template file by path; raises TemplateError."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = templates_dir() / f"{name_or_path}.toml"
        if not path.is_file():
            raise UnknownTemplate(
                f"no label template named {name_or_path!r}; built-in templates: "
                + ", ".join(builtin_names()),
                name=name_or_path,
            )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TemplateError(
            f"label template {path} cannot be read: {error}", path=str(path)
        ) from error
    template = parse_template(data, source=str(path))
    logger.debug("loaded label template %s from %s", template.name, path)
    return template


def _number(data: dict[str, Any], key: str, where: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TemplateError(
            f"{where}: {key} must be a number (millimetres), got {value!r}",
            where=where,
            key=key,
        )
    return float(value)


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise TemplateError(f"{where}: the [{key}] table is missing", key=key)
    return value


def _box(data: dict[str, Any], where: str) -> Box:
    return Box(
        _number(data, "x_mm", where),
        _number(data, "y_mm", where),
        _number(data, "width_mm", where),
        _number(data, "height_mm", where),
    )


def parse_template(data: dict[str, Any], source: str = "") -> Template:
    """A checked template from parsed TOML; TemplateError says what is wrong."""
    name = str(data.get("name") or Path(source).stem or "unnamed")
    where = f"template {name}"
    label = _table(data, "label", where)
    flags = data.get("flags", {})
    code = _table(data, "barcode", where)
    holds = tuple(str(h) for h in code.get("holds", ["EAN-13"]))
    barcode = BarcodeField(
        box=_box(code, f"{where} [barcode]"),
        holds=holds,
        digits_mm=float(code.get("digits_mm", 2.4)),
    )
    fields = []
    for field_name, spec in data.get("fields", {}).items():
        if field_name not in TEXT_FIELDS:
            raise TemplateError(
                f"{where}: unknown field [fields.{field_name}]; known fields: "
                + ", ".join(TEXT_FIELDS),
                field=field_name,
            )
        fields.append(
            TextField(
                name=field_name,
                box=_box(spec, f"{where} [fields.{field_name}]"),
                format=str(spec.get("format", "{" + field_name + "}")),
                font_mm=_number(spec, "font_mm", f"{where} [fields.{field_name}]"),
                bold=bool(spec.get("bold", False)),
                align=str(spec.get("align", "left")),
                max_lines=int(spec.get("max_lines", 1)),
                line=bool(spec.get("line", False)),
            )
        )
    sheet = None
    if "sheet" in data:
        s = data["sheet"]
        w = f"{where} [sheet]"
        sheet = Sheet(
            page_width_mm=_number(s, "page_width_mm", w),
            page_height_mm=_number(s, "page_height_mm", w),
            columns=int(s.get("columns", 1)),
            rows=int(s.get("rows", 1)),
            margin_left_mm=_number(s, "margin_left_mm", w),
            margin_top_mm=_number(s, "margin_top_mm", w),
            pitch_x_mm=_number(s, "pitch_x_mm", w),
            pitch_y_mm=_number(s, "pitch_y_mm", w),
        )
    template = Template(
        name=name,
        description=str(data.get("description", "")),
        width_mm=_number(label, "width_mm", f"{where} [label]"),
        height_mm=_number(label, "height_mm", f"{where} [label]"),
        price_level=int(data.get("price_level", 1)),
        thermal=bool(label.get("thermal", sheet is None)),
        allow_truncated_bars=bool(flags.get("allow_truncated_bars", False)),
        allow_75_percent_module=bool(flags.get("allow_75_percent_module", False)),
        barcode=barcode,
        fields=tuple(fields),
        font_family=str(data.get("font_family", "DejaVu Sans")),
        sheet=sheet,
        frame=bool(label.get("frame", False)),
        source=source,
    )
    check_template(template)
    return template


# --- checks -----------------------------------------------------------------------


def check_template(template: Template) -> None:
    where = f"template {template.name}"
    if template.allow_75_percent_module and not template.thermal:
        raise TemplateError(
            f"{where}: allow_75_percent_module is for thermal labels printed on demand "
            "only (GS1); remove it or mark the label thermal",
            template=template.name,
        )
    label = Box(0, 0, template.width_mm, template.height_mm)
    boxes = [("barcode", template.barcode.box)] + [
        (f.name, f.box) for f in template.fields
    ]
    for box_name, box in boxes:
        inside = (
            box.x_mm >= 0
            and box.y_mm >= 0
            and box.right_mm <= label.right_mm + 1e-9
            and box.bottom_mm <= label.bottom_mm + 1e-9
        )
        if not inside or box.width_mm <= 0 or box.height_mm <= 0:
            raise TemplateError(
                f"{where}: the {box_name} box ({box.describe()}) does not lie on the "
                f"{template.width_mm:g} × {template.height_mm:g} mm label",
                template=template.name,
                box=box_name,
            )
    for spec in template.fields:
        if spec.align not in ("left", "centre", "center", "right"):
            raise TemplateError(
                f"{where}: [fields.{spec.name}] align must be left, centre or right, "
                f"not {spec.align!r}",
                template=template.name,
            )
        if spec.max_lines < 1 or spec.font_mm <= 0:
            raise TemplateError(
                f"{where}: [fields.{spec.name}] needs max_lines of 1 or more and a "
                "font_mm above 0",
                template=template.name,
            )
    code_box = template.barcode.box
    for field_spec in template.fields:
        if field_spec.box.overlaps(code_box):
            raise TemplateError(
                f"{where}: the {field_spec.name} box ({field_spec.box.describe()}) "
                f"intrudes on the barcode box ({code_box.describe()}), which holds the "
                "quiet zones GS1 asks for around the bars; move one of them",
                template=template.name,
                box=field_spec.name,
            )
    if template.frame and (
        code_box.x_mm < 0.5 or code_box.right_mm > label.right_mm - 0.5
    ):
        raise TemplateError(
            f"{where}: the frame line runs through the barcode's quiet zone; keep the "
            "barcode box at least 0.5 mm inside the label edge",
            template=template.name,
        )
    if template.sheet is not None:
        _check_sheet(template, template.sheet)
    for size in template.barcode.holds:
        _check_holds(template, size)


def _check_sheet(template: Template, sheet: Sheet) -> None:
    where = f"template {template.name}"
    last_x, last_y = sheet.label_origin_mm(sheet.labels_per_page - 1)
    if (
        sheet.pitch_x_mm < template.width_mm
        or sheet.pitch_y_mm < template.height_mm
        or last_x + template.width_mm > sheet.page_width_mm + 1e-9
        or last_y + template.height_mm > sheet.page_height_mm + 1e-9
    ):
        raise TemplateError(
            f"{where}: {sheet.columns} × {sheet.rows} labels of "
            f"{template.width_mm:g} × {template.height_mm:g} mm at a pitch of "
            f"{sheet.pitch_x_mm:g} × {sheet.pitch_y_mm:g} mm do not fit the "
            f"{sheet.page_width_mm:g} × {sheet.page_height_mm:g} mm page",
            template=template.name,
        )


def _check_holds(template: Template, size: str) -> None:
    where = f"template {template.name}"
    try:
        total_modules, min_bar_mm = geometry.retail_size(size)
    except ValueError as error:
        raise TemplateError(f"{where}: {error}", template=template.name) from error
    box = template.barcode.box
    needed_mm = total_modules * geometry.MODULE_MIN_80_MM
    if needed_mm > box.width_mm + 1e-9:
        raise TemplateError(
            f"{where}: a {size} code with its GS1 quiet zones is {total_modules} "
            f"modules wide, {needed_mm:.1f} mm at the smallest module allowed "
            f"({geometry.MODULE_MIN_80_MM} mm); the barcode box is only "
            f"{box.width_mm:g} mm wide. Widen it to at least {needed_mm:.1f} mm "
            f"(a label at least {needed_mm + 2 * box.x_mm:.1f} mm wide) or drop {size} "
            "from `holds`",
            template=template.name,
            needed_mm=round(needed_mm, 1),
        )
    bar_mm = geometry.bar_height_mm(box.height_mm, template.barcode.digits_mm)
    if bar_mm + 1e-9 < min_bar_mm and not template.allow_truncated_bars:
        raise TemplateError(
            f"{where}: the bars of a {size} code would be {bar_mm:.1f} mm high, below "
            f"GS1's minimum of {min_bar_mm} mm; make the barcode box taller or set "
            "allow_truncated_bars = true in [flags]",
            template=template.name,
            needed_mm=min_bar_mm,
        )
