"""Write the "unseen" and "sealed" letter families: layouts made independently of the
project's own sample generators, so that the extractor is scored on letters it was never
tuned on.

    .venv/bin/python scripts/make_unseen.py                 # every family
    .venv/bin/python scripts/make_unseen.py u02_entity_supp4 s03_scanned   # some of them

Writes ``tests/fixtures/unseen/<family>/`` (letters that may be shown in detail) and
``tests/fixtures/sealed/<family>/`` (held out: only aggregate scores are to be looked at).
Each letter ``X.<ext>`` has a ``X.truth.json`` beside it, written from the same data the
letter was drawn from (never read back from the extractor). The one exception is the
``page`` of a party in a PDF made by LibreOffice or Chromium: those producers choose the page
breaks, so the generator finds the page where each party's row starts in the PDF it just made
(with pdfplumber words, in order, at the name column's left edge) and fails if one is not found.

Inputs: only ``tests/fixtures/unseen/source_parties.csv`` (a small extract of the public
OFAC/CSL lists, see its README) and ``tests/fixtures/unseen/chpl_hs6_tiers.csv``.

Producers (none of them reportlab): fpdf2; LibreOffice (headless ``soffice``) converting
.docx files written with python-docx and .odt files written with odfpy; headless Chromium
printing HTML; openpyxl (.xlsx); the csv module; the stdlib ``email`` package (.eml);
pypdfium2 + Pillow + numpy for the scanned copies.

Determinism: every random choice comes from a ``random.Random`` seeded per letter, so a
second run writes the same letters. LibreOffice and Chromium embed the creation time and a
random document ID (and LibreOffice a /DocChecksum): the generator overwrites those bytes in
place with fixed values of the same length, so their PDFs are byte-identical across runs
with the same producer versions too. fpdf2, Pillow (scans) and openpyxl (zip entry times
and document properties) are given a fixed date. A different LibreOffice, Chromium or font
version can still change the layout, and hence the bytes and, rarely, a party's page.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import html
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DATA = FIXTURES / "unseen"
FIXED_TIME = dt.datetime(2026, 1, 5, 12, 0, 0, tzinfo=dt.UTC)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
LIBERATION = Path("/usr/share/fonts/truetype/liberation")

# ---------------------------------------------------------------------------------------------
# Source data


@dataclass(frozen=True)
class Source:
    """One real listed party from the extract."""

    pool: str
    key: str
    name: str
    aliases: tuple[str, ...]
    street: str
    city: str
    iso2: str
    fr: str
    lic_req: str
    lic_pol: str

    @property
    def address(self) -> str:
        return f"{self.street}, {self.city}" if self.city else self.street

    @property
    def sealed(self) -> bool:
        """A quarter of pools A-C are kept for the sealed families; pool D never is."""
        return self.pool != "D" and int(hashlib.sha1(self.key.encode()).hexdigest(), 16) % 4 == 0


def load_sources() -> list[Source]:
    with (DATA / "source_parties.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [Source(r["pool"], r["source_key"], " ".join(r["name"].split()),
                   tuple(a.strip() for a in r["aliases"].split(" | ") if a.strip()),
                   " ".join(r["address"].split()), " ".join(r["city"].split()), r["iso2"],
                   r["fr_citation"], r["license_requirement"], r["license_policy"]) for r in rows]


def load_chpl() -> list[tuple[str, str]]:
    with (DATA / "chpl_hs6_tiers.csv").open(encoding="utf-8", newline="") as fh:
        return [(r["hs6"], r["tier"]) for r in csv.DictReader(fh)]


SOURCES = load_sources()
CHPL = load_chpl()

HS_TEXT = {
    "8542.31": "Electronic integrated circuits: processors and controllers",
    "8542.32": "Electronic integrated circuits: memories",
    "8542.33": "Electronic integrated circuits: amplifiers",
    "8542.39": "Electronic integrated circuits: other",
    "8517.62": "Machines for the reception, conversion and transmission of data",
    "8526.91": "Radio navigational aid apparatus",
    "8532.21": "Fixed capacitors, tantalum",
    "8532.24": "Fixed capacitors, ceramic dielectric, multilayer",
    "8548.00": "Electrical parts of machinery or apparatus, n.e.s.",
    "8471.50": "Processing units for automatic data-processing machines",
    "8504.40": "Static converters",
    "8517.69": "Other apparatus for the transmission or reception of data",
    "8525.89": "Cameras, other",
    "8529.10": "Aerials and aerial reflectors, and parts",
    "8529.90": "Parts for radio transmission and reception apparatus",
    "8536.69": "Plugs and sockets, voltage not exceeding 1,000 V",
    "8536.90": "Other apparatus for making connections, not exceeding 1,000 V",
    "8541.10": "Diodes, other than photosensitive or light-emitting",
    "8541.21": "Transistors, dissipation rate less than 1 W",
    "8541.29": "Other transistors",
    "8541.30": "Thyristors, diacs and triacs",
    "8541.49": "Photosensitive semiconductor devices",
    "8541.51": "Semiconductor-based transducers",
    "8541.59": "Other semiconductor devices",
    "8541.60": "Mounted piezo-electric crystals",
    "8482.10": "Ball bearings",
    "8482.20": "Tapered roller bearings",
    "8482.30": "Spherical roller bearings",
    "8482.50": "Other cylindrical roller bearings",
    "8807.30": "Other parts of aeroplanes, helicopters or unmanned aircraft",
    "9013.10": "Telescopic sights for fitting to arms; periscopes",
    "9013.80": "Other optical devices, appliances and instruments",
    "9014.20": "Instruments and appliances for aeronautical or space navigation",
    "9014.80": "Other navigational instruments and appliances",
    "8471.80": "Other units of automatic data-processing machines",
    "8486.10": "Machines for the manufacture of boules or wafers",
    "8486.20": "Machines for the manufacture of semiconductor devices",
    "8486.40": "Machines specified in Note 11(C) to Chapter 84",
    "8534.00": "Printed circuits",
    "8543.20": "Signal generators",
    "9027.50": "Other instruments using optical radiations",
    "9030.20": "Oscilloscopes and oscillographs",
    "9030.32": "Multimeters with a recording device",
    "9030.39": "Other instruments for measuring voltage, current or resistance",
    "9030.82": "Instruments for measuring or checking semiconductor wafers or devices",
    "8457.10": "Machining centres for working metal",
    "8458.11": "Horizontal lathes, numerically controlled",
    "8458.91": "Other lathes, numerically controlled",
    "8459.61": "Milling machines, numerically controlled",
    "8466.93": "Parts and accessories for machines of headings 84.56 to 84.61",
}

# Public manufacturer part numbers of the kind seen in diversion cases, with an ECCN that fits.
PARTS = [
    ("8542.31", "3A991.a.2", "XC7Z020-1CLG400C", "Zynq-7000 system-on-chip"),
    ("8542.31", "5A992.c", "STM32F407VGT6", "32-bit microcontroller"),
    ("8542.31", "3A991.p", "TMS320F28335PGFA", "Digital signal controller"),
    ("8542.31", "3A001.a.7", "XC7K325T-2FFG900I", "Kintex-7 FPGA"),
    ("8542.32", "EAR99", "MT41K256M16TW-107:P", "4 Gb DDR3 SDRAM"),
    ("8542.32", "3A991.b.1", "CY62167EV30LL-45BVXI", "16 Mb static RAM"),
    ("8542.33", "3A001.b.2", "HMC1114PM5E", "GaN power amplifier, 2.7-3.8 GHz"),
    ("8542.39", "5A991.b", "AD9361BBCZ", "RF agile transceiver"),
    ("8542.39", "3A991.c.3", "LTC2208IUP#PBF", "16-bit 130 Msps ADC"),
    ("8542.39", "3A001.a.5.a", "AD9625BBPZ-2.5", "12-bit 2.5 GSPS ADC"),
    ("8517.62", "5A991.b.1", "EX4300-48T", "Ethernet switch"),
    ("8526.91", "7A994", "NEO-M8N-0-10", "GNSS receiver module"),
    ("8532.24", "EAR99", "GRM188R71H104KA93D", "MLCC 0.1 uF 50 V"),
    ("8541.29", "3A001.b.3", "CGHV40180F", "GaN HEMT, 180 W"),
    ("8471.50", "4A994.b", "PE-R740-02", "Rack server"),
    ("8482.10", "EAR99", "6205-2RS1", "Deep groove ball bearing"),
    ("9014.20", "7A994", "ADIS16488BMLZ", "Tactical-grade IMU"),
    ("9030.20", "3A992.a", "DSOX3034T", "Oscilloscope, 350 MHz"),
    ("8543.20", "3A992.a", "N5181B", "RF analog signal generator"),
    ("8458.11", "2B001.a", "NLX-2500", "CNC lathe"),
]

COUNTRY = {  # iso: (plain, Entity List style, variant)
    "CN": ("China", "CHINA, PEOPLE'S REPUBLIC OF", "PRC"),
    "HK": ("Hong Kong", "HONG KONG", "Hong Kong SAR"),
    "AE": ("United Arab Emirates", "UNITED ARAB EMIRATES", "UAE"),
    "TR": ("Turkey", "TURKEY", "Türkiye"),
    "IN": ("India", "INDIA", "India"),
    "KG": ("Kyrgyzstan", "KYRGYZSTAN", "Kyrgyz Republic"),
    "KZ": ("Kazakhstan", "KAZAKHSTAN", "Republic of Kazakhstan"),
    "UZ": ("Uzbekistan", "UZBEKISTAN", "Uzbekistan"),
    "AM": ("Armenia", "ARMENIA", "Republic of Armenia"),
    "RS": ("Serbia", "SERBIA", "Serbia"),
    "SG": ("Singapore", "SINGAPORE", "Singapore"),
    "MY": ("Malaysia", "MALAYSIA", "Malaysia"),
    "TH": ("Thailand", "THAILAND", "Thailand"),
    "CY": ("Cyprus", "CYPRUS", "Cyprus"),
    "RU": ("Russia", "RUSSIA", "Russian Federation"),
    "BY": ("Belarus", "BELARUS", "Republic of Belarus"),
    "CH": ("Switzerland", "SWITZERLAND", "Switzerland"),
    "GB": ("United Kingdom", "UNITED KINGDOM", "UK"),
    "FI": ("Finland", "FINLAND", "Finland"),
    "EE": ("Estonia", "ESTONIA", "Estonia"),
    "GE": ("Georgia", "GEORGIA", "Georgia"),
    "UA": ("Ukraine", "UKRAINE", "Ukraine"),
    "AZ": ("Azerbaijan", "AZERBAIJAN", "Azerbaijan"),
    "SC": ("Seychelles", "SEYCHELLES", "Seychelles"),
}


def country(iso: str, style: str) -> str:
    """The country as a letter prints it: plain, el (Entity List caps), variant, upper, iso."""
    plain, el, variant = COUNTRY[iso]
    return {"plain": plain, "el": el, "variant": variant, "upper": plain.upper(), "iso": iso}[style]


# ---------------------------------------------------------------------------------------------
# Parties and letters (the truth)


@dataclass
class Party:
    """A party as it is printed in one letter (this is what goes into the truth file)."""

    src: Source
    name: str
    aliases: list[str]
    address: str
    iso2: str
    country_printed: str
    page: int | None = None
    hs_codes: list[str] = field(default_factory=list)
    eccns: list[str] = field(default_factory=list)
    part_numbers: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)

    def truth(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": self.aliases, "address": self.address,
                "country": self.iso2, "country_printed": self.country_printed, "page": self.page,
                "hs_codes": self.hs_codes, "eccns": self.eccns, "part_numbers": self.part_numbers,
                "extra": self.extra}


@dataclass
class Meta:
    """What a letter says about itself."""

    kind: str  # supplier_list | red_flag | is_informed | project_guardian
    date: dt.date
    reference: str
    recipient: tuple[str, str, str, str, str]  # company, street, city, person, title
    indirect: bool = False
    office: str = "Office of Export Enforcement"

    @property
    def company(self) -> str:
        return self.recipient[0]


def draw(rng: random.Random, n: int, *, sealed: bool, countries: Sequence[str] | None = None,
         pools: str = "ABC", with_aliases: int = 0, openings: Sequence[str] = ()) -> list[Source]:
    """``n`` distinct sources: first one per address opening (pool D), then ``with_aliases``
    that have aliases, then any; shuffled."""
    cands = sorted((s for s in SOURCES if s.sealed == sealed and s.pool in pools
                    and (countries is None or s.iso2 in countries)), key=lambda s: s.key)
    rng.shuffle(cands)
    chosen: list[Source] = []
    pool_d = sorted((s for s in SOURCES if s.pool == "D"), key=lambda s: s.key)
    for pattern in openings:
        hits = [s for s in pool_d if re.match(pattern, s.street) and s not in chosen]
        if hits:
            chosen.append(rng.choice(hits))
    chosen += [s for s in cands if s.aliases and s not in chosen][:with_aliases]
    chosen += [s for s in cands if s not in chosen][: n - len(chosen)]
    if len(chosen) < n:
        raise SystemExit(f"only {len(chosen)} sources for a draw of {n}")
    rng.shuffle(chosen)
    return chosen[:n]


def party(src: Source, cstyle: str, *, aliases: int = 99) -> Party:
    return Party(src, src.name, list(src.aliases[:aliases]), src.address, src.iso2,
                 country(src.iso2, cstyle))


HS_STYLES = {
    "dot": lambda c: f"{c[:4]}.{c[4:]}",
    "plain": lambda c: c,
    "hts10": lambda c: f"{c[:4]}.{c[4:]}.0000",
    "hts10plain": lambda c: f"{c}0000",
    "hts8": lambda c: f"{c[:4]}.{c[4:]}.00",
}


def hs_codes(rng: random.Random, k: int, styles: Sequence[str]) -> list[str]:
    codes = rng.sample([c for c, _ in CHPL], k)
    return [HS_STYLES[rng.choice(styles)](c) for c in codes]


def some_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def fmt_date(d: dt.date, style: str) -> str:
    return {"long": f"{d:%B} {d.day}, {d.year}", "eu": f"{d.day} {d:%B %Y}", "iso": d.isoformat(),
            "us": f"{d:%m/%d/%Y}", "mil": f"{d:%d-%b-%Y}".upper(), "ym": f"{d:%Y-%m}",
            "dmy": f"{d:%d.%m.%Y}"}[style]


def items_for(rng: random.Random, n: int) -> list[tuple[str, str, str, str]]:
    return rng.sample(PARTS, n)


def item_truth(items: Sequence[tuple[str, str, str, str]], *, eccn: bool = True, part: bool = True,
               desc: str = "part") -> list[dict[str, str | None]]:
    """Truth rows of a letter-level item list (desc: 'part' = the part's text, 'hs' = the HS
    heading's text)."""
    return [{"hs_code": hs, "eccn": e if eccn else None, "part_number": p if part else None,
             "description": d if desc == "part" else HS_TEXT[hs]} for hs, e, p, d in items]


def write_truth(path: Path, family: str, notes: str, meta: Meta, parties: Sequence[Party],
                items: Sequence[dict[str, Any]] = ()) -> None:
    truth = {"file": path.name, "family": family, "notes": notes, "notice_type": meta.kind,
             "letter_date": meta.date.isoformat(), "reference": meta.reference,
             "recipient": meta.company, "parties": [p.truth() for p in parties],
             "items": list(items)}
    out = path.parent / (path.name.rsplit(".", 1)[0] + ".truth.json")
    out.write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Cover-letter wording (one voice per kind, direct or indirect)

RECIPIENTS = [
    ("Harbor Ridge Semiconductor, Inc.", "2200 Mission College Blvd., Suite 410",
     "Santa Clara, CA 95054", "Ms. Dana Whitfield", "Director, Global Trade Compliance"),
    ("Tamarack Instruments Corp.", "75 Fordham Road", "Wilmington, MA 01887", "Mr. Luis Ortega",
     "Export Compliance Manager"),
    ("Bluestem Components LLC", "4100 Alpha Road, Building C", "Farmers Branch, TX 75244",
     "Mr. Gareth Oyelaran", "Empowered Official"),
    ("Northgate Precision Bearings Co.", "910 Industrial Parkway", "Elyria, OH 44035",
     "Ms. Priya Raman", "Vice President, Legal and Compliance"),
    ("Cobalt Ridge Electronics, Inc.", "1550 Technology Drive", "San Jose, CA 95110",
     "Mr. Tomasz Wielgus", "Trade Compliance Lead"),
    ("Saltmarsh Photonics LLC", "38 Research Park Drive", "Charlottesville, VA 22911",
     "Dr. Helen Achterberg", "Chief Operating Officer"),
    ("Keystone Fieldbus Systems, Inc.", "600 Grant Street, Floor 31", "Pittsburgh, PA 15219",
     "Ms. Rosa Delgado-Finch", "Senior Counsel, Export Controls"),
    ("Windrow Test & Measurement Corp.", "12 Corporate Woods Blvd.", "Beaverton, OR 97005",
     "Mr. Kenji Albrecht", "Director of Export Compliance"),
]
FIELD_OFFICES = ["New York", "Dallas", "Boston", "San Jose", "Chicago", "Los Angeles", "Miami",
                 "Atlanta", "Houston", "Portland"]
AGENTS = ["Special Agent Marisol Quintero", "Special Agent Derek Halvorsen",
          "Special Agent Anjali Raghunathan", "Special Agent Owen Castellano",
          "Special Agent Bettina Ruiz-Mackay"]


def cover_text(meta: Meta, rng: random.Random, *, attachment: str = "the enclosed list",
               customer: str | None = None, items: str = "the items listed below") -> list[str]:
    """Body paragraphs for one letter."""
    r = meta.company
    office = rng.choice(FIELD_OFFICES)
    agent = rng.choice(AGENTS)
    phone = f"({rng.randint(201, 989)}) {rng.randint(200, 989)}-{rng.randint(1000, 9999)}"
    if meta.kind == "supplier_list" and not meta.indirect:
        return [
            f"The Bureau of Industry and Security (BIS) is writing to {r} to share information on "
            f"foreign parties that present a risk of diverting items subject to the Export "
            f"Administration Regulations (EAR) to Russia. The parties named in {attachment} were "
            "identified from commercial and customs data showing that they shipped items on the "
            "Common High Priority List (CHPL) to Russia after February 24, 2022.",
            f"BIS asks that {r} voluntarily stop shipping to the listed parties and review any "
            "open orders, quotations and distributor sales involving them. Shipping to a listed "
            "party without further due diligence may be treated as proceeding in the face of a "
            "red flag.",
            "This letter does not itself impose a licence requirement, and the parties named are "
            "not on the Entity List by reason of this letter. BIS may update the list; please "
            "share it with the staff responsible for screening.",
        ]
    if meta.kind == "supplier_list":
        return [
            "We are writing to pass on information that we believe may be of use to your "
            "company's compliance programme.",
            f"Trade records reviewed by this office show that the firms named in {attachment} "
            "have received electronic and industrial goods of the kinds produced by companies in "
            "your sector, and that goods of the same description were afterwards moved onward "
            "to customers in the Russian Federation.",
            "We would encourage you to take this into account in your screening, to consider "
            "whether further business with these firms is consistent with your obligations, "
            "and to consider refraining from further sales to them until you are satisfied "
            "about where the goods end up. Nothing in this letter requires a reply.",
        ]
    if meta.kind == "red_flag" and not meta.indirect:
        who = customer or "one or more of your customers"
        return [
            f"BIS has identified {who}, a customer of {r}, as a party that appears to have "
            "re-exported items produced or sold by your company to Russia. Import records "
            f"available to BIS show the shipments summarised in {attachment}.",
            "Under the Know Your Customer guidance in Supplement No. 3 to part 732 of the EAR, "
            "this information is a red flag. Before any further export, reexport or transfer "
            "(in-country) to the party, you should resolve the red flag, for example by "
            "obtaining credible end-use and end-user information, or refrain from the "
            "transaction or apply to BIS for a licence.",
            "Proceeding with a transaction while a red flag is unresolved may expose your "
            "company to liability under the EAR.",
        ]
    if meta.kind == "red_flag":
        return [
            "In the course of reviewing export and import data, our office noted that goods "
            f"bearing your company's name have been consigned to the businesses listed in "
            f"{attachment}, and that shipments of the same goods from those businesses to the "
            "Russian Federation appear in third-country customs records.",
            "We thought you would wish to know this before you next accept orders from them. "
            "You may wish to revisit the end-use assurances you hold for these customers and to "
            "satisfy yourselves that the concerns described here have been answered before "
            "anything further is shipped.",
        ]
    if meta.kind == "is_informed" and not meta.indirect:
        return [
            "Pursuant to § 744.21(b) of the Export Administration Regulations (15 CFR "
            f"744.21(b)), {r} is hereby informed that a licence is required for the export, "
            "reexport or transfer (in-country) of any item subject to the EAR to the parties "
            f"identified in {attachment}, because there is an unacceptable risk that such items "
            "will be used in, or diverted to, a military end use or military end user in "
            "Russia or Belarus.",
            "This licence requirement takes effect on the date of this letter and remains in "
            "effect until BIS rescinds it in writing. Licence applications will be reviewed "
            "under a policy of denial. No licence exception is available except as BIS may "
            "specifically authorise.",
            "This notice applies to the named parties wherever located and under any of the "
            "names shown. You may not export, reexport or transfer the items without a licence "
            "even if an order is placed through an intermediary.",
        ]
    if meta.kind == "is_informed":
        return [
            "This notification is issued under the authority of section 744.21(b) of the EAR "
            "and section 744.6(c) as it applies to U.S. persons.",
            "With effect from the date shown above, no item subject to the EAR may be exported, "
            "reexported or transferred (in-country) by your firm to any of the parties named in "
            f"{attachment} unless BIS has first authorised the transaction in writing. Requests "
            "for authorisation should be submitted through SNAP-R and will be considered on a "
            "case-by-case basis with a presumption that they will not be granted.",
            "The same applies where the goods would reach these parties through a distributor, "
            "a freight forwarder or any other intermediary.",
        ]
    if meta.kind == "project_guardian" and not meta.indirect:
        return [
            "The Office of Export Enforcement (OEE) is contacting you as part of Project "
            "Guardian, BIS's outreach programme with industry to prevent the illicit "
            "acquisition of U.S.-origin items.",
            f"OEE asks that {r} notify the {office} Field Office if you receive an order, a "
            f"request for quotation or any other enquiry for {items}, or from any of the "
            f"parties named in {attachment}. Please do not ship until you have spoken to {agent} "
            f"at {phone}.",
            "Your cooperation is voluntary and will be treated as confidential to the extent "
            "permitted by law.",
        ]
    return [
        "Our office would be grateful for your help on a matter of mutual interest.",
        f"Should any of the companies named in {attachment}, or any other party, approach your "
        f"firm for {items}, we would appreciate a call before you reply to the enquiry or quote "
        f"a price. {agent} of our {office} office can be reached at {phone}.",
        "Any assistance is voluntary, will be handled discreetly, and may be taken into account "
        "favourably should a question about your company's exports arise in future.",
    ]


SUBJECTS = {
    ("supplier_list", False): "Parties of diversion concern: voluntary action requested",
    ("supplier_list", True): "Information for your compliance programme",
    ("red_flag", False): "Red flag notification: re-export of your items to Russia",
    ("red_flag", True): "Shipments to certain of your customers",
    ("is_informed", False): "Notice of licence requirement (15 CFR 744.21(b))",
    ("is_informed", True): "Notification under section 744.21(b)",
    ("project_guardian", False): "Project Guardian request",
    ("project_guardian", True): "Request for assistance",
}
LETTERHEADS = [
    ["UNITED STATES DEPARTMENT OF COMMERCE", "Bureau of Industry and Security",
     "Office of Export Enforcement", "Washington, D.C. 20230"],
    ["U.S. Department of Commerce", "Bureau of Industry and Security | Export Enforcement",
     "1401 Constitution Avenue, N.W., Washington, DC 20230"],
    ["UNITED STATES DEPARTMENT OF COMMERCE", "Under Secretary for Industry and Security",
     "Washington, D.C. 20230"],
]
SIGNERS = [("Paulette R. Emberley", "Director, Office of Export Enforcement"),
           ("Jonah T. Medeiros", "Special Agent in Charge"),
           ("Catalina Voss-Whitaker", "Assistant Director, Office of Enforcement Analysis")]


@dataclass
class Cover:
    """The printed cover letter, line by line, as each producer lays it out."""

    letterhead: list[str]
    date_line: str
    ref_line: str
    recipient: list[str]
    subject: str
    body: list[str]
    closing: list[str]


def make_cover(meta: Meta, rng: random.Random, *, date_style: str, ref_label: str,
               **kw: str) -> Cover:
    company, street, city, person, title = meta.recipient
    signer = rng.choice(SIGNERS)
    return Cover(rng.choice(LETTERHEADS), fmt_date(meta.date, date_style),
                 f"{ref_label} {meta.reference}", [person, title, company, street, city],
                 SUBJECTS[(meta.kind, meta.indirect)], cover_text(meta, rng, **kw),
                 ["Sincerely,", "", signer[0], signer[1]])


def meta_for(rng: random.Random, kind: str, date: dt.date, reference: str, *,
             indirect: bool = False) -> Meta:
    return Meta(kind, date, reference, rng.choice(RECIPIENTS), indirect)


# ---------------------------------------------------------------------------------------------
# Aliases and Entity List cells

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def el_aliases(aliases: Sequence[str], style: str) -> str:
    """The a.k.a. clause of an Entity List entry ('' if no aliases)."""
    if not aliases:
        return ""
    if len(aliases) == 1 and style == "short":
        return f", a.k.a. {aliases[0]}"
    n = NUMBER_WORDS[len(aliases)]
    word = "alias" if len(aliases) == 1 else "aliases"
    if len(aliases) == 1:
        return f", a.k.a., the following one alias:\n—{aliases[0]}"
    body = ";\n".join(f"—{a}" for a in aliases[:-1]) + f"; and\n—{aliases[-1]}"
    return f", a.k.a., the following {n} {word}:\n{body}"


def el_entity_cell(p: Party, style: str, country_text: str) -> str:
    """Name, aliases and address as one Entity List cell; country appended unless the city
    already ends with it."""
    tail = p.address
    if not p.address.lower().endswith(country_text.lower()):
        tail += f", {country_text}"
    clause = el_aliases(p.aliases, style)
    sep = ".\n" if clause else ",\n"
    return f"{p.name}{clause}{sep}{tail}."


def inline_aliases(p: Party, style: str) -> str:
    """Name with its aliases, as a name cell prints them."""
    if not p.aliases:
        return p.name
    if style == "paren":
        return f"{p.name} (a.k.a. {'; '.join(p.aliases)})"
    if style == "aka_lines":
        return p.name + "".join(f"\na.k.a. {a}" for a in p.aliases)
    if style == "slash":
        return p.name + "".join(f" a/k/a {a}" for a in p.aliases)
    if style == "fka":
        return p.name + "".join(f"\nalso known as: {a}" for a in p.aliases)
    raise ValueError(style)


# ---------------------------------------------------------------------------------------------
# Producer: fpdf2


def fpdf_doc(*, fmt: str = "letter", orientation: str = "P", family: str = "dejavu",
             footer: Callable[[Any], None] | None = None) -> Any:
    from fpdf import FPDF

    class Doc(FPDF):  # type: ignore[misc]
        def footer(self) -> None:
            if footer is not None:
                footer(self)

    doc = Doc(orientation=orientation, unit="pt", format=fmt)
    doc.set_creation_date(FIXED_TIME)
    doc.set_producer("fpdf2")
    fonts = {"dejavu": (DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"),
             "serif": (DEJAVU / "DejaVuSerif.ttf", DEJAVU / "DejaVuSerif-Bold.ttf"),
             "liberation": (LIBERATION / "LiberationSans-Regular.ttf",
                            LIBERATION / "LiberationSans-Bold.ttf"),
             "narrow": (LIBERATION / "LiberationSansNarrow-Regular.ttf",
                        LIBERATION / "LiberationSansNarrow-Bold.ttf")}
    regular, bold = fonts[family]
    doc.add_font("body", "", str(regular))
    doc.add_font("body", "B", str(bold))
    doc.set_margins(54, 54, 54)
    doc.set_auto_page_break(True, 60)
    doc.add_page()
    doc.set_font("body", "", 10)
    return doc


def fpdf_para(doc: Any, text: str, *, size: float = 10, bold: bool = False, gap: float = 6,
              align: str = "L", lh: float | None = None) -> None:
    doc.set_font("body", "B" if bold else "", size)
    doc.multi_cell(0, lh or size * 1.3, text, align=align, new_x="LMARGIN", new_y="NEXT")
    doc.ln(gap)


def fpdf_cover(doc: Any, c: Cover, *, size: float = 10, compact: bool = False) -> None:
    for i, line in enumerate(c.letterhead):
        doc.set_font("body", "B" if i == 0 else "", size + (1 if i == 0 else 0))
        doc.cell(0, size * 1.3, line, align="C", new_x="LMARGIN", new_y="NEXT")
    doc.ln(8 if compact else 16)
    fpdf_para(doc, c.date_line, size=size, gap=2)
    fpdf_para(doc, c.ref_line, size=size, gap=8)
    fpdf_para(doc, "\n".join(c.recipient), size=size, gap=8)
    fpdf_para(doc, f"Re: {c.subject}", size=size, bold=True, gap=6)
    fpdf_para(doc, "Dear " + c.recipient[0].split()[0] + " " + c.recipient[0].split()[-1] + ":",
              size=size, gap=4)
    for p in c.body:
        fpdf_para(doc, p, size=size, gap=5, align="J")
    fpdf_para(doc, "\n".join(c.closing), size=size, gap=10)


@dataclass
class Col:
    head: str  # may contain "\n" for a two-line header
    width: float  # share of the usable width
    align: str = "L"


def fpdf_table(doc: Any, cols: Sequence[Col], rows: Sequence[Sequence[str]], *, size: float = 8,
               header: bool = True, header_every_page: bool = True, rules: str = "grid",
               pad: float = 3, head_fill: int = 225, title: str | None = None) -> list[int]:
    """Draw a table, breaking rows between pages by hand; returns each row's page."""
    usable = doc.w - doc.l_margin - doc.r_margin
    widths = [c.width * usable for c in cols]
    lh = size * 1.22
    bottom = doc.h - doc.b_margin
    doc.set_auto_page_break(False)

    def lines(text: str, w: float, bold: bool = False) -> list[str]:
        doc.set_font("body", "B" if bold else "", size)
        out: list[str] = doc.multi_cell(w - 2 * pad, lh, text, dry_run=True, output="LINES",
                                        align="L")
        return out

    def draw_row(cells: Sequence[str], bold: bool = False, fill: int | None = None) -> None:
        height = max(len(lines(t, w, bold)) for t, w in zip(cells, widths, strict=True)) * lh
        height += 2 * pad
        x, y = doc.l_margin, doc.get_y()
        if fill is not None:
            doc.set_fill_color(fill)
            doc.rect(x, y, usable, height, style="F")
        for t, w, col in zip(cells, widths, cols, strict=True):
            doc.set_font("body", "B" if bold else "", size)
            doc.set_xy(x + pad, y + pad)
            doc.multi_cell(w - 2 * pad, lh, t, align=col.align)
            if rules == "grid":
                doc.rect(x, y, w, height)
            x += w
        if rules == "hlines":
            doc.line(doc.l_margin, y + height, doc.l_margin + usable, y + height)
        doc.set_xy(doc.l_margin, y + height)

    def row_height(cells: Sequence[str], bold: bool = False) -> float:
        return max(len(lines(t, w, bold)) for t, w in zip(cells, widths, strict=True)) * lh + 2 * pad

    head = [c.head for c in cols]

    def draw_head() -> None:
        if header:
            if rules == "hlines":
                doc.line(doc.l_margin, doc.get_y(), doc.l_margin + usable, doc.get_y())
            draw_row(head, bold=True, fill=head_fill if rules != "none" else None)

    need = (row_height(head, True) if header else 0) + (row_height(rows[0]) if rows else 0) + 20
    if doc.get_y() + need > bottom:
        doc.add_page()
    if title:
        fpdf_para(doc, title, size=size + 2, bold=True, gap=4)
    draw_head()
    pages = []
    for r in rows:
        if doc.get_y() + row_height(r) > bottom:
            doc.add_page()
            if header_every_page:
                draw_head()
        pages.append(doc.page_no())
        draw_row(r)
    doc.set_auto_page_break(True, 60)
    doc.ln(8)
    return pages


def fpdf_save(doc: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.output(str(path))


# ---------------------------------------------------------------------------------------------
# Producers: LibreOffice (docx, odt) and Chromium (html)

_SCRUB_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)([^)]*)(\))")
_SCRUB_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")
_SCRUB_SUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")
_SCRUB_XMP = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(<)")


