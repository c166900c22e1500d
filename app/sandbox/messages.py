"""What the sandbox server says, in the locales of the API path (`uk`, `en`).

Every error the server answers is an `ApiError`: a status, a message key and, for a
validation failure, a list of field errors, each a key with its parameters. The text is
chosen only when the answer is written, in the request's locale.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

LOCALES = ("uk", "en")
DEFAULT_LOCALE = "uk"

MESSAGES: dict[str, dict[str, str]] = {
    # --- whole-request messages
    "invalid_data": {
        "en": "The given data was invalid.",
        "uk": "Надані дані некоректні.",
    },
    "unauthorized": {
        "en": "Unauthenticated: send the header 'Authorization: Bearer <token>' "
        "with the sandbox token.",
        "uk": "Не автентифіковано: надішліть заголовок 'Authorization: Bearer <token>' "
        "з токеном пісочниці.",
    },
    "not_found": {
        "en": "Not found.",
        "uk": "Не знайдено.",
    },
    "unknown_locale": {
        "en": "Unknown locale '{locale}'; use uk or en.",
        "uk": "Невідома мова '{locale}'; використовуйте uk або en.",
    },
    "group_not_found": {
        "en": "There is no product group with guid '{guid}'.",
        "uk": "Групи товарів з guid '{guid}' немає.",
    },
    "level_not_found": {
        "en": "There is no price level with guid '{guid}'.",
        "uk": "Рівня цін з guid '{guid}' немає.",
    },
    "goods_not_found": {
        "en": "There is no product or reserved id with guid '{guid}'.",
        "uk": "Товару чи зарезервованого коду з guid '{guid}' немає.",
    },
    "unit_not_found": {
        "en": "The product has no unit with guid '{guid}'.",
        "uk": "У товару немає одиниці з guid '{guid}'.",
    },
    "barcode_not_found": {
        "en": "The product has no barcode with guid '{guid}'.",
        "uk": "У товару немає штрихкоду з guid '{guid}'.",
    },
    "price_exists": {
        "en": "A price for this product, unit, series and price level already exists; "
        "prices are changed with a revaluation document, not created again.",
        "uk": "Ціна для цього товару, одиниці, серії та рівня цін вже існує; ціни "
        "змінюють документом переоцінки, а не створюють повторно.",
    },
    "goods_exists": {
        "en": "The product with id {id_goods} has already been created; "
        "change it with PUT goods/{guid}.",
        "uk": "Товар з кодом {id_goods} вже створено; змінюйте його через "
        "PUT goods/{guid}.",
    },
    # --- field messages: generic (from request validation)
    "field_required": {
        "en": "The {field} field is required.",
        "uk": "Поле {field} обов'язкове.",
    },
    "string_too_long": {
        "en": "The {field} field must be at most {max_length} characters.",
        "uk": "Поле {field} має містити не більше {max_length} символів.",
    },
    "string_too_short": {
        "en": "The {field} field must be at least {min_length} characters.",
        "uk": "Поле {field} має містити щонайменше {min_length} символів.",
    },
    "invalid_type": {
        "en": "The {field} field has the wrong type: {detail}.",
        "uk": "Поле {field} має неправильний тип: {detail}.",
    },
    "invalid_value": {
        "en": "The {field} field is invalid: {detail}.",
        "uk": "Поле {field} некоректне: {detail}.",
    },
    "invalid_json": {
        "en": "The request body is not valid JSON.",
        "uk": "Тіло запиту не є коректним JSON.",
    },
    "decimal_digits": {
        "en": "The {field} field allows at most {max_digits} digits, "
        "{decimal_places} of them after the point.",
        "uk": "Поле {field} допускає не більше {max_digits} цифр, з них "
        "{decimal_places} після коми.",
    },
    # --- groups
    "owner_group_missing": {
        "en": "There is no group with id_group {id_owner_group}.",
        "uk": "Групи з id_group {id_owner_group} немає.",
    },
    "group_own_ancestor": {
        "en": "A group cannot be placed inside itself or inside one of its subgroups.",
        "uk": "Групу не можна вкласти в неї саму чи в одну з її підгруп.",
    },
    "group_missing": {
        "en": "There is no group with id_group {id_group}.",
        "uk": "Групи з id_group {id_group} немає.",
    },
    # --- price levels
    "purchase_rename": {
        "en": "The Purchase level (-1) keeps its name; it cannot be renamed or "
        "turned into a retail level.",
        "uk": "Закупівельний рівень (-1) зберігає свою назву; його не можна "
        "перейменувати чи зробити роздрібним.",
    },
    "purchase_inactive": {
        "en": "The Purchase level (-1) always exists and stays active.",
        "uk": "Закупівельний рівень (-1) існує завжди й лишається активним.",
    },
    "purchase_name_taken": {
        "en": "'{name}' is the name of the Purchase level; a retail level needs "
        "another name.",
        "uk": "'{name}' — назва закупівельного рівня; роздрібному рівню потрібна "
        "інша назва.",
    },
    # --- units
    "unit_unknown": {
        "en": "There is no unit {id_unit} in the unit dictionary (see GET units).",
        "uk": "Одиниці {id_unit} немає в довіднику одиниць (див. GET units).",
    },
    "unit_duplicate": {
        "en": "The product already has unit {id_unit}.",
        "uk": "Товар вже має одиницю {id_unit}.",
    },
    "unit_second_default": {
        "en": "The product already has a default unit; it may have only one.",
        "uk": "Товар вже має основну одиницю; вона може бути лише одна.",
    },
    "unit_default_first": {
        "en": "Create the default unit (is_default = true) before extra units.",
        "uk": "Спершу створіть основну одиницю (is_default = true), потім додаткові.",
    },
    "unit_default_rate": {
        "en": "The default unit's rate must be exactly 1.0, not {value}.",
        "uk": "Коефіцієнт основної одиниці має бути рівно 1.0, а не {value}.",
    },
    "unit_default_needed": {
        "en": "The product must keep exactly one default unit.",
        "uk": "Товар має зберігати рівно одну основну одиницю.",
    },
    "unit_type_incompatible": {
        "en": "A unit of type {type_unit} cannot be added to a product whose default "
        "unit is of type {default_type}; allowed types: {allowed}.",
        "uk": "Одиницю типу {type_unit} не можна додати до товару, основна одиниця "
        "якого має тип {default_type}; дозволені типи: {allowed}.",
    },
    "unit_rate_positive": {
        "en": "The rate must be greater than 0, not {value}.",
        "uk": "Коефіцієнт має бути більшим за 0, а не {value}.",
    },
    "unit_rate_whole": {
        "en": "The rate {value} must be a whole number for an integer unit (type 1).",
        "uk": "Коефіцієнт {value} має бути цілим для цілочисельної одиниці (тип 1).",
    },
    "unit_rate_quarter": {
        "en": "The rate {value} must be a multiple of 0.25 for a unit of type 2.",
        "uk": "Коефіцієнт {value} має бути кратним 0.25 для одиниці типу 2.",
    },
    "unit_rate_digits": {
        "en": "The rate {value} has more than 3 decimals or is too large.",
        "uk": "Коефіцієнт {value} має понад 3 знаки після коми або завеликий.",
    },
    # --- series
    "base_series_name": {
        "en": "The base series '-' must be named '-'.",
        "uk": "Базова серія '-' має називатися '-'.",
    },
    "series_duplicate": {
        "en": "The product already has series '{id_series}'.",
        "uk": "Товар вже має серію '{id_series}'.",
    },
    "series_unknown": {
        "en": "The product has no series '{id_series}'.",
        "uk": "Товар не має серії '{id_series}'.",
    },
    # --- products
    "goods_id_mismatch": {
        "en": "id_goods {id_goods} was not reserved with guid '{guid}'; reserve an "
        "id with POST goods/id/last and send both.",
        "uk": "Код {id_goods} не резервувався з guid '{guid}'; зарезервуйте код "
        "через POST goods/id/last і надішліть обидва.",
    },
    "goods_needs_default_unit": {
        "en": "Create the product's default unit (POST goods/{guid}/units) first.",
        "uk": "Спершу створіть основну одиницю товару (POST goods/{guid}/units).",
    },
    "goods_needs_base_series": {
        "en": "Create the product's base series '-' (POST goods/{guid}/series) first.",
        "uk": "Спершу створіть базову серію '-' товару (POST goods/{guid}/series).",
    },
    "goods_not_created": {
        "en": "The product with guid '{guid}' is only reserved; create it with "
        "POST goods first.",
        "uk": "Товар з guid '{guid}' лише зарезервовано; спершу створіть його через "
        "POST goods.",
    },
    # --- prices
    "price_goods_mismatch": {
        "en": "id_goods {id_goods} is not the product of this path ({expected}).",
        "uk": "id_goods {id_goods} не збігається з товаром у шляху ({expected}).",
    },
    "price_not_default_unit": {
        "en": "A price is set for the product's default unit ({expected}), "
        "not for unit {id_unit}.",
        "uk": "Ціну задають для основної одиниці товару ({expected}), "
        "а не для одиниці {id_unit}.",
    },
    "level_unknown": {
        "en": "There is no price level {id_price_level}.",
        "uk": "Рівня цін {id_price_level} немає.",
    },
    "money_negative": {
        "en": "The {field} field must not be negative.",
        "uk": "Поле {field} не може бути від'ємним.",
    },
    "min_price_floor": {
        "en": "The minimum price must be at least {floor}, not {value}.",
        "uk": "Мінімальна ціна має бути щонайменше {floor}, а не {value}.",
    },
    "max_above_price": {
        "en": "The maximum price {value} is above the price {price}.",
        "uk": "Максимальна ціна {value} більша за ціну {price}.",
    },
    "min_above_max": {
        "en": "The minimum price {value} is above the maximum price {max_price}.",
        "uk": "Мінімальна ціна {value} більша за максимальну {max_price}.",
    },
    # --- barcodes
    "bar_code_digits": {
        "en": "The barcode must be 1 to 21 digits, with nothing else.",
        "uk": "Штрихкод має складатися з 1–21 цифри й нічого іншого.",
    },
    "bar_code_taken": {
        "en": "The barcode {bar_code} already belongs to the product "
        "'{name_goods}' (id {id_goods}).",
        "uk": "Штрихкод {bar_code} вже належить товару '{name_goods}' "
        "(код {id_goods}).",
    },
    "ext_bar_code_digits": {
        "en": "The add-on must be 2 or 5 digits.",
        "uk": "Додатковий код має складатися з 2 або 5 цифр.",
    },
    "barcode_unit_unknown": {
        "en": "The product has no unit {id_unit}.",
        "uk": "Товар не має одиниці {id_unit}.",
    },
    # --- lists
    "sort_column_unknown": {
        "en": "Cannot sort by '{column}'; sortable columns: {columns}.",
        "uk": "Не можна сортувати за '{column}'; доступні стовпці: {columns}.",
    },
    "sort_order_unknown": {
        "en": "The sort order must be ascending or descending, not '{order}'.",
        "uk": "Порядок сортування має бути ascending або descending, а не '{order}'.",
    },
    "filter_field_unknown": {
        "en": "Cannot filter by '{column}'; fields: {columns}.",
        "uk": "Не можна фільтрувати за '{column}'; поля: {columns}.",
    },
    "filter_term_unknown": {
        "en": "Unknown filter term '{term}'; use like or not.",
        "uk": "Невідомий вид фільтра '{term}'; використовуйте like або not.",
    },
    "filter_date_invalid": {
        "en": "'{value}' is not an ISO-8601 time.",
        "uk": "'{value}' не є часом у форматі ISO-8601.",
    },
    "filter_date_field": {
        "en": "A date_range filter needs a time field, not '{column}'.",
        "uk": "Фільтр date_range потребує поля часу, а не '{column}'.",
    },
    "page_invalid": {
        "en": "Pages count from 1 and hold 1 to {max_size} rows.",
        "uk": "Сторінки рахуються від 1 і містять від 1 до {max_size} рядків.",
    },
}


def text(key: str, locale: str, **params: Any) -> str:
    """The message `key` in `locale`, with its parameters filled in."""
    entry = MESSAGES[key]
    template = entry.get(locale) or entry["en"]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


@dataclass(frozen=True)
class FieldError:
    field: str
    key: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class ApiError(Exception):
    """An answer other than success: status, message key, field errors."""

    def __init__(
        self,
        status: int,
        key: str,
        errors: list[FieldError] | None = None,
        **params: Any,
    ) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.errors = errors or []
        self.params = params

    def body(self, locale: str) -> dict[str, Any]:
        message = text(self.key, locale, **self.params)
        result: dict[str, Any] = {"message": message}
        if self.errors:
            grouped: dict[str, list[str]] = {}
            for error in self.errors:
                grouped.setdefault(error.field, []).append(
                    text(error.key, locale, field=error.field, **error.params)
                )
            result["errors"] = grouped
            # One error alone: its text is the clearest message for the whole answer.
            if len(self.errors) == 1 and self.status == 422:
                result["message"] = next(iter(grouped.values()))[0]
        return result


def invalid(field_name: str, key: str, **params: Any) -> ApiError:
    """A 422 answer with one field error."""
    return ApiError(422, "invalid_data", [FieldError(field_name, key, params)])


def not_found(key: str, **params: Any) -> ApiError:
    return ApiError(404, key, **params)
