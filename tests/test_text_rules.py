"""Table-driven tests of the text rules: countries, aliases, name/address splits, metadata."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redletter.extract import meta
from redletter.extract.geometry import Line, Word
from redletter.nlp.countries import (
    country_of_city,
    resolve_country,
    resolve_country_misread,
    trailing_country,
)
from redletter.nlp.ocr_names import mend_ocr_name
from redletter.nlp.party_text import (
    name_and_aliases,
    parse_entity_cell,
    split_alias_list,
    split_name_address,
    split_prose_party,
)
from redletter.schema import NoticeType


@pytest.mark.parametrize(
    ("printed", "code"),
    [("Hong Kong", "HK"), ("HONG KONG SAR", "HK"), ("UAE", "AE"), ("U.A.E.", "AE"),
     ("United Arab Emirates", "AE"), ("Türkiye", "TR"), ("Turkey", "TR"), ("Russian Federation", "RU"),
     ("RUSSIA", "RU"), ("PRC", "CN"), ("People's Republic of China", "CN"), ("Kyrgyz Republic", "KG"),
     ("Korea, Republic of", "KR"), ("Iran", "IR"), ("DEU", "DE"), ("SWITZERLAN D", None),
     ("Springfield", None), ("", None), ("\U0001F1E8\U0001F1F3", "CN"),
     ("\U0001F1E6\U0001F1EA United Arab Emirates", "AE"), ("\U0001F1F7\U0001F1FA Russia", "RU")],
)
def test_country_names_resolve_to_iso2(printed: str, code: str | None) -> None:
    assert resolve_country(printed) == code


@pytest.mark.parametrize(
    ("printed", "code"),
    [("Maroc", "MA"), ("Türkei", "TR"), ("Emiratos Árabes Unidos", "AE"), ("Россия", "RU"),
     ("Российская Федерация", "RU"), ("Казахстан", "KZ"), ("中国", "CN"), ("ОАЭ", "AE"),
     ("Chine", "CN"), ("Mali", "ML"), ("P.R. China", "CN"), ("Russian Fed.", "RU"),
     ("Kyrgyz Rep.", "KG"), ("UAE (Dubai)", "AE")],
)
def test_countries_printed_in_other_languages(printed: str, code: str) -> None:
    """Names from pycountry's translations (iso3166-1 gettext catalogues) and the aliases file."""
    assert resolve_country(printed) == code


def test_a_country_misread_by_one_letter_is_resolved_only_when_unambiguous() -> None:
    assert resolve_country("Tran") is None  # not a country as printed...
    assert resolve_country_misread("Tran") == "IR"  # ...but one OCR slip from Iran
    assert resolve_country_misread("Chlna") == "CN"
    assert resolve_country_misread("Cin") is None  # too short to guess
    assert resolve_country_misread("Springfield") is None


@given(st.text(max_size=60))
def test_country_resolution_never_raises(text: str) -> None:
    result = resolve_country(text)
    assert result is None or (len(result) == 2 and result.isupper())
    trailing_country(text)


def test_trailing_country_splits_the_address() -> None:
    assert trailing_country("5 Main St, Dubai, U.A.E.") == ("5 Main St, Dubai", "AE")
    assert trailing_country("Room 5, Kowloon Hong Kong") == ("Room 5, Kowloon", "HK")
    assert trailing_country("Ul. Lenina 5, Moscow") is None


@pytest.mark.parametrize(
    ("cell", "name", "aliases"),
    [
        ("ACME LLC (a.k.a. ACME TRADING; ACME FZE)", "ACME LLC", ["ACME TRADING", "ACME FZE"]),
        ("VTB BANK PAO a/k/a VTB BANK PJSC", "VTB BANK PAO", ["VTB BANK PJSC"]),
        ("Shine Co., Ltd. (aka Shine Resources Co., Ltd.)", "Shine Co., Ltd.",
         ["Shine Resources Co., Ltd."]),
        ("NANCHANG KUDOS IMPORT AND EXPORT CO", "NANCHANG KUDOS IMPORT AND EXPORT CO", []),
        ("X LLC, also known as Y IMPORT AND EXPORT LLC and Z LLC", "X LLC",
         ["Y IMPORT AND EXPORT LLC", "Z LLC"]),
        ("Shenzhen X Technology Co LTD 深圳市路诚伟业科技发展有限公司", "Shenzhen X Technology Co LTD",
         ["深圳市路诚伟业科技发展有限公司"]),
        ("OOO Catkoneft / ООО «Катконефт»", "OOO Catkoneft", ["ООО «Катконефт»"]),
        ("Beijing Timingtron Corporation 深深深深深深 深深深深深深深深深", "Beijing Timingtron Corporation",
         []),
        ("Société Générale", "Société Générale", []),
        ("SHENZHEN X CO., LIMITED (深圳 市蓝天科技有限公司)", "SHENZHEN X CO., LIMITED",
         ["深圳市蓝天科技有限公司"]),
    ],
)
def test_aliases_inside_a_name(cell: str, name: str, aliases: list[str]) -> None:
    assert name_and_aliases(cell) == (name, aliases)