def _fixed(value: bytes) -> bytes:
    digits = iter(b"20260105120000" + b"0" * 40)
    return bytes(next(digits) if 48 <= b <= 57 else b for b in value)


def scrub_pdf(path: Path) -> None:
    """Overwrite the creation times and document IDs in place (same byte lengths, so the
    cross-reference offsets stay valid)."""
    data = path.read_bytes()
    data = _SCRUB_DATE.sub(lambda m: m[1] + _fixed(m[2]) + m[3], data)
    data = _SCRUB_XMP.sub(lambda m: m[1] + _fixed(m[2]) + m[3], data)
    data = _SCRUB_ID.sub(lambda m: m[1] + b"0" * len(m[2]) + m[3] + b"0" * len(m[4]) + m[5], data)
    data = _SCRUB_SUM.sub(lambda m: m[1] + b"0" * len(m[2]), data)
    path.write_bytes(data)


def soffice_pdf(src: Path, out: Path, tmp: Path) -> None:
    profile = tmp / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                   check=True, timeout=300, capture_output=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(tmp / (src.stem + ".pdf")), out)
    scrub_pdf(out)


def chromium_pdf(markup: str, out: Path, tmp: Path) -> None:
    src = tmp / (out.stem + ".html")
    src.write_text(markup, encoding="utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    f"--user-data-dir={tmp / 'chrome-profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", src.as_uri()],
                   check=True, timeout=300, capture_output=True)
    scrub_pdf(out)


# python-docx helpers


def docx_new(*, landscape: bool = False, font: str = "Liberation Serif", size: float = 10.5,
             margins: float = 0.9) -> Any:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Inches, Pt

    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Inches(8.5), Inches(11)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Inches(11), Inches(8.5)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Inches(margins))
    style = d.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    style.paragraph_format.space_after = Pt(4)
    d.core_properties.created = FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = FIXED_TIME.replace(tzinfo=None)
    d.core_properties.author = "BIS"
    return d


def docx_para(d: Any, text: str, *, bold: bool = False, align: str | None = None,
              size: float | None = None, after: float | None = None) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = d.add_paragraph()
    for i, line in enumerate(text.split("\n")):
        run = p.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if i < len(text.split("\n")) - 1:
            run.add_break()
    if align:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                       "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


def docx_cover(d: Any, c: Cover, *, salutation: bool = True) -> None:
    for i, line in enumerate(c.letterhead):
        docx_para(d, line, bold=i == 0, align="center", after=0)
    docx_para(d, "")
    docx_para(d, c.date_line, align="right", after=0)
    docx_para(d, c.ref_line, align="right")
    docx_para(d, "\n".join(c.recipient))
    docx_para(d, f"Subject: {c.subject}", bold=True)
    if salutation:
        docx_para(d, f"Dear {c.recipient[0]}:")
    for p in c.body:
        docx_para(d, p, align="justify")
    docx_para(d, "\n".join(c.closing))


def docx_table(d: Any, widths_in: Sequence[float], header: Sequence[str] | None,
               rows: Sequence[Sequence[str]], *, size: float = 8.5, repeat_header: bool = True,
               style: str | None = "Table Grid", shade_header: bool = True) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    n_rows = len(rows) + (1 if header else 0)
    t = d.add_table(rows=n_rows, cols=len(widths_in))
    if style:
        t.style = d.styles[style]
    t.autofit = False

    def fill(cell: Any, text: str, bold: bool) -> None:
        cell.text = ""
        p = cell.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        lines = text.split("\n")
        for i, line in enumerate(lines):
            run = p.add_run(line)
            run.bold = bold
            run.font.size = Pt(size)
            if i < len(lines) - 1:
                run.add_break()

    all_rows = ([list(header)] if header else []) + [list(r) for r in rows]
    for ri, r in enumerate(all_rows):
        is_head = bool(header) and ri == 0
        for ci, text in enumerate(r):
            cell = t.cell(ri, ci)
            cell.width = Inches(widths_in[ci])
            fill(cell, text, is_head)
            if is_head and shade_header:
                shd = OxmlElement("w:shd")
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:color"), "auto")
                shd.set(qn("w:fill"), "D9D9D9")
                cell._tc.get_or_add_tcPr().append(shd)
        if is_head and repeat_header:
            tr_pr = t.rows[0]._tr.get_or_add_trPr()
            el = OxmlElement("w:tblHeader")
            el.set(qn("w:val"), "true")
            tr_pr.append(el)
    for ci, w in enumerate(widths_in):
        t.columns[ci].width = Inches(w)
    return t


# odfpy helpers


class Odt:
    """A small odfpy document writer: paragraphs and ruled tables with fixed column widths."""

    def __init__(self, *, font: str = "Liberation Sans", size: str = "10pt",
                 landscape: bool = False) -> None:
        from odf.opendocument import OpenDocumentText
        from odf.style import (
            FontFace,
            PageLayout,
            PageLayoutProperties,
            ParagraphProperties,
            Style,
            TextProperties,
        )
        from odf.style import MasterPage as _Master

        self.doc = OpenDocumentText()
        self.doc.fontfacedecls.addElement(FontFace(name=font, fontfamily=font))
        self.font, self.size = font, size
        layout = PageLayout(name="Page")
        w, h = ("11in", "8.5in") if landscape else ("8.5in", "11in")
        layout.addElement(PageLayoutProperties(pagewidth=w, pageheight=h, margin="0.8in",
                                               printorientation="landscape" if landscape
                                               else "portrait"))
        self.doc.automaticstyles.addElement(layout)
        self.doc.masterstyles.addElement(_Master(name="Standard", pagelayoutname=layout))
        self._styles: dict[str, Any] = {}
        self._n = 0
        for name, bold, align, fsize in (("P", False, "start", size), ("B", True, "start", size),
                                         ("C", True, "center", size), ("J", False, "justify", size),
                                         ("S", False, "start", "8pt"), ("SB", True, "start", "8pt")):
            st = Style(name=name, family="paragraph")
            st.addElement(TextProperties(fontname=font, fontsize=fsize,
                                         fontweight="bold" if bold else "normal"))
            st.addElement(ParagraphProperties(textalign=align, marginbottom="0.06in"
                                              if fsize == size else "0in"))
            self.doc.automaticstyles.addElement(st)
            self._styles[name] = st

    def para(self, text: str, style: str = "P", parent: Any = None) -> None:
        from odf.text import LineBreak, P

        p = P(stylename=self._styles[style])
        for i, line in enumerate(text.split("\n")):
            if i:
                p.addElement(LineBreak())
            p.addText(line)
        (parent if parent is not None else self.doc.text).addElement(p)

    def cover(self, c: Cover) -> None:
        for i, line in enumerate(c.letterhead):
            self.para(line, "C" if i == 0 else "P")
        self.para(c.date_line)
        self.para(c.ref_line)
        self.para("\n".join(c.recipient))
        self.para(f"SUBJECT: {c.subject.upper()}", "B")
        for p in c.body:
            self.para(p, "J")
        self.para("\n".join(c.closing))

    def table(self, widths_in: Sequence[float], header: Sequence[str] | None,
              rows: Sequence[Sequence[str | None]], *, repeat_header: bool = True,
              spans: dict[tuple[int, int], int] | None = None, size: str = "S") -> None:
        """Rows of cells; a ``None`` cell is covered by a vertical span given in ``spans``
        ((row, col) -> rows spanned)."""
        from odf.style import Style, TableCellProperties, TableColumnProperties, TableProperties
        from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableHeaderRows, TableRow

        self._n += 1
        tst = Style(name=f"T{self._n}", family="table")
        tst.addElement(TableProperties(width=f"{sum(widths_in):.2f}in", align="left"))
        self.doc.automaticstyles.addElement(tst)
        cst = Style(name=f"T{self._n}c", family="table-cell")
        cst.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.03in"))
        self.doc.automaticstyles.addElement(cst)
        hst = Style(name=f"T{self._n}h", family="table-cell")
        hst.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.03in",
                                           backgroundcolor="#dddddd"))
        self.doc.automaticstyles.addElement(hst)
        table = Table(name=f"Table{self._n}", stylename=tst)
        for i, w in enumerate(widths_in):
            colst = Style(name=f"T{self._n}col{i}", family="table-column")
            colst.addElement(TableColumnProperties(columnwidth=f"{w:.2f}in"))
            self.doc.automaticstyles.addElement(colst)
            table.addElement(TableColumn(stylename=colst))
        if header:
            hrow = TableRow()
            for text in header:
                cell = TableCell(stylename=hst)
                self.para(text, "SB", cell)
                hrow.addElement(cell)
            if repeat_header:
                hr = TableHeaderRows()
                hr.addElement(hrow)
                table.addElement(hr)
            else:
                table.addElement(hrow)
        for ri, r in enumerate(rows):
            row = TableRow()
            for ci, text in enumerate(r):
                if text is None:
                    row.addElement(CoveredTableCell())
                    continue
                span = (spans or {}).get((ri, ci), 1)
                cell = TableCell(stylename=cst, numberrowsspanned=span) if span > 1 else \
                    TableCell(stylename=cst)
                self.para(text, size, cell)
                row.addElement(cell)
            table.addElement(row)
        self.doc.text.addElement(table)

    def save(self, path: Path) -> None:
        self.doc.save(str(path))