def test_alias_cell_splits_on_semicolons_and_dashes() -> None:
    # the period of an abbreviated legal form is the alias's own: "Tekno Yildiz Ltd."
    assert split_alias_list("—A LTD; and —B CO.") == ["A LTD", "B CO."]
    assert split_alias_list("a.k.a. Minxin Micro\na.k.a. FJ Minxin Electronic") == [
        "Minxin Micro", "FJ Minxin Electronic"]
    assert split_alias_list("PJSC X;\nJOINT STOCK BANK X") == ["PJSC X", "JOINT STOCK BANK X"]
    assert split_alias_list("") == []


def test_entity_list_cell_with_aliases_and_no_address() -> None:
    assert parse_entity_cell("ACME LLC, a.k.a., XYZ TRADING LLC") == ("ACME LLC", ["XYZ TRADING LLC"], None)
    assert parse_entity_cell("OOO MVIZION . 313 Gaydar Alieev kuchasi, Tashkent 100161.") == (
        "OOO MVIZION", [], "313 Gaydar Alieev kuchasi, Tashkent 100161")


def test_entity_list_cell() -> None:
    cell = ("Beijing Yunze Technology Co., Ltd., a.k.a., the following two aliases: "
            "—Beijing Yunze; and —Beijing Yunze Co., Ltd. Room 1201, Building 3, Haidian District.")
    assert parse_entity_cell(cell) == (
        "Beijing Yunze Technology Co., Ltd.", ["Beijing Yunze", "Beijing Yunze Co., Ltd."],
        "Room 1201, Building 3, Haidian District")
    assert parse_entity_cell("MICRAN JSC, a.k.a., the following one alias: —MICRAN JSC. "
                             "Pr-kt Kirova Zd. 51D, Tomsk.")[1:] == (["MICRAN JSC"],
                                                                   "Pr-kt Kirova Zd. 51D, Tomsk")


def test_name_address_split_keeps_legal_forms() -> None:
    assert split_name_address("SHENZHEN XYZ Co., Ltd., Room 5, Futian") == (
        "SHENZHEN XYZ Co., Ltd.", "Room 5, Futian")
    # The period of an abbreviated legal form is part of the name, as printed (real tables
    # print "Bosch Healthcare Systems, Inc."); a period after a full word is not.
    assert split_name_address("ACME, Inc.") == ("ACME, Inc.", None)
    assert split_name_address("Haggen, Inc. (Store #2154)") == ("Haggen, Inc. (Store #2154)", None)
    assert split_name_address("ACME TRADING LIMITED.") == ("ACME TRADING LIMITED", None)


def test_prose_party() -> None:
    text = "(1) ACME LLC, also known as ACME TRADING, located at 5 Main St, Dubai, UAE;"
    assert split_prose_party(text.removeprefix("(1) ")) == (
        "ACME LLC", ["ACME TRADING"], "5 Main St, Dubai, UAE")


def _lines(*texts: str) -> list[Line]:
    return [Line((Word(t, 0, 10 * i, 100, 10 * i + 8),)) for i, t in enumerate(texts)]


def test_metadata_from_wording() -> None:
    lines = _lines("U.S. Department of Commerce", "Office of Export Enforcement", "March 3, 2025",
                   "Our ref: OEE-2025-0042", "Attn: Compliance", "Acme Instruments Inc.",
                   "Re: Red Flag Notification", "Dear Sir:")
    assert str(meta.letter_date(lines)) == "2025-03-03"
    assert meta.reference(lines) == "OEE-2025-0042"
    assert meta.recipient(lines) == "Acme Instruments Inc."
    assert meta.issuing_office(lines) == "Office of Export Enforcement"
    kind, evidence = meta.notice_type("red flag notification about diversion", meta.subject_line(lines))
    assert kind is NoticeType.red_flag and "red-flag notification" in evidence[0]
    assert meta.notice_type("nothing here", "")[0] is NoticeType.unknown