# ---------------------------------------------------------------------------------------------
# Finding the page where a party's row starts, in a PDF laid out by LibreOffice or Chromium


def _words(pdf_path: Path) -> list[tuple[int, float, float, float, str]]:
    import pdfplumber

    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for pno, page in enumerate(pdf.pages, 1):
            ws = page.extract_words(x_tolerance=1.5, y_tolerance=2)
            ws.sort(key=lambda w: (round(w["top"] / 2.5), w["x0"]))
            out += [(pno, w["top"], w["x0"], w["x1"], w["text"]) for w in ws]
    return out


def _bare(word: str) -> str:
    return word.strip(",;.()—")


def _next_word(words: Sequence[tuple[int, float, float, float, str]], k: int, *,
               column: bool) -> str | None:
    """The word that continues the phrase at ``k``: close on its right on the same line, or
    else the first word below it at the same left edge (a wrapped cell), or in running text
    the first word of the next line."""
    pno, top, x0, x1, _ = words[k]
    near = [w for w in words[k + 1:k + 80] if w[0] == pno]
    same = [w for w in near if abs(w[1] - top) < 2 and 0 <= w[2] - x1 < 8]
    if same:
        return min(same, key=lambda w: w[2])[4]
    below = [w for w in near if 2 < w[1] - top < 30 and (not column or abs(w[2] - x0) < 4)]
    return min(below, key=lambda w: (round(w[1]), w[2]))[4] if below else None


def locate_pages(pdf_path: Path, names: Sequence[str], *, column: bool = True,
                 after: str | None = None) -> list[int]:
    """The page of each name's first word, in order, searching from the end of the first
    occurrence of ``after``; in column mode the first word must sit at the left edge of the
    column where the first name was found."""
    words = _words(pdf_path)
    pages: list[int] = []
    cursor, col_x = 0, None
    if after:
        toks = after.split()
        texts = [w[4] for w in words]
        cursor = next((i + len(toks) for i in range(len(texts))
                       if texts[i:i + len(toks)] == toks), None) or 0
        if not cursor:
            raise SystemExit(f"{pdf_path.name}: {after!r} not found")
    for name in names:
        toks = name.split()
        found = None
        for k in range(cursor, len(words)):
            _, _, x0, _, text = words[k]
            if _bare(text) != _bare(toks[0]) or (col_x is not None and abs(x0 - col_x) > 4):
                continue
            if len(toks) > 1 and _bare(_next_word(words, k, column=column) or "") != _bare(toks[1]):
                continue
            found = k
            break
        if found is None:
            raise SystemExit(f"{pdf_path.name}: could not find the row of {name!r}")
        if column and col_x is None:
            col_x = words[found][2]
        pages.append(words[found][0])
        cursor = found + 1
    return pages


def set_pages(parties: Sequence[Party], pdf: Path, *, column: bool = True,
              after: str | None = None) -> None:
    for p, page in zip(parties, locate_pages(pdf, [p.name for p in parties], column=column,
                                             after=after), strict=True):
        p.page = page


# ---------------------------------------------------------------------------------------------
# Spreadsheets, CSV, e-mail


def stable_zip(data: bytes) -> bytes:
    """Rewrite a zip (xlsx) with fixed entry times, so that two runs give the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 5, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps 'modified' at save time
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-05T12:00:00Z", body)
            out.writestr(zi, body)
    return buf.getvalue()


def xlsx_bytes(build: Callable[[Any], None]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.creator = "BIS/OEE"
    wb.properties.created = FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = FIXED_TIME.replace(tzinfo=None)
    build(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return stable_zip(buf.getvalue())


def eml_bytes(msg: EmailMessage) -> bytes:
    n = 0
    for part in msg.walk():
        if part.is_multipart():
            n += 1
            part.set_boundary(f"=_redletter_unseen_{n:02d}_=")
    return msg.as_bytes(policy=SMTP)


# ---------------------------------------------------------------------------------------------
# Scanned copies


def scan_pdf(src: Path, out: Path, seed: int, *, dpi: int = 160, quality: int = 45) -> int:
    """Rasterise each page, tilt, blur, add noise and JPEG artefacts; write an image-only PDF.
    Returns the page count."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(str(src))
    pages = []
    for i in range(len(pdf)):
        img = pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        angle = float(rng.uniform(-1.5, 1.5))
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(radius=float(rng.uniform(0.5, 0.9))))
        arr = np.asarray(img).astype(np.float32)
        arr = arr * float(rng.uniform(0.9, 0.97)) + float(rng.uniform(8, 18))  # grey paper
        arr += rng.normal(0, float(rng.uniform(6, 11)), arr.shape)
        specks = rng.random(arr.shape) < 0.0004
        arr[specks] = rng.uniform(0, 90, int(specks.sum()))
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=int(rng.integers(25, 45)))  # first-generation artefacts
        pages.append(Image.open(io.BytesIO(buf.getvalue())).convert("L"))
    out.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi,
                  quality=quality, creationDate=FIXED_TIME.timetuple(),
                  modDate=FIXED_TIME.timetuple(), producer="scanner")
    return len(pages)


# ---------------------------------------------------------------------------------------------
# Families

CUSTOMS_COUNTRIES = ("CN", "HK", "TR", "AE", "IN", "KG", "KZ", "UZ", "AM", "RS", "GE", "AZ", "MY",
                     "TH", "SG")
NOTES = ["", "", "", "Consignee also appears as notify party", "Onward shipments via Almaty",
         "Re-exported to Moscow consignee", "Freight forwarder", "Same address as another consignee",
         "Goods declared as spare parts", "Payment through third-country bank"]


def customs_row(p: Party, rng: random.Random, *, hs_k: tuple[int, int], hs_styles: Sequence[str],
                hs_join: str, date_style: str, first_col: bool = False) -> dict[str, str]:
    """Shipment facts for one consignee; fills p.hs_codes and returns printable cells."""
    p.hs_codes = hs_codes(rng, rng.randint(*hs_k), hs_styles)
    last = some_date(rng, dt.date(2024, 6, 1), dt.date(2025, 12, 20))
    first = last - dt.timedelta(days=rng.randint(30, 600))
    cells = {"hs": hs_join.join(p.hs_codes), "shipments": str(rng.randint(1, 240)),
             "last": fmt_date(last, date_style), "note": rng.choice(NOTES)}
    if first_col:
        cells["first"] = fmt_date(first, date_style)
    return cells


def u01_customs_consignees(folder: Path, tmp: Path) -> None:
    """Red-flag letters (LibreOffice from .docx) with a consignee table built from customs
    data: two-line headers, mixed HS formats, shipment counts and dates."""
    fam = "u01_customs_consignees"
    specs = [
        dict(stem="u01a_consignees_ctry_codes", n=9, seed=101, landscape=False, repeat=True,
             head=["Consignee", "Consignee Address", "Ctry", "HS Codes", "Shipments",
                   "Last Observed\nShipment"], widths=[1.6, 2.2, 0.45, 1.05, 0.75, 0.85],
             cstyle="iso", hs_styles=["dot"], join=", ", date="iso", alias="none",
             notes="Consignee table, country as ISO code, HS '8542.31, 8536.69', header repeated"),
        dict(stem="u01b_consignee_name_cty", n=24, seed=102, landscape=False, repeat=True,
             head=["Consignee Name", "Address", "Cty", "HS Code(s)", "No. of\nShipments",
                   "Last Shipment\n(MM/DD/YYYY)"], widths=[1.35, 1.6, 1.05, 0.85, 0.8, 1.05],
             cstyle="upper", hs_styles=["plain", "hts10"], join="; ", date="us", alias="aka_lines",
             notes="Consignee Name / Cty headers, aliases on a.k.a. lines, HS '854231; "
                   "8542.31.0000', two-line headers repeated"),
        dict(stem="u01c_importer_destination", n=38, seed=103, landscape=True, repeat=False,
             head=["Importer", "Importer Address", "Destination", "HS", "Shipments\n2024–2025",
                   "First\nObserved", "Last\nObserved", "Notes"],
             widths=[1.6, 2.05, 0.9, 1.0, 0.75, 1.0, 1.0, 0.9], cstyle="variant",
             hs_styles=["dot", "plain", "hts10", "hts10plain"], join="\n", date="mil",
             alias="paren", notes="Importer / Destination headers, landscape, header on the "
                                  "first page only, HS one per line in four formats, notes column"),
    ]
    for spec in specs:
        rng = random.Random(spec["seed"])
        meta = meta_for(rng, "red_flag", some_date(rng, dt.date(2026, 1, 6), dt.date(2026, 6, 30)),
                        f"RF-{rng.choice(['NY', 'DA', 'SJ', 'BO'])}-2026-{rng.randint(100, 999):04d}")
        srcs = draw(rng, spec["n"], sealed=False, countries=CUSTOMS_COUNTRIES, pools="AD",
                    with_aliases=spec["n"] // 3 if spec["alias"] != "none" else 0)
        parties = [party(s, spec["cstyle"], aliases=0 if spec["alias"] == "none" else 99)
                   for s in srcs]
        cover = make_cover(meta, rng, date_style="long", ref_label="Reference:",
                           attachment="Attachment 1", customer=parties[0].name)
        d = docx_new(landscape=spec["landscape"])
        docx_cover(d, cover)
        docx_para(d, "Attachment 1 — Consignees of " + meta.company + " identified in "
                  "import data", bold=True)
        rows = []
        heads = [h.replace("\n", " ") for h in spec["head"]]
        for p in parties:
            c = customs_row(p, rng, hs_k=(1, 4), hs_styles=spec["hs_styles"],
                            hs_join=spec["join"], date_style=spec["date"], first_col=len(heads) == 8)
            name = p.name if spec["alias"] == "none" else inline_aliases(p, spec["alias"])
            if len(heads) == 8:
                row = [name, p.address, p.country_printed, c["hs"], c["shipments"], c["first"],
                       c["last"], c["note"]]
                p.extra = {heads[4]: c["shipments"], heads[5]: c["first"], heads[6]: c["last"]}
                if c["note"]:
                    p.extra[heads[7]] = c["note"]
            else:
                row = [name, p.address, p.country_printed, c["hs"], c["shipments"], c["last"]]
                p.extra = {heads[4]: c["shipments"], heads[5]: c["last"]}
            rows.append(row)
        docx_table(d, spec["widths"], spec["head"], rows, repeat_header=spec["repeat"])
        docx_para(d, "")
        docx_para(d, "Source: U.S. and third-country import declarations, "
                  f"{fmt_date(dt.date(2024, 1, 1), 'long')} to "
                  f"{fmt_date(dt.date(2025, 12, 31), 'long')}.", size=8)
        src = tmp / f"{spec['stem']}.docx"
        d.save(str(src))
        pdf = folder / f"{spec['stem']}.pdf"
        soffice_pdf(src, pdf, tmp)
        set_pages(parties, pdf, after="Attachment 1 —")
        write_truth(pdf, fam, spec["notes"], meta, parties)


EL_REQ = "For all items subject to the EAR. (See § 744.11 of the EAR)."
EL_POL = "Presumption of denial."
OPENINGS = [r"\d+(st|nd|rd|th) Floor", r"Office \d", r"No\. \d", r"Rm\. ", r"d\. \d+,? k\. ?\d",
            r"Block \d", r"Unit \d", r"Suite \d", r"P\.O\. Box \d"]
EL_HEAD = ["Country", "Entity", "License requirement", "License review policy",
           "Federal Register citation"]


def el_fill(p: Party, rng: random.Random) -> None:
    """Licence columns: the source's own Entity List text, or (for parties that are not on
    the Entity List) the common wording and a citation borrowed from a real entry."""
    src = p.src
    citations = sorted({s.fr for s in SOURCES if s.fr})
    fr = src.fr or rng.choice(citations)
    p.extra = {"License requirement": src.lic_req or EL_REQ,
               "License review policy": src.lic_pol or EL_POL,
               "Federal Register citation": fr.replace(";  ", "; ")}


def u02_entity_supp4(folder: Path, tmp: Path) -> None:
    """Is-informed letters (LibreOffice from .odt) with a Supplement No. 4 style table:
    one Entity cell holding name, a.k.a. aliases and address; country once per group."""
    fam = "u02_entity_supp4"
    specs = [
        dict(stem="u02a_supp4_blank_country", n=8, seed=201, openings=OPENINGS[:4],
             group="blank", widths=[1.0, 2.3, 1.35, 1.2, 1.05], alias="short",
             notes="Supp. 4 table, country printed on the first row of its group only, "
                   "single alias as ', a.k.a. X', addresses open with floor/office/No./Rm."),
        dict(stem="u02b_supp4_merged_country", n=18, seed=202, openings=OPENINGS[4:],
             group="span", widths=[1.0, 2.1, 1.45, 1.3, 1.05], alias="long",
             notes="Supp. 4 table, country cell merged down its group, 'a.k.a., the following "
                   "N aliases: —X; and —Y.', addresses open with d. k./Block/Unit/Suite/P.O. Box"),
        dict(stem="u02c_supp4_narrow_long", n=30, seed=203, openings=OPENINGS,
             group="blank", widths=[0.95, 1.75, 1.45, 1.45, 1.3], alias="long",
             notes="Supp. 4 table over 3+ pages in a narrow Entity column, header repeated, "
                   "country once per group, every address opening of the list"),
    ]
    for spec in specs:
        rng = random.Random(spec["seed"])
        meta = meta_for(rng, "is_informed", some_date(rng, dt.date(2026, 1, 6), dt.date(2026, 6, 30)),
                        f"IS-{rng.randint(2025, 2026)}-{rng.randint(10, 99)}{rng.randint(100, 999)}")
        srcs = draw(rng, spec["n"], sealed=False, pools="BCD", openings=spec["openings"],
                    with_aliases=spec["n"] // 2)
        parties = [party(s, "el") for s in srcs]
        parties.sort(key=lambda p: (p.country_printed, p.name.upper()))
        for p in parties:
            el_fill(p, rng)
        cover = make_cover(meta, rng, date_style="long", ref_label="Ref.:",
                           attachment="the table below (Annex 1)")
        odt = Odt(font="Liberation Serif", size="10.5pt")
        odt.cover(cover)
        odt.para("Annex 1", "C")
        rows: list[list[str | None]] = []
        spans: dict[tuple[int, int], int] = {}
        prev = None
        for i, p in enumerate(parties):
            first = p.country_printed != prev
            prev = p.country_printed
            if spec["group"] == "span":
                if first:
                    size = sum(1 for q in parties if q.country_printed == p.country_printed)
                    if size > 1:
                        spans[(i, 0)] = size
                cell0: str | None = p.country_printed if first else None
            else:
                cell0 = p.country_printed if first else ""
            rows.append([cell0, el_entity_cell(p, spec["alias"], COUNTRY[p.iso2][0]),
                         p.extra["License requirement"], p.extra["License review policy"],
                         p.extra["Federal Register citation"]])
        odt.table(spec["widths"], EL_HEAD, rows, spans=spans)
        src = tmp / f"{spec['stem']}.odt"
        odt.save(src)
        pdf = folder / f"{spec['stem']}.pdf"
        soffice_pdf(src, pdf, tmp)
        set_pages(parties, pdf, after="Federal Register citation")
        write_truth(pdf, fam, spec["notes"], meta, parties)


def footer_page_of(doc: Any) -> None:
    doc.set_y(-40)
    doc.set_font("body", "", 8)
    doc.cell(0, 10, f"Page {doc.page_no()} of {{nb}}", align="C")


def footer_ref(ref: str) -> Callable[[Any], None]:
    def draw_footer(doc: Any) -> None:
        doc.set_y(-40)
        doc.set_font("body", "", 8)
        doc.cell(0, 10, f"{ref}   – {doc.page_no()} –", align="R")
    return draw_footer


def footer_dash(doc: Any) -> None:
    doc.set_y(-42)
    doc.set_font("body", "", 9)
    doc.cell(0, 10, f"- {doc.page_no()} -", align="C")


def u03_annex_header_once(folder: Path, tmp: Path) -> None:
    """Supplier lists (fpdf2) whose annex starts under the cover letter on page 1, prints
    its header there only, and runs on over 3+ pages with a page-number footer."""
    fam = "u03_annex_header_once"
    specs = [
        dict(stem="u03a_firm_addr_ctry", n=48, seed=301, fmt="letter", font="dejavu",
             footer=footer_page_of, cols=[Col("No.", .06), Col("Firm", .36), Col("Addr", .42),
                                          Col("Ctry", .16)], rules="hlines", alias="paren",
             cstyle="plain", size=7.5, extra=None,
             notes="Header 'No. | Firm | Addr | Ctry' on page 1 only, horizontal rules, "
                   "aliases '(a.k.a. X; Y)' in the Firm cell, footer 'Page n of N'"),
        dict(stem="u03b_company_location_a4", n=60, seed=302, fmt="A4", font="serif",
             footer=None, cols=[Col("#", .05), Col("Company name", .33), Col("Location", .36),
                                Col("Country/Region", .13), Col("First listed", .13)],
             rules="none", alias="slash", cstyle="variant", size=7.5, extra="First listed",
             notes="A4, no rules at all, header on page 1 only, 'a/k/a' inline, country "
                   "variants (PRC, UAE, Türkiye), footer 'REF – n –', extra 'First listed' date"),
        dict(stem="u03c_item_name_grid", n=36, seed=303, fmt="letter", font="narrow",
             footer=footer_dash, cols=[Col("Item", .07), Col("Name and alias(es)", .37),
                                       Col("Address", .41), Col("Country", .15)],
             rules="grid", alias="aka_lines", cstyle="upper", size=8.5, extra=None,
             notes="Ruled grid in a narrow font, header on page 1 only, aliases on "
                   "'a.k.a.' lines, countries in capitals, footer '- n -'"),
    ]
    for spec in specs:
        rng = random.Random(spec["seed"])
        meta = meta_for(rng, "supplier_list", some_date(rng, dt.date(2025, 9, 1), dt.date(2026, 6, 30)),
                        f"OEE/SL/{rng.randint(2025, 2026)}-{rng.randint(1, 99):04d}")
        footer = spec["footer"] or footer_ref(meta.reference)
        doc = fpdf_doc(fmt=spec["fmt"], family=spec["font"], footer=footer)
        cover = make_cover(meta, rng, date_style=rng.choice(["long", "eu"]), ref_label="Our ref.:",
                           attachment="the attached list")
        fpdf_cover(doc, cover, size=9, compact=True)
        srcs = draw(rng, spec["n"], sealed=False, pools="ACD", with_aliases=spec["n"] // 4,
                    countries=CUSTOMS_COUNTRIES)
        parties = [party(s, spec["cstyle"]) for s in srcs]
        rows = []
        for i, p in enumerate(parties, 1):
            row = [f"{i}." if spec["rules"] != "grid" else str(i), inline_aliases(p, spec["alias"]),
                   p.address, p.country_printed]
            if spec["extra"]:
                added = fmt_date(some_date(rng, dt.date(2024, 5, 1), meta.date), "dmy")
                row.append(added)
                p.extra = {spec["extra"]: added}
            rows.append(row)
        pages = fpdf_table(doc, spec["cols"], rows, size=spec["size"], header_every_page=False,
                           rules=spec["rules"], title="Attachment: parties of diversion concern")
        assert pages[0] == 1 and pages[-1] >= 3, pages
        for p, page in zip(parties, pages, strict=True):
            p.page = page
        pdf = folder / f"{spec['stem']}.pdf"
        fpdf_save(doc, pdf)
        write_truth(pdf, fam, spec["notes"], meta, parties)


def part_picks(rng: random.Random, k: int) -> list[tuple[str, str, str, str]]:
    return rng.sample(PARTS, k)


def u05_items_per_party(folder: Path, tmp: Path) -> None:
    """HS codes, ECCNs and part numbers printed against each party (fpdf2), plus a
    letter-level CHPL item list."""
    fam = "u05_items_per_party"
    # a) Project Guardian: separate HS / ECCN / Part No. columns, several values per cell
    rng = random.Random(501)
    meta = meta_for(rng, "project_guardian", dt.date(2026, 3, 17), "PG-BOS-2026-0117")
    items = part_picks(rng, 4)
    doc = fpdf_doc(family="liberation", footer=footer_page_of)
    fpdf_cover(doc, make_cover(meta, rng, date_style="long", ref_label="Case No.",
                               attachment="Table 2", items="the items in Table 1"), size=9.5)
    fpdf_para(doc, "Table 1. Items of concern", bold=True, size=9)
    fpdf_table(doc, [Col("HS code", .14), Col("ECCN", .14), Col("Part number", .28),
                     Col("Description", .44)], [list(i) for i in items], size=8)
    parties = [party(s, "plain") for s in draw(rng, 6, sealed=False, pools="AD",
                                                 countries=CUSTOMS_COUNTRIES, with_aliases=2)]
    rows = []
    for p in parties:
        picks = part_picks(rng, rng.randint(1, 3))
        p.hs_codes = list(dict.fromkeys(hs for hs, _, _, _ in picks))
        p.eccns = list(dict.fromkeys(e for _, e, _, _ in picks))
        p.part_numbers = [pn for _, _, pn, _ in picks]
        rows.append([inline_aliases(p, "paren"), p.address, p.country_printed,
                     "\n".join(p.hs_codes), "\n".join(p.eccns), "\n".join(p.part_numbers)])
    pages = fpdf_table(doc, [Col("Party", .22), Col("Address", .27), Col("Country", .11),
                             Col("HS", .1), Col("ECCN", .12), Col("Part No.", .18)], rows, size=7.5,
                       title="Table 2. Parties")
    for p, page in zip(parties, pages, strict=True):
        p.page = page
    pdf = folder / "u05a_guardian_hs_eccn_pn_columns.pdf"
    fpdf_save(doc, pdf)
    write_truth(pdf, fam, "Project Guardian: item table (HS, ECCN, part number, description), then "
                "parties with HS / ECCN / Part No. columns holding several values each",
                meta, parties, item_truth(items))

    # b) is-informed: one 'Items' cell per party, 'HS x · ECCN y · P/N z' lines
    rng = random.Random(502)
    meta = meta_for(rng, "is_informed", dt.date(2026, 4, 2), "IS-2026-0419")
    doc = fpdf_doc(family="dejavu", footer=footer_dash)
    fpdf_cover(doc, make_cover(meta, rng, date_style="eu", ref_label="Reference No.",
                               attachment="the table below"), size=9)
    parties = [party(s, "variant") for s in draw(rng, 10, sealed=False, pools="ABD",
                                                   with_aliases=4)]
    rows = []
    for p in parties:
        picks = part_picks(rng, rng.randint(1, 2))
        p.hs_codes = [hs for hs, _, _, _ in picks]
        p.eccns = [e for _, e, _, _ in picks]
        p.part_numbers = [pn for _, _, pn, _ in picks]
        rows.append([inline_aliases(p, "aka_lines"), p.address, p.country_printed,
                     "\n".join(f"HS {hs} · ECCN {e} · P/N {pn}" for hs, e, pn, _ in picks)])
    pages = fpdf_table(doc, [Col("Entity", .25), Col("Address", .3), Col("Country", .12),
                             Col("Items (HS / ECCN / P/N)", .33)], rows, size=7.5)
    for p, page in zip(parties, pages, strict=True):
        p.page = page
    hs_list = sorted({hs for p in parties for hs in p.hs_codes})
    fpdf_para(doc, "CHPL headings concerned:", bold=True, size=9, gap=2)
    fpdf_para(doc, "\n".join(f"•  {hs} — {HS_TEXT[hs]}" for hs in hs_list), size=9)
    pdf = folder / "u05b_isinformed_items_cell.pdf"
    fpdf_save(doc, pdf)
    write_truth(pdf, fam, "Is-informed: one Items cell per party with 'HS · ECCN · P/N' lines; "
                "CHPL headings as a bullet list after the table", meta, parties,
                [{"hs_code": hs, "eccn": None, "part_number": None, "description": HS_TEXT[hs]}
                 for hs in hs_list])

    # c) red flag: 'HS / part no.' pairs in mixed HS formats, value column, CHPL tiers inline
    rng = random.Random(503)
    meta = meta_for(rng, "red_flag", dt.date(2026, 5, 11), "OEE-SJ-RF-26-044")
    doc = fpdf_doc(family="serif", footer=footer_ref(meta.reference))
    parties = [party(s, "upper") for s in draw(rng, 12, sealed=False, pools="AD",
                                                 countries=CUSTOMS_COUNTRIES, with_aliases=3)]
    fpdf_cover(doc, make_cover(meta, rng, date_style="long", ref_label="Ref:",
                               attachment="the schedule below", customer=parties[0].name), size=9)
    rows = []
    for p in parties:
        picks = part_picks(rng, rng.randint(1, 3))
        p.hs_codes = [HS_STYLES[rng.choice(["plain", "hts10", "dot"])](hs.replace(".", ""))
                      for hs, _, _, _ in picks]
        p.part_numbers = [pn for _, _, pn, _ in picks]
        value = f"$ {rng.randint(12, 2400) * 1000 + rng.randint(0, 999):,}"
        p.extra = {"Value (USD)": value}
        rows.append([inline_aliases(p, "aka_lines"), p.address, p.country_printed,
                     ";\n".join(f"{h} / {pn}" for h, pn in zip(p.hs_codes, p.part_numbers,
                                                             strict=True)), value])
    pages = fpdf_table(doc, [Col("Customer", .24), Col("Ship-to address", .28), Col("Country", .14),
                             Col("Items shipped (HS / part no.)", .22), Col("Value (USD)", .12, "R")],
                       rows, size=7.5, rules="hlines", title="Schedule of shipments")
    for p, page in zip(parties, pages, strict=True):
        p.page = page
    tiers = dict(CHPL)
    hs_list = sorted({h.replace(".", "")[:6] for p in parties for h in p.hs_codes})
    chpl = [f"{h[:4]}.{h[4:]}" for h in hs_list]
    fpdf_para(doc, "CHPL items concerned: " + ", ".join(
        f"{c} (Tier {tiers[c.replace('.', '')]})" for c in chpl) + ".", size=9)
    pdf = folder / "u05c_redflag_hs_partno_pairs.pdf"
    fpdf_save(doc, pdf)
    write_truth(pdf, fam, "Red flag naming the recipient's customer: 'HS / part no.' pairs per "
                "party in three HS formats, aliases on 'a.k.a.' lines, a value column, CHPL codes "
                "with tiers inline", meta,
                parties, [{"hs_code": c, "eccn": None, "part_number": None, "description": None}
                          for c in chpl])


def esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def html_doc(body: str, *, size: str = "letter", font: str = "'Liberation Sans', sans-serif",
             pt: float = 10, css: str = "") -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>letter</title><style>
@page {{ size: {size}; margin: 0.7in 0.75in; }}
body {{ font-family: {font}; font-size: {pt}pt; line-height: 1.3; }}
.lh {{ text-align: center; margin-bottom: 18pt; }} .lh div:first-child {{ font-weight: bold; }}
table {{ border-collapse: collapse; width: 100%; margin: 8pt 0; }}
td, th {{ vertical-align: top; text-align: left; padding: 3pt 4pt; }}
{css}
</style></head><body>
{body}
</body></html>"""


def html_cover(c: Cover, *, ref_first: bool = False) -> str:
    lines = [f'<div class="lh">{"".join(f"<div>{esc(x)}</div>" for x in c.letterhead)}</div>']
    dr = [f"<p>{esc(c.date_line)}</p>", f"<p>{esc(c.ref_line)}</p>"]
    lines += dr[::-1] if ref_first else dr
    lines.append(f"<p>{esc(chr(10).join(c.recipient))}</p>")
    lines.append(f"<p><b>{esc(c.subject)}</b></p>")
    lines.append(f"<p>Dear {esc(c.recipient[0])}:</p>")
    lines += [f'<p style="text-align: justify">{esc(p)}</p>' for p in c.body]
    lines.append(f"<p>{esc(chr(10).join(c.closing))}</p>")
    return "\n".join(lines)


def html_table(header: Sequence[str] | None, rows: Sequence[Sequence[str]], *, cls: str = "",
               thead: bool = True, widths: Sequence[str] = ()) -> str:
    out = [f'<table class="{cls}">']
    if widths:
        out.append("<colgroup>" + "".join(f'<col style="width:{w}">' for w in widths) + "</colgroup>")
    if header:
        cells = "".join(f"<th>{esc(h)}</th>" for h in header)
        out.append(f"<thead><tr>{cells}</tr></thead><tbody>" if thead
                   else f'<tbody><tr class="head">{cells}</tr>')
    else:
        out.append("<tbody>")
    out += ["<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows]
    out.append("</tbody></table>")
    return "\n".join(out)


GUARDIAN_REMARKS = ["Requested quotation through web form", "Asked for delivery to a freight "
                    "forwarder", "Paid in advance by a third party", "Declined end-use statement",
                    "Registered 2023; no web presence", "Shares telephone number with another "
                    "listed firm", "Enquired about FPGA evaluation boards"]


def u04_odd_headers(folder: Path, tmp: Path) -> None:
    """Chromium-printed letters whose party tables use unusual or abbreviated headers
    (Firm, Addr., Jurisdiction, Co., Ctry, HTS) or no header row at all."""
    fam = "u04_odd_headers"
    grid = "table.grid td, table.grid th { border: 0.6pt solid #333; } th { background: #e8e8e8; }"
    # a) Project Guardian: Firm | Addr. | Jurisdiction | Remarks, items below
    rng = random.Random(401)
    meta = meta_for(rng, "project_guardian", dt.date(2026, 2, 24), "PG-DAL-26-0031")
    parties = [party(s, "variant") for s in draw(rng, 7, sealed=False, pools="AD",
                                                   countries=CUSTOMS_COUNTRIES, with_aliases=2)]
    items = part_picks(rng, 3)
    rows = []
    for p in parties:
        remark = rng.choice(GUARDIAN_REMARKS)
        p.extra = {"Remarks": remark}
        rows.append([inline_aliases(p, "paren"), p.address, p.country_printed, remark])
    body = html_cover(make_cover(meta, rng, date_style="long", ref_label="File:",
                                 attachment="the table of firms below",
                                 items="the commodities listed at the end of this letter"))
    body += "<p><b>Firms</b></p>" + html_table(["Firm", "Addr.", "Jurisdiction", "Remarks"], rows,
                                               cls="grid", widths=["28%", "37%", "13%", "22%"])
    body += "<p><b>Commodities</b></p>" + html_table(
        ["Commodity", "HTS", "ECCN", "Model"], [[d, hs, e, pn] for hs, e, pn, d in items],
        cls="grid")
    pdf = folder / "u04a_firm_addr_jurisdiction.pdf"
    chromium_pdf(html_doc(body, css=grid), pdf, tmp)
    set_pages(parties, pdf, after="Addr. Jurisdiction Remarks")
    write_truth(pdf, fam, "Project Guardian; headers 'Firm | Addr. | Jurisdiction | Remarks'; "
                "commodity table 'Commodity | HTS | ECCN | Model' after the parties", meta,
                parties, item_truth(items))

    # b) supplier list: Co. | Location | Ctry | HTS | Note, zebra rows, thead repeated
    rng = random.Random(402)
    meta = meta_for(rng, "supplier_list", dt.date(2026, 1, 29), "BIS-OEE-SL-2026-004")
    parties = [party(s, "iso") for s in draw(rng, 16, sealed=False, pools="ACD",
                                               countries=CUSTOMS_COUNTRIES, with_aliases=4)]
    rows = []
    for p in parties:
        p.hs_codes = hs_codes(rng, rng.randint(1, 3), ["dot"])
        note = rng.choice(NOTES)
        if note:
            p.extra = {"Note": note}
        rows.append([inline_aliases(p, "slash"), p.address, p.country_printed,
                     " ".join(p.hs_codes), note])
    body = html_cover(make_cover(meta, rng, date_style="iso", ref_label="Ref.",
                                 attachment="the list below"), ref_first=True)
    body += html_table(["Co.", "Location", "Ctry", "HTS", "Note"], rows, cls="zebra",
                       widths=["30%", "36%", "7%", "12%", "15%"])
    css = ("table.zebra tbody tr:nth-child(even) { background: #eeeeee; } "
           "table.zebra th { border-bottom: 1.2pt solid #000; font-size: 9pt; } "
           "table.zebra td { font-size: 8.5pt; }")
    pdf = folder / "u04b_co_location_ctry_hts.pdf"
    chromium_pdf(html_doc(body, font="'DejaVu Sans', sans-serif", pt=9.5, css=css), pdf, tmp)
    set_pages(parties, pdf, after="Co. Location Ctry HTS Note")
    write_truth(pdf, fam, "Supplier list; headers 'Co. | Location | Ctry | HTS | Note', zebra rows, "
                "ISO country codes, HS codes space-separated, a/k/a inline", meta, parties)

    # c) red flag: ruled party table with no header row; HS codes in the prose
    rng = random.Random(403)
    meta = meta_for(rng, "red_flag", dt.date(2026, 6, 8), "RF/LA/2026/112")
    parties = [party(s, "plain") for s in draw(rng, 5, sealed=False, pools="AD",
                                                 countries=CUSTOMS_COUNTRIES, with_aliases=2)]
    rows = [[f"{i}.", inline_aliases(p, "fka"), p.address, p.country_printed]
            for i, p in enumerate(parties, 1)]
    chpl = sorted(rng.sample([c for c, _ in CHPL[:9]], 3))
    chpl_dot = [f"{c[:4]}.{c[4:]}" for c in chpl]
    body = html_cover(make_cover(meta, rng, date_style="long", ref_label="Our reference:",
                                 attachment="the table that follows", customer=parties[0].name))
    body += ("<p>The customers concerned are:</p>" + html_table(None, rows, cls="grid",
                                                                 widths=["5%", "35%", "43%", "17%"]))
    body += ("<p>The shipments concerned consisted of items classified under HS subheadings "
             f"{chpl_dot[0]}, {chpl_dot[1]} and {chpl_dot[2]}, all of which are on the Common "
             "High Priority List.</p>")
    pdf = folder / "u04c_no_header_row.pdf"
    chromium_pdf(html_doc(body, font="'Liberation Serif', serif", pt=10.5, css=grid), pdf, tmp)
    set_pages(parties, pdf, after="The customers concerned are:")
    write_truth(pdf, fam, "Red flag; ruled party table with no header row (No. | name + 'also known "
                "as:' lines | address | country); CHPL HS codes in a sentence", meta, parties,
                [{"hs_code": c, "eccn": None, "part_number": None, "description": None}
                 for c in chpl_dot])


def split_address(p: Party) -> tuple[str, str]:
    return p.src.street, p.src.city


def u06_spreadsheets(folder: Path, tmp: Path) -> None:
    """Party lists sent as spreadsheets: XLSX with a cover sheet, CSV with a preamble, XLSX
    with a letter heading and two-line wrapped headers. Parties have no page (null)."""
    from openpyxl.styles import Alignment, Font, PatternFill

    fam = "u06_spreadsheets"
    bold = Font(bold=True)
    grey = PatternFill("solid", fgColor="D9D9D9")
    # a) XLSX supplier list: sheet 'Letter' + sheet 'Attachment A' with street/city split
    rng = random.Random(601)
    meta = meta_for(rng, "supplier_list", dt.date(2026, 2, 11), "OEE-SL-2026-0012")
    parties = [party(s, "plain") for s in draw(rng, 40, sealed=False, pools="ACD",
                                                 countries=CUSTOMS_COUNTRIES, with_aliases=12)]
    cover = make_cover(meta, rng, date_style="long", ref_label="Reference:",
                       attachment="sheet 'Attachment A' of this workbook")
    head = ["Entity Name", "Also Known As", "Street Address", "City", "Country", "HS Codes",
            "Date Added"]
    for p in parties:
        p.hs_codes = hs_codes(rng, rng.randint(1, 3), ["dot"])
        p.extra = {"Date Added": fmt_date(some_date(rng, dt.date(2025, 3, 1), meta.date), "iso")}

    def build_a(wb: Any) -> None:
        ws = wb.active
        ws.title = "Letter"
        lines = [*cover.letterhead, "", cover.date_line, cover.ref_line, "", *cover.recipient, "",
                 f"Re: {cover.subject}", "", *cover.body, "", *cover.closing]
        for i, line in enumerate(lines, 1):
            ws.cell(i, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions["A"].width = 110
        ws2 = wb.create_sheet("Attachment A")
        ws2.cell(1, 1, f"Attachment A – Parties of diversion concern (as of {cover.date_line})"
                 ).font = Font(bold=True, size=12)
        ws2.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(head))
        for c, h in enumerate(head, 1):
            cell = ws2.cell(3, c, h)
            cell.font, cell.fill = bold, grey
        for r, p in enumerate(parties, 4):
            street, city = split_address(p)
            vals = [p.name, "; ".join(p.aliases), street, city, p.country_printed,
                    ", ".join(p.hs_codes), p.extra["Date Added"]]
            for c, v in enumerate(vals, 1):
                ws2.cell(r, c, v)
        for col, w in zip("ABCDEFG", [44, 44, 52, 22, 16, 22, 12], strict=True):
            ws2.column_dimensions[col].width = w
        ws2.freeze_panes = "A4"

    path = folder / "u06a_supplier_list_workbook.xlsx"
    path.write_bytes(xlsx_bytes(build_a))
    write_truth(path, fam, "XLSX: cover letter on sheet 'Letter', parties on 'Attachment A' "
                "from row 4 (merged title row 1); street and city in separate columns (truth "
                "address = 'street, city'); aliases '; '-joined in 'Also Known As'", meta, parties)

    # b) CSV red flag with a preamble and ISO country codes
    rng = random.Random(602)
    meta = meta_for(rng, "red_flag", dt.date(2026, 3, 3), "OEE-RF-2026-0088")
    parties = [party(s, "iso") for s in draw(rng, 12, sealed=False, pools="AD",
                                               countries=CUSTOMS_COUNTRIES, with_aliases=4)]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([f"Attachment 1 to BIS letter {meta.reference} dated {meta.date.isoformat()} to "
                f"{meta.company}"])
    w.writerow(["Your customers listed below appear in import data as having re-exported your "
                "items to Russia. Resolve these red flags before any further shipment."])
    w.writerow([])
    w.writerow(["name", "aka", "address", "country_code", "hts", "shipments", "last_seen"])
    for p in parties:
        p.hs_codes = hs_codes(rng, rng.randint(1, 4), ["plain", "hts10plain"])
        ships = str(rng.randint(1, 90))
        last = fmt_date(some_date(rng, dt.date(2024, 8, 1), dt.date(2026, 1, 31)), "iso")
        p.extra = {"shipments": ships, "last_seen": last}
        w.writerow([p.name, " | ".join(p.aliases), p.address, p.iso2, "|".join(p.hs_codes),
                    ships, last])
    path = folder / "u06b_redflag_customers.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    write_truth(path, fam, "CSV with a two-line preamble (reference, date, recipient) before the "
                "header row 'name,aka,address,country_code,hts,shipments,last_seen'; aliases and "
                "HS codes '|'-joined", meta, parties)

    # c) XLSX is-informed: heading block, wrapped two-line headers on row 8
    rng = random.Random(603)
    meta = meta_for(rng, "is_informed", dt.date(2026, 4, 27), "IS-2026-0530")
    parties = [party(s, "variant") for s in draw(rng, 25, sealed=False, pools="BCD",
                                                   with_aliases=10)]
    head = ["Name of Entity\n(as listed)", "Alias(es)", "Full Address", "Ctry", "HS6",
            "Licence\nrequirement"]
    for p in parties:
        p.hs_codes = hs_codes(rng, rng.randint(1, 2), ["plain"])
        p.extra = {"Licence requirement": "All items subject to the EAR"}

    def build_c(wb: Any) -> None:
        ws = wb.active
        ws.title = "Annex 1"
        top = ["U.S. Department of Commerce – Bureau of Industry and Security",
               "Notification under 15 CFR 744.21(b) – Annex 1",
               f"Reference: {meta.reference}", f"Date: {fmt_date(meta.date, 'long')}",
               f"To: {meta.company}",
               f"{meta.company} is informed that a licence is required for any export, reexport or "
               "transfer of items subject to the EAR to the entities below."]
        for i, line in enumerate(top, 1):
            ws.cell(i, 1, line).font = Font(bold=i <= 2)
        for c, h in enumerate(head, 1):
            cell = ws.cell(8, c, h)
            cell.font, cell.fill = bold, grey
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[8].height = 30
        for r, p in enumerate(parties, 9):
            vals = [p.name, "; ".join(p.aliases), p.address + ", " + COUNTRY[p.iso2][0],
                    p.country_printed, " ".join(p.hs_codes), p.extra["Licence requirement"]]
            for c, v in enumerate(vals, 1):
                ws.cell(r, c, v).alignment = Alignment(wrap_text=True, vertical="top")
        for col, wd in zip("ABCDEF", [40, 40, 60, 14, 16, 22], strict=True):
            ws.column_dimensions[col].width = wd

    path = folder / "u06c_isinformed_annex.xlsx"
    path.write_bytes(xlsx_bytes(build_c))
    write_truth(path, fam, "XLSX: six heading rows (reference, date, recipient, 'is informed'), "
                "wrapped two-line headers on row 8; 'Full Address' ends with the country name "
                "(truth address without it)", meta, parties)


def u07_email(folder: Path, tmp: Path) -> None:
    """Letters sent as e-mail (.eml): a PDF attachment, an XLSX attachment, and a forwarded
    message. Party pages are pages of the attached PDF (null for the XLSX)."""
    from openpyxl.styles import Font

    fam = "u07_email"
    # a) red flag, text/plain body, PDF attachment (fpdf2)
    rng = random.Random(701)
    meta = meta_for(rng, "red_flag", dt.date(2026, 2, 19), "OEE-CH-RF-2026-021")
    parties = [party(s, "plain") for s in draw(rng, 7, sealed=False, pools="AD",
                                                 countries=CUSTOMS_COUNTRIES, with_aliases=2)]
    cover = make_cover(meta, rng, date_style="long", ref_label="Reference:",
                       attachment="the attached PDF", customer=parties[0].name)
    doc = fpdf_doc(family="dejavu", footer=footer_page_of)
    fpdf_para(doc, f"Attachment 1 to letter {meta.reference} of {cover.date_line}", bold=True)
    rows = []
    for p in parties:
        c = customs_row(p, rng, hs_k=(1, 3), hs_styles=["dot", "plain"], hs_join=", ",
                        date_style="us")
        p.extra = {"Shipments": c["shipments"]}
        rows.append([inline_aliases(p, "paren"), p.address, p.country_printed, c["hs"], c["shipments"]])
    pages = fpdf_table(doc, [Col("Consignee", .27), Col("Address", .36), Col("Country", .12),
                             Col("HS Codes", .15), Col("Shipments", .1, "R")], rows, size=8)
    for p, page in zip(parties, pages, strict=True):
        p.page = page
    att = tmp / "a.pdf"
    fpdf_save(doc, att)
    msg = EmailMessage()
    msg["From"] = "BIS Office of Export Enforcement <oee-chicago@bis.doc.gov>"
    msg["To"] = f"{meta.recipient[3]} <compliance@{meta.company.split()[0].lower()}.example.com>"
    msg["Subject"] = f"{cover.subject} [{meta.reference}]"
    msg["Date"] = format_datetime(dt.datetime.combine(meta.date, dt.time(15, 42), dt.UTC))
    msg["Message-ID"] = f"<{meta.reference.lower()}@bis.doc.gov>"
    text = "\n".join([cover.date_line, cover.ref_line, "", *cover.recipient, "",
                      f"Dear {cover.recipient[0]}:", "", *[b + "\n" for b in cover.body],
                      *cover.closing, "", "Attachment: Attachment_1_Consignees.pdf"])
    msg.set_content(text)
    msg.add_attachment(att.read_bytes(), maintype="application", subtype="pdf",
                       filename="Attachment_1_Consignees.pdf")
    path = folder / "u07a_redflag_pdf_attachment.eml"
    path.write_bytes(eml_bytes(msg))
    write_truth(path, fam, "E-mail, text/plain cover letter, consignee table in an attached PDF "
                "(fpdf2, aliases '(a.k.a. X)'); page = page of the attachment", meta, parties)

    # b) supplier list, plain + HTML alternative body, XLSX attachment
    rng = random.Random(702)
    meta = meta_for(rng, "supplier_list", dt.date(2026, 4, 9), "SL-2026-Q2-07")
    parties = [party(s, "upper") for s in draw(rng, 20, sealed=False, pools="ACD",
                                                 countries=CUSTOMS_COUNTRIES, with_aliases=6)]
    cover = make_cover(meta, rng, date_style="long", ref_label="Ref.",
                       attachment="the attached spreadsheet")
    head = ["Company", "AKA", "Address", "Country", "Commodity (HS)"]
    for p in parties:
        p.hs_codes = hs_codes(rng, rng.randint(1, 2), ["hts10"])

    def build(wb: Any) -> None:
        ws = wb.active
        ws.title = "Parties"
        for c, h in enumerate(head, 1):
            ws.cell(1, c, h).font = Font(bold=True)
        for r, p in enumerate(parties, 2):
            for c, v in enumerate([p.name, " / ".join(p.aliases), p.address, p.country_printed,
                                   ", ".join(p.hs_codes)], 1):
                ws.cell(r, c, v)

    msg = EmailMessage()
    msg["From"] = "Export Enforcement Outreach <oee-outreach@bis.doc.gov>"
    msg["To"] = f"{meta.recipient[3]} <export.compliance@{meta.company.split()[0].lower()}.example.com>"
    msg["Subject"] = f"{meta.reference}: {cover.subject}"
    msg["Date"] = format_datetime(dt.datetime.combine(meta.date, dt.time(9, 5), dt.UTC))
    msg["Message-ID"] = f"<{meta.reference.lower()}@bis.doc.gov>"
    plain = "\n\n".join([cover.date_line, cover.ref_line, f"Dear {cover.recipient[0]}:",
                         *cover.body, "\n".join(cover.closing)])
    msg.set_content(plain)
    msg.add_alternative("<html><body>" + "".join(f"<p>{esc(x)}</p>" for x in plain.split("\n\n"))
                        + "</body></html>", subtype="html")
    msg.add_attachment(xlsx_bytes(build), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       filename=f"Supplier_List_{meta.date:%Y-%m}.xlsx")
    path = folder / "u07b_supplier_xlsx_attachment.eml"
    path.write_bytes(eml_bytes(msg))
    write_truth(path, fam, "E-mail, multipart/alternative body (plain + HTML), parties in an "
                "attached XLSX (header 'Company | AKA | Address | Country | Commodity (HS)', "
                "aliases ' / '-joined); page null", meta, parties)

    # c) Project Guardian request forwarded inside the recipient's company, PDF attached
    rng = random.Random(703)
    meta = meta_for(rng, "project_guardian", dt.date(2026, 5, 28), "PG-ATL-2026-0093")
    parties = [party(s, "plain") for s in draw(rng, 5, sealed=False, pools="AD",
                                                 countries=CUSTOMS_COUNTRIES, with_aliases=2)]
    items = part_picks(rng, 3)
    cover = make_cover(meta, rng, date_style="long", ref_label="Reference:",
                       attachment="the attached list", items="the part numbers in the attachment")
    doc = fpdf_doc(family="liberation")
    fpdf_para(doc, f"Project Guardian – {meta.reference}", bold=True, size=12)
    fpdf_para(doc, "A. Parties", bold=True)
    pages = fpdf_table(doc, [Col("Name", .3), Col("Address", .5), Col("Country", .2)],
                       [[inline_aliases(p, "paren"), p.address, p.country_printed] for p in parties],
                       size=8.5, rules="hlines")
    for p, page in zip(parties, pages, strict=True):
        p.page = page
    fpdf_para(doc, "B. Items", bold=True)
    fpdf_table(doc, [Col("Part number", .3), Col("Description", .4), Col("HS", .15), Col("ECCN", .15)],
               [[pn, d, hs, e] for hs, e, pn, d in items], size=8.5, rules="hlines")
    att = tmp / "c.pdf"
    fpdf_save(doc, att)
    fwd = EmailMessage()
    person = meta.recipient[3]
    domain = meta.company.split()[0].lower() + ".example.com"
    fwd["From"] = f"{person} <{person.split()[-1].lower()}@{domain}>"
    fwd["To"] = f"Order Desk <orders@{domain}>, Sales Operations <salesops@{domain}>"
    fwd["Subject"] = f"FW: {cover.subject} ({meta.reference})"
    fwd["Date"] = format_datetime(dt.datetime.combine(meta.date + dt.timedelta(days=1),
                                                      dt.time(8, 17), dt.UTC))
    fwd["Message-ID"] = f"<fwd-{meta.reference.lower()}@{domain}>"
    original = "\n".join([
        "Team – please block the parties in the attached list in the order system and tell me "
        "at once if any of them, or anyone else, asks for these part numbers.", "", person, "",
        "-------- Forwarded Message --------",
        "From: BIS Office of Export Enforcement <oee-outreach@bis.doc.gov>",
        f"Date: {fmt_date(meta.date, 'long')}", f"Subject: {cover.subject}",
        f"To: {person} <{person.split()[-1].lower()}@{domain}>", "",
        cover.ref_line, "", f"Dear {cover.recipient[0]}:", "",
        *[b + "\n" for b in cover.body], *cover.closing])
    fwd.set_content(original)
    fwd.add_attachment(att.read_bytes(), maintype="application", subtype="pdf",
                       filename=f"{meta.reference}_parties_and_items.pdf")
    path = folder / "u07c_guardian_forwarded.eml"
    path.write_bytes(eml_bytes(fwd))
    write_truth(path, fam, "Internal forward of a Project Guardian e-mail: the letter text is "
                "quoted after '-------- Forwarded Message --------'; parties and items in the "
                "attached PDF", meta, parties, item_truth(items))


def with_country(p: Party) -> str:
    """The address followed by the printed country, unless it already ends with it."""
    if p.address.casefold().endswith(p.country_printed.casefold()):
        return p.address
    return f"{p.address}, {p.country_printed}"


def u08_indirect_wording(folder: Path, tmp: Path) -> None:
    """One letter of each kind whose wording never names the kind (LibreOffice from .docx):
    a supplier list without 'supplier list', a red flag without 'red flag', an is-informed
    notice without 'is informed', a Project Guardian request without 'Project Guardian'."""
    fam = "u08_indirect_wording"
    # a) supplier list: 'Name of firm | Place of business' (country inside the place)
    rng = random.Random(801)
    meta = meta_for(rng, "supplier_list", dt.date(2026, 3, 30), "EA/2026/0147", indirect=True)
    parties = [party(s, "plain") for s in draw(rng, 11, sealed=False, pools="AD",
                                                 countries=CUSTOMS_COUNTRIES, with_aliases=3)]
    d = docx_new(font="Liberation Sans", size=10)
    docx_cover(d, make_cover(meta, rng, date_style="eu", ref_label="Our reference",
                             attachment="the annex"))
    docx_para(d, "Annex", bold=True, align="center")
    docx_table(d, [3.0, 3.7], ["Name of firm", "Place of business"],
               [[inline_aliases(p, "paren"), with_country(p)] for p in parties],
               size=9, style="Table Grid", shade_header=False)
    src = tmp / "u08a.docx"
    d.save(str(src))
    pdf = folder / "u08a_supplier_indirect_place_of_business.pdf"
    soffice_pdf(src, pdf, tmp)
    set_pages(parties, pdf, after="Name of firm Place of business")
    write_truth(pdf, fam, "Supplier list in indirect words ('we would encourage you ... consider "
                "refraining'); two columns 'Name of firm | Place of business', the country "
                "closing the place (truth address without it)", meta, parties)

    # b) red flag: customers named inside a paragraph
    rng = random.Random(802)
    meta = meta_for(rng, "red_flag", dt.date(2026, 4, 21), "FO-MIA-26-0311", indirect=True)
    parties = [party(s, "plain", aliases=1) for s in draw(rng, 5, sealed=False, pools="AD",
                                                            countries=CUSTOMS_COUNTRIES)]
    cover = make_cover(meta, rng, date_style="long", ref_label="Reference",
                       attachment="the paragraph below")
    d = docx_new(font="Liberation Serif", size=11)
    docx_cover(d, cover)
    named = [f"{p.name}{' (also trading as ' + p.aliases[0] + ')' if p.aliases else ''}, of "
             f"{with_country(p)}" for p in parties]
    docx_para(d, "The businesses concerned are " + "; ".join(named[:-1]) + "; and " + named[-1]
              + ". Records show consignments from each of them to addresses in Moscow, Saint "
              "Petersburg and Yekaterinburg within weeks of delivery of your goods.", align="justify")
    src = tmp / "u08b.docx"
    d.save(str(src))
    pdf = folder / "u08b_redflag_indirect_prose.pdf"
    soffice_pdf(src, pdf, tmp)
    set_pages(parties, pdf, column=False, after="The businesses concerned are")
    write_truth(pdf, fam, "Red flag in indirect words ('we thought you would wish to know'); five "
                "customers named inside one paragraph, 'NAME (also trading as X), of ADDRESS, "
                "COUNTRY; ...'", meta, parties)

    # c) is-informed: numbered entries, name / address / country on separate lines
    rng = random.Random(803)
    meta = meta_for(rng, "is_informed", dt.date(2026, 5, 6), "LR-2026-0077", indirect=True)
    parties = [party(s, "upper") for s in draw(rng, 8, sealed=False, pools="BCD", with_aliases=3)]
    d = docx_new(font="Liberation Serif", size=11)
    docx_cover(d, make_cover(meta, rng, date_style="long", ref_label="Ref:",
                             attachment="Annex 1"))
    docx_para(d, "ANNEX 1", bold=True, align="center")
    for i, p in enumerate(parties, 1):
        also = "".join(f"\nAlso known as {a}" for a in p.aliases)
        docx_para(d, f"{i}.  {p.name}{also}\n{p.address}\n{p.country_printed}", after=8)
    src = tmp / "u08c.docx"
    d.save(str(src))
    pdf = folder / "u08c_isinformed_indirect_numbered.pdf"
    soffice_pdf(src, pdf, tmp)
    set_pages(parties, pdf, column=False, after="ANNEX 1")
    write_truth(pdf, fam, "Is-informed in indirect words ('no item ... may be exported ... unless "
                "BIS has first authorised'); numbered entries, 'Also known as' lines, address "
                "and country on their own lines", meta, parties)

    # d) Project Guardian: bullets 'NAME, ADDRESS, COUNTRY' and an items table
    rng = random.Random(804)
    meta = meta_for(rng, "project_guardian", dt.date(2026, 6, 15), "HOU-26-5521", indirect=True)
    parties = [party(s, "variant", aliases=1) for s in draw(rng, 6, sealed=False, pools="AD",
                                                              countries=CUSTOMS_COUNTRIES,
                                                              with_aliases=2)]
    items = part_picks(rng, 4)
    d = docx_new(font="Liberation Sans", size=10)
    docx_cover(d, make_cover(meta, rng, date_style="us", ref_label="Our file:",
                             attachment="this letter", items="the commodities in the table below"))
    docx_para(d, "Companies:", bold=True)
    for p in parties:
        alias = f" (formerly {p.aliases[0]})" if p.aliases else ""
        docx_para(d, f"•  {p.name}{alias}, {with_country(p)}", after=3)
    docx_para(d, "Commodities:", bold=True)
    docx_table(d, [2.6, 1.0, 2.0, 1.0], ["Description", "HS", "Model / part", "ECCN"],
               [[desc, hs, pn, e] for hs, e, pn, desc in items], size=9)
    src = tmp / "u08d.docx"
    d.save(str(src))
    pdf = folder / "u08d_guardian_indirect_bullets.pdf"
    soffice_pdf(src, pdf, tmp)
    set_pages(parties, pdf, column=False, after="Companies:")
    write_truth(pdf, fam, "Project Guardian in indirect words ('we would appreciate a call'); "
                "bulleted 'NAME (formerly X), ADDRESS, COUNTRY' lines (country variants) and a "
                "commodity table", meta, parties, item_truth(items))


def s01_customs_buyers(folder: Path, tmp: Path) -> None:
    """SEALED. Chromium-printed consignee tables from customs data, with buyer / importer
    wording, two-line headers, HS codes in several formats, counts and date ranges."""
    fam = "s01_customs_buyers"
    css = ("table.c th { border-top: 1pt solid #000; border-bottom: 1pt solid #000; font-size: 8pt; }"
           " table.c td { border-bottom: 0.4pt solid #999; font-size: 8pt; }")
    specs = [
        dict(stem="s01a_buyer_destination", kind="supplier_list", n=14, seed=1101, size="letter",
             head=["Buyer", "Buyer Address", "Destination\nCountry", "HTS Codes\nObserved",
                   "Shipment\nCount", "First\nSeen", "Last\nSeen"], cstyle="plain",
             hs=["hts10", "dot"], date="iso", thead=True, widths=["22%", "30%", "11%", "13%",
                                                                   "8%", "8%", "8%"]),
        dict(stem="s01b_foreign_consignee", kind="red_flag", n=6, seed=1102, size="letter",
             head=["Foreign Consignee", "Consignee Location", "Ctry.", "HS-6", "Shipments",
                   "Last Observed Shipment (YYYY-MM)", "Notes"], cstyle="iso",
             hs=["plain"], date="ym", thead=True, widths=["21%", "27%", "6%", "10%", "9%", "11%",
                                                           "16%"]),
        dict(stem="s01c_importer_of_record", kind="supplier_list", n=32, seed=1103,
             size="letter landscape",
             head=["Importer of Record / Consignee", "Address", "Country of\nDestination",
                   "HS (10-digit)", "No.\nShpts", "Period"], cstyle="upper", hs=["hts10plain"],
             date="ym", thead=False, widths=["27%", "35%", "10%", "12%", "6%", "10%"]),
    ]
    for spec in specs:
        rng = random.Random(spec["seed"])
        meta = meta_for(rng, spec["kind"], some_date(rng, dt.date(2026, 1, 6), dt.date(2026, 6, 30)),
                        f"OEE-{rng.choice(['SF', 'NY', 'CH'])}-{rng.randint(2025, 2026)}-"
                        f"{rng.randint(1000, 9999)}")
        parties = [party(s, spec["cstyle"]) for s in draw(rng, spec["n"], sealed=True, pools="A",
                                                            countries=CUSTOMS_COUNTRIES,
                                                            with_aliases=spec["n"] // 4)]
        heads = [h.replace("\n", " ") for h in spec["head"]]
        rows = []
        for p in parties:
            p.hs_codes = hs_codes(rng, rng.randint(1, 4), spec["hs"])
            last = some_date(rng, dt.date(2024, 5, 1), dt.date(2025, 12, 15))
            first = last - dt.timedelta(days=rng.randint(20, 500))
            count = str(rng.randint(1, 300))
            name = inline_aliases(p, "aka_lines")
            hs = "\n".join(p.hs_codes) if len(heads) != 7 or spec["kind"] == "supplier_list" \
                else ", ".join(p.hs_codes)
            if spec["stem"].startswith("s01a"):
                vals = [fmt_date(first, "iso"), fmt_date(last, "iso")]
                p.extra = {heads[4]: count, heads[5]: vals[0], heads[6]: vals[1]}
                rows.append([name, p.address, p.country_printed, hs, count, *vals])
            elif spec["stem"].startswith("s01b"):
                note = rng.choice(NOTES[3:])
                p.extra = {heads[4]: count, heads[5]: fmt_date(last, "ym"), heads[6]: note}
                rows.append([name, p.address, p.country_printed, hs, count, fmt_date(last, "ym"),
                             note])
            else:
                period = f"{fmt_date(first, 'ym')} – {fmt_date(last, 'ym')}"
                p.extra = {heads[4]: count, heads[5]: period}
                rows.append([name, p.address, p.country_printed, hs, count, period])
        body = html_cover(make_cover(meta, rng, date_style="long", ref_label="Reference:",
                                     attachment="Enclosure 1", customer=parties[0].name))
        body += '<p style="page-break-before: always"><b>Enclosure 1</b></p>'
        body += html_table(spec["head"], rows, cls="c", thead=spec["thead"], widths=spec["widths"])
        pdf = folder / f"{spec['stem']}.pdf"
        chromium_pdf(html_doc(body, size=spec["size"], css=css, pt=10), pdf, tmp)
        set_pages(parties, pdf, after="Enclosure 1")
        write_truth(pdf, fam, "sealed", meta, parties)


def s02_label_blocks(folder: Path, tmp: Path) -> None:
    """SEALED. LibreOffice (.odt) letters with labelled party blocks, a two-column
    'party details | items' table, and a 'Name / Alias' column."""
    fam = "s02_label_blocks"
    # a) is-informed, label blocks
    rng = random.Random(1201)
    meta = meta_for(rng, "is_informed", dt.date(2026, 2, 16), "IS-NY-2026-0215")
    parties = [party(s, "plain") for s in draw(rng, 12, sealed=True, pools="BC", with_aliases=5)]
    odt = Odt(font="Liberation Sans", size="10pt")
    odt.cover(make_cover(meta, rng, date_style="long", ref_label="Reference:",
                         attachment="the list that follows"))
    odt.para("PARTIES SUBJECT TO THIS NOTICE", "C")
    for i, p in enumerate(parties, 1):
        el_fill(p, rng)
        fr = p.extra["Federal Register citation"]
        p.extra = {"Federal Register": fr}
        lines = [f"({i}) Entity: {p.name}"]
        if p.aliases:
            lines.append("Also known as: " + "; ".join(p.aliases))
        lines += [f"Address: {p.address}", f"Country: {p.country_printed}", f"Federal Register: {fr}"]
        odt.para("\n".join(lines))
    src = tmp / "s02a.odt"
    odt.save(src)
    pdf = folder / "s02a_isinformed_label_blocks.pdf"
    soffice_pdf(src, pdf, tmp)
    set_pages(parties, pdf, column=False, after="PARTIES SUBJECT TO THIS NOTICE")
    write_truth(pdf, fam, "sealed", meta, parties)

    # b) Project Guardian, two-column table
    rng = random.Random(1202)
    meta = meta_for(rng, "project_guardian", dt.date(2026, 3, 25), "PG-SF-2026-0040")
    parties = [party(s, "variant") for s in draw(rng, 6, sealed=True, pools="A",
                                                   countries=CUSTOMS_COUNTRIES, with_aliases=2)]
    odt = Odt(font="Liberation Serif", size="10.5pt")
    odt.cover(make_cover(meta, rng, date_style="eu", ref_label="Ref.",
                         attachment="the table below", items="the items shown against each party"))
    rows: list[list[str | None]] = []
    for p in parties:
        picks = part_picks(rng, rng.randint(1, 2))
        p.hs_codes = [hs for hs, _, _, _ in picks]
        p.part_numbers = [pn for _, _, pn, _ in picks]
        details = "\n".join([p.name, *[f"f/k/a {a}" for a in p.aliases], p.address,
                             p.country_printed])
        rows.append([details, "\n".join(f"HS {hs} — {pn} ({d})" for hs, _, pn, d in picks)])
    odt.table([4.0, 2.9], ["Party details", "Items of interest"], rows)
    src = tmp / "s02b.odt"
    odt.save(src)
    pdf = folder / "s02b_guardian_party_details.pdf"
    soffice_pdf(src, pdf, tmp)
    set_pages(parties, pdf, after="Party details Items of interest")
    write_truth(pdf, fam, "sealed", meta, parties)

    # c) supplier list, 'Name / Alias' column with 'aka' lines
    rng = random.Random(1203)
    meta = meta_for(rng, "supplier_list", dt.date(2026, 5, 19), "SL-OEE-26-0119")
    parties = [party(s, "el") for s in draw(rng, 20, sealed=True, pools="A",
                                              countries=CUSTOMS_COUNTRIES, with_aliases=6)]
    odt = Odt(font="Liberation Sans", size="10pt")
    odt.cover(make_cover(meta, rng, date_style="long", ref_label="Our ref:",
                         attachment="the attached table"))
    odt.table([2.6, 3.2, 1.1], ["Name / Alias", "Address", "Country"],
              [["\n".join([p.name, *[f"aka {a}" for a in p.aliases]]), p.address, p.country_printed]
               for p in parties])
    src = tmp / "s02c.odt"
    odt.save(src)
    pdf = folder / "s02c_supplier_name_alias.pdf"
    soffice_pdf(src, pdf, tmp)
    set_pages(parties, pdf, after="Name / Alias Address Country")
    write_truth(pdf, fam, "sealed", meta, parties)


def scanned_family(fam: str, picks: Sequence[tuple[str, str]], seed: int
                   ) -> Callable[[Path, Path], None]:
    """A family of scanned copies of letters of other families (built afresh in tmp)."""

    def build(folder: Path, tmp: Path) -> None:
        made: set[str] = set()
        for i, (source_fam, stem) in enumerate(picks):
            src_dir = tmp / source_fam
            if source_fam not in made:
                src_dir.mkdir()
                work = tmp / f"work-{source_fam}"
                work.mkdir()
                FAMILIES[source_fam][1](src_dir, work)
                made.add(source_fam)
            out = folder / f"scan_{stem}.pdf"
            scan_pdf(src_dir / f"{stem}.pdf", out, seed + i)
            truth = json.loads((src_dir / f"{stem}.truth.json").read_text("utf-8"))
            truth["file"] = out.name
            truth["family"] = fam
            truth["notes"] = ("sealed" if folder.parent.name == "sealed" else
                              f"scanned copy of {source_fam}/{stem}.pdf (160 dpi grey, tilt, blur, "
                              f"noise, JPEG): {truth['notes']}")
            (folder / f"scan_{stem}.truth.json").write_text(
                json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    return build


# ---------------------------------------------------------------------------------------------
# Main

FAMILIES: dict[str, tuple[str, Callable[[Path, Path], None]]] = {
    "u01_customs_consignees": ("unseen", u01_customs_consignees),
    "u02_entity_supp4": ("unseen", u02_entity_supp4),
    "u03_annex_header_once": ("unseen", u03_annex_header_once),
    "u04_odd_headers": ("unseen", u04_odd_headers),
    "u05_items_per_party": ("unseen", u05_items_per_party),
    "u06_spreadsheets": ("unseen", u06_spreadsheets),
    "u07_email": ("unseen", u07_email),
    "u08_indirect_wording": ("unseen", u08_indirect_wording),
    "u09_scanned": ("unseen", scanned_family("u09_scanned", [
        ("u01_customs_consignees", "u01a_consignees_ctry_codes"),
        ("u02_entity_supp4", "u02a_supp4_blank_country"),
        ("u03_annex_header_once", "u03a_firm_addr_ctry")], 9001)),
    "s01_customs_buyers": ("sealed", s01_customs_buyers),
    "s02_label_blocks": ("sealed", s02_label_blocks),
    "s03_scanned": ("sealed", scanned_family("s03_scanned", [
        ("s01_customs_buyers", "s01a_buyer_destination"),
        ("s01_customs_buyers", "s01b_foreign_consignee"),
        ("s02_label_blocks", "s02a_isinformed_label_blocks")], 9101)),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("families", nargs="*", help="family names (default: all)")
    parser.add_argument("--out", type=Path, default=FIXTURES)
    args = parser.parse_args(argv)
    names = args.families or list(FAMILIES)
    for name in names:
        if name not in FAMILIES:
            parser.error(f"unknown family {name!r}; known: {', '.join(FAMILIES)}")
    for name in names:
        where, build = FAMILIES[name]
        folder = args.out / where / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        with tempfile.TemporaryDirectory(prefix="unseen-") as tmp:
            build(folder, Path(tmp))
        print(f"{where}/{name}: {len(list(folder.glob('*.truth.json')))} letters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