@pytest.mark.parametrize(
    ("text", "street", "city", "postal", "country"),
    [("5 Main St, Dubai, UAE", "5 Main St", "Dubai", None, "AE"),
     ("Ul. Lenina 5, Moscow 119019, Russian Federation", "Ul. Lenina 5", "Moscow", "119019", "RU"),
     ("33-34 Alfred Place, London WC1E 7DP, United Kingdom", "33-34 Alfred Place", "London",
      "WC1E 7DP", "GB"),
     ("Dubai", None, "Dubai", None, None)],
)
def test_split_address(text: str, street: str | None, city: str | None, postal: str | None,
                       country: str | None) -> None:
    from redletter.nlp.normalize import Address, split_address

    assert split_address(text) == Address(street, city, postal, country)


def test_prose_party_with_aliases_between_commas_and_a_name_in_its_own_script() -> None:
    assert split_prose_party("Sino-Baltic Components Limited, also known as SBC Ltd, Unit 7, 12/F, "
                             "Kwai Cheong Centre, Kwai Chung, Hong Kong.") == (
        "Sino-Baltic Components Limited", ["SBC Ltd"],
        "Unit 7, 12/F, Kwai Cheong Centre, Kwai Chung, Hong Kong")
    assert split_prose_party("OOO Catkoneft (ООО «Катконефт»), ul. Lenina 5, Moscow") == (
        "OOO Catkoneft", ["ООО «Катконефт»"], "ul. Lenina 5, Moscow")


@pytest.mark.parametrize(("address", "code"), [
    ("ul. Lenina 5, Moscow 127018", "RU"), ("Futian District, Shenzhen, Guangdong 518000", "CN"),
    ("Jebel Ali, Dubai", "AE"), ("Bishkek 720001", "KG"), ("Saint Petersburg 190000", "RU"),
    ("Alexandria", None), ("Unit 5, Block B", None), (None, None)])
def test_a_city_that_ends_an_address_names_its_country(address: str | None, code: str | None) -> None:
    """GeoNames cities of 100,000 people or more; a name shared with a town abroad ten times
    smaller or more still counts, one shared with a comparable city ("Alexandria") does not."""
    assert country_of_city(address) == code


@pytest.mark.parametrize(("read", "mended"), [
    ("KOC DIS TICARET UMITED SIRKETI", "KOC DIS TICARET LIMITED SIRKETI"),
    ("SHUNDA TRADING COMPANY LTO", "SHUNDA TRADING COMPANY LTD"), ("TRO YA LLC (", "TRO YA LLC"),
    ("(CLF GLOBAL LIMITED", "CLF GLOBAL LIMITED"), ("CEMENT CA LIMITED LIABILITY. COMPANY",
                                                   "CEMENT CA LIMITED LIABILITY COMPANY"),
    ("UNITED TRADING LLC", "UNITED TRADING LLC"), ("ACME (HK) LIMITED", "ACME (HK) LIMITED"),
    ("000 NOVYI MEDIA KHOLDING", "OOO NOVYI MEDIA KHOLDING"), ("ALFA 100 LLC", "ALFA 100 LLC"),
    ("ALFA CO. LTD", "ALFA CO. LTD"), ("ALFA COLIMITED", "ALFA CO LIMITED"),
    ("COLT TRADING LLC", "COLT TRADING LLC")])
def test_ocr_misreadings_of_legal_forms_are_mended(read: str, mended: str) -> None:
    assert mend_ocr_name(read) == mended


def test_bullets_of_symbol_fonts_open_list_items() -> None:
    """Word's Symbol and Wingdings bullets come out of pdfminer as private-use characters."""
    from redletter.extract.prose import _MARKER

    assert _MARKER.match("\uf0b7 SEVER METAL MAKINA ANONIM SIRKETI, Bursa, Turkey")
    assert _MARKER.match("\u2022 ACME LLC, Dubai") and not _MARKER.match("ACME LLC, Dubai")


def test_the_shipped_country_names_are_pycountrys() -> None:
    """data/pycountry_names.json (read by every run instead of pycountry's database and
    catalogues) holds what the installed pycountry gives: after an upgrade, run
    scripts/make_country_names.py."""
    import json
    from importlib import resources

    from redletter.nlp.countries import pycountry_names

    shipped = json.loads(resources.files("redletter.data").joinpath("pycountry_names.json")
                         .read_text("utf-8"))
    assert shipped == pycountry_names()
    assert shipped["translated"]["federacion rusa"] == "RU" and shipped["official"]["deu"] == "DE"


def test_footnotes_that_name_aliases() -> None:
    from redletter.extract.footnotes import footnote_aliases

    assert footnote_aliases(["1 Also known as ALFA FREIGHT FZCO.", "² a.k.a. X TRADING LLC; Y LLC",
                             "3 See 15 CFR 744.21.", "Note: the list is not exhaustive"]) == {
        "1": ["ALFA FREIGHT FZCO"], "2": ["X TRADING LLC", "Y LLC"]}
