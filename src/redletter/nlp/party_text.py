"""Read the parts of a party out of printed text: name, aliases, address.

Rules for the ways letters write them: "X (a.k.a. Y; Z)", "X, also known as Y, located at ...",
the Entity List's "X, a.k.a., the following two aliases: —Y; and —Z. <address>." and plain
"NAME, ADDRESS". Legal forms (``data/legal_forms.json``) tell a comma inside a name
("Co., Ltd.") from the comma before an address. Nothing here raises on odd text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

ALIAS_MARKER = (
    r"(?:also\s+known\s+as|formerly\s+known\s+as|doing\s+business\s+as|now\s+known\s+as|"
    r"also\s+trading\s+as|trading\s+(?:also\s+)?as|operating\s+(?:also\s+)?as|also\s+doing\s+business\s+as|"
    r"also\s+called|formerly|previously|"
    r"a\s?/\s?k\s?/\s?a|f\s?/\s?k\s?/\s?a|d\s?/\s?b\s?/\s?a|"
    r"a\.\s?k\.\s?a\.?|f\.\s?k\.\s?a\.?|d\.\s?b\.\s?a\.?|\baka\b|\bfka\b|\bdba\b|"
    r"\ba\.?k\.a\.|\ba\.ka\.|"  # a stop lost by OCR ("ak.a.", "a.ka.")
    r"\balso(?=\s*:))"  # "(also: X / Y)"
)
_PAREN_ALIAS = re.compile(rf"\(\s*{ALIAS_MARKER}[\s,:]*(?P<aliases>[^()]+?)\s*\)", re.I)
_INLINE_ALIAS = re.compile(rf"[\s,;]*\b{ALIAS_MARKER}[\s,:]*", re.I)
_FOLLOWING = re.compile(
    rf"^(?P<name>.+?)[\s,]*{ALIAS_MARKER}[\s,:]*(?:the\s+following\s+(?:\w+\s+)?"
    r"(?:alias|aliases|names?)\s*:)\s*(?P<rest>.*)$", re.I | re.S)
_DASH_ITEM = re.compile(r"(?:^|[\s;])[—–]\s*|(?:^|;\s+|\s+and\s+)-\s+")
_ADDRESS_START = re.compile(
    r"^(?:\d|#|no\b|no\.|nos?\.|room\b|rm\b|unit\b|suite\b|ste\b|office\b|off\.|floor\b|fl\b|flat\b|"
    r"building\b|bldg\b|block\b|blk\b|plot\b|house\b|tower\b|p\.?\s?o\.?\s?box|post\s+box|"
    r"str\.|street\b|ul\.|ulitsa\b|prospekt\b|pr\.|pr-t|prosp\.|ave\b|avenue\b|road\b|rd\b|"
    r"lane\b|blvd\b|boulevard\b|mah\.|mahallesi\b|cad\.|caddesi\b|sk\.|sok\.|sokak\b|"
    r"district\b|industrial\b|level\b|shop\b|warehouse\b|zone\b|d\.\s?\d|dom\b|kv\.|pom\.|"
    r"pomeshch|mkr|microdistrict|village\b|km\b|territory\b|c/o\b|in care of|pl\.|per\.|sh\.|"
    r"nab\.|pr-kt|pereulok\b|shosse\b|naberezhnaya\b|ploshchad\b|prospect\b|proezd\b|bul\.|"
    r"vld\b|vl\.\s?\d|ofis\b|et\.\s?\d|korp\.|str\.\s?\d|rm\b|rm\.|\d+(?:st|nd|rd|th)\s+floor\b|"
    r"jalan\b|jl\.|calle\b|via\b|rue\b|plaza\b|sk\b|cd\.|cad\b|blvd\.)",
    re.I,
)
_LOCATED = re.compile(
    r"(?:[\s,]+(?:(?:located|situated|based)\s+(?:at|in)|with\s+(?:an\s+)?address(?:es)?\s+(?:at|in)|"
    r"having\s+(?:an\s+)?address\s+at|address(?:es)?\s*:|at\s+the\s+address)|,\s*at|,\s*of)\s+"
    r"(?=[\w#])", re.I)
_SPACES = re.compile(r"\s+")
_NO_ALIAS = frozenset({"none", "none known", "not known", "unknown", "n/a", "na", "nil", "-", "—", "–"})
_LOOSE_STOP = re.compile(r"(?<=\w)\s+([.,;])(?=\s|$)")  # "OOO MVIZION . 313": a stop set apart
_FOOTNOTE = re.compile(r"(?<=[\w.)])[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+(?=[\s,;:.)]|$)")
_NATIVE = re.compile(r"\(\s*([^()A-Za-z]*[^\x00-\x7f][^()A-Za-z]*)\s*\)")  # no Latin letter inside
_NATIVE_TAIL = re.compile(r"\s*[/|–—-]?\s*([^A-Za-z()]*[^\x00-\x7f][^A-Za-z()]*)$")
_NATIVE_HEAD = re.compile(  # the name in its own script, then in Latin letters
    r"^\s*([^A-Za-z()]*[^\x00-\x7f][^A-Za-z()]*?)\s*(?:\(\s*(?P<latin>[^()]*[A-Za-z][^()]*?)\s*\)[\s,;]*$|"
    r"(?:\s+[–—-]\s+|\s*[/|]\s*)(?P<after>[^/|]*[A-Za-z].*)$)")  # "… / LLC X", "… – LLC X"
_CJK_SPACE = re.compile(r"(?<=[\u3040-\u9fff])\s+(?=[\u3040-\u9fff])")  # no spaces in Chinese
_GARBLED = re.compile(r"(\w)\1{3,}")  # one sign four times over: text a font could not map
_IDENTIFIERS = re.compile(  # what a sanctions-list entry adds after its address
    r"\s*\[\s*[A-Z0-9][A-Z0-9 ._/-]*\]|\s*\(Linked To:[^()]*\)"
    r"|;\s*(?:alt\.\s+)?(?:Organization (?:Established )?(?:Date|Type)|Tax ID No\.|Registration (?:Number|ID)"
    r"|(?:Business |Company |Legal Entity |Identification |Government Gazette |National ID )"
    r"(?:Registration )?(?:Number|No\.)|Website|Email Address|Phone(?: Number)?|Fax|SWIFT/BIC"
    r"|Target Type|Secondary sanctions risk|Additional Sanctions Information|Executive Order \d+"
    r"|D-U-N-S Number|Trade License No\.|Chinese Commercial Code|Nationality of Registration"
    r"|Digital Currency Address|IFCA Determination|Vessel Registration|Former Vessel Flag)(?=[\s:-]).*$",
    re.S)
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|«([^»]+)»|„([^“”]+)[“”]')
_BETWEEN_QUOTES = re.compile(r"(?:[\s,;.:/|&–—-]|\b(?:and|or|и|или)\b)*", re.I)
# Abbreviations whose final period belongs to the name ("Inc.", "Co., Ltd.", "S.A.").
_DOTTED_FORMS = frozenset({"ltd", "co", "inc", "corp", "şti", "sti", "tic", "san", "bhd", "pvt", "s.a",
                           "pte", "s.l", "s.r.l", "s.p.a", "b.v", "n.v", "s.a.s", "e.k", "a.s", "intl",
                           "mfg", "bros", "ind", "ent", "est", "jsc.", "u.s", "s.a.c", "s.a. de c.v",
                           "c.v", "l.p", "p.c", "a.g", "s.c"})


def clean(text: str) -> str:
    """Collapse whitespace, drop footnote marks ("LTD¹", "FZE†") and strip list punctuation
    from both ends."""
    text = _LOOSE_STOP.sub(r"\1", _FOOTNOTE.sub("", text))
    return _SPACES.sub(" ", text).strip(" \t\n;,:").lstrip(". ").strip()


def _form_key(text: str) -> str:
    return _SPACES.sub(" ", re.sub(r"[.,]", " ", text.casefold())).strip()


@cache
def legal_form_keys() -> frozenset[str]:
    """Every printed variant of a legal form, as a comparison key."""
    raw = resources.files("redletter.data").joinpath("legal_forms.json").read_text("utf-8")
    table = {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}
    return frozenset(_form_key(v) for variants in table.values() for v in variants)


def is_legal_form(text: str) -> bool:
    """Whether the whole text is a legal form ("Ltd.", "Co., Ltd.", "LLC")."""
    return _form_key(text) in legal_form_keys()


def legal_form_across(head: str, nxt: str) -> bool:
    """Whether a legal form runs over the line break ("PROFFLAB LIMITED" / "LIABILITY COMPANY")."""
    above, below = head.split()[-3:], nxt.split(",", 1)[0].split()[:3]
    return any(is_legal_form(" ".join([*above[-i:], *below[:j]]))
               for i in range(1, len(above) + 1) for j in range(1, len(below) + 1))


def ends_with_legal_form(text: str) -> bool:
    """Whether a name ends with a legal form ("ACME TRADING CO., LTD.")."""
    words = _form_key(text).split()
    return any(" ".join(words[-n:]) in legal_form_keys() for n in range(1, min(5, len(words)) + 1))


def starts_with_legal_form(text: str) -> bool:
    """Whether a text opens with a legal form ("Ltd.", "Inc. (Store #2154)", "Co., Ltd. - Plant")."""
    words = _form_key(text).split()
    return any(" ".join(words[:n]) in legal_form_keys() for n in range(min(5, len(words)), 0, -1))


def looks_like_address(text: str) -> bool:
    """Whether text starts the way addresses do (a number, "Room", "Str.", "Ul.", ...)."""
    return bool(_ADDRESS_START.match(text.strip(" ,;")))


def split_alias_list(text: str) -> list[str]:
    """Aliases from an alias cell or list: split on ';', '|', bullets, dashes and alias markers
    ("a.k.a. X a.k.a. Y", one per line in a cell); quoted aliases ("X" and "Y", «X», “X”)
    are the quoted texts."""
    if (quoted := _QUOTED.findall(text)) and _BETWEEN_QUOTES.fullmatch(_QUOTED.sub(" ", text)):
        return [q for q in (clean(next(g for g in m if g)) for m in quoted) if q]
    text = _INLINE_ALIAS.sub("; ", " " + text) if re.search(rf"\b{ALIAS_MARKER}", text, re.I) else text
    parts = re.split(r"\s*[;|•\n]\s*|\s+[—–/]\s*", text)
    out = []
    for part in parts:
        part = re.sub(r"^(?:and|or)(?:\s+|$)", "", clean(part), flags=re.I)
        part = strip_period(clean(part.lstrip("—–-• ")))
        if part and part.casefold().strip(" .") not in _NO_ALIAS:
            out.append(part)
    return out


@cache
def _joiners() -> frozenset[str]:
    raw = resources.files("redletter.data").joinpath("name_joiners.json").read_text("utf-8")
    return frozenset(json.loads(raw)["words"])


def split_and_list(text: str) -> list[str]:
    """Split "X and Y" into aliases, except where 'and' joins two words of one name
    ("Import and Export") or leaves a one-word part."""
    parts = re.split(r"\s+and\s+", text)
    out = [parts[0]]
    for part in parts[1:]:
        prev = out[-1]
        before = prev.rsplit(None, 1)[-1].casefold().strip(",.")
        after = part.split(None, 1)[0].casefold().strip(",.") if part.split() else ""
        joined = before in _joiners() and after in _joiners()
        if joined or (len(part.split()) < 2 and not ends_with_legal_form(part)):
            out[-1] = f"{prev} and {part}"
        else:
            out.append(part)
    return out


def _and_names(text: str) -> list[str]:
    """Capitalised names joined by a lower-case "and" ("X, Y and Z" in a sentence): each one."""
    return split_and_list(text) if " and " in text and text.replace(" and ", " ").isupper() else [text]


def _own_script(text: str) -> bool:
    """Whether a text is a name in a script of its own: two letters at least outside ASCII."""
    return sum(1 for c in text if c.isalpha() and not c.isascii()) >= 2


def name_and_aliases(text: str) -> tuple[str, list[str]]:
    """Split aliases written inside a name: "X (a.k.a. Y; Z)" or "X, a.k.a. Y; Z"."""
    aliases: list[str] = []

    def take(match: re.Match[str]) -> str:
        aliases.extend(b for listed in split_alias_list(match.group("aliases"))
                       for a in comma_names(listed) for b in _and_names(a))
        return " "

    def native(match: re.Match[str]) -> str:
        aliases.append(_CJK_SPACE.sub("", clean(match.group(1))))
        return " "

    text = _PAREN_ALIAS.sub(take, text)
    text = _NATIVE.sub(native, text)  # "OOO Catkoneft (ООО «Катконефт»)": the name in its own script
    if ((own := _NATIVE_TAIL.search(text)) and re.search("[A-Za-z]", text[:own.start()])
            and _own_script(own.group(1))):
        if not _GARBLED.search(own.group(1)):  # "Shenzhen … Co LTD 深圳市…公司", "… / ООО «…»"
            aliases.append(_CJK_SPACE.sub("", clean(own.group(1))))
        text = text[:own.start()]  # (a font without its character map prints "深深深深")
    head, *rest = _INLINE_ALIAS.split(text)
    if (own_first := _NATIVE_HEAD.match(head)) and _own_script(own_first.group(1)):
        aliases.insert(0, _CJK_SPACE.sub("", clean(own_first.group(1))))  # "ООО «ГЕРМЕС» (LLC
        head = own_first.group("latin") or own_first.group("after")  # GERMES)": the Latin name
    for tail in rest:  # "X a.k.a. Y a.k.a. Z": each marker opens another alias
        items = split_alias_list(tail) if ";" in tail or "|" in tail else split_and_list(clean(tail))
        aliases.extend(clean(a) for a in items)
    return clean(head).rstrip(","), [a for a in aliases if a]


def comma_names(text: str) -> list[str]:
    """Names listed with commas in brackets ("(also known as JAWHIRAH EXCHANGE, JAWHIRAH
    COMPANY ISTANBUL)"), when every part reads as a name of its own: two words or more, none
    a legal form and one word. A legal form alone goes on with the name before it ("BLOTO
    INTERNATIONAL, LTD., BLUTO INTERNATIONAL, PLUTO-DUBAI TRADING COMPANY, LLC" is three)."""
    parts: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if parts and is_legal_form(part.strip(" .")):
            parts[-1] = f"{parts[-1]}, {part}"  # "BLOTO INTERNATIONAL, LTD.": the form goes on
        else:
            parts.append(part)
    if len(parts) < 2 or any(len(p.split()) < 2 or looks_like_address(p)
                             or (starts_with_legal_form(p) and len(p.split()) <= 2
                                 and "," not in p) for p in parts):
        return [text]
    return parts


def split_name_address(text: str) -> tuple[str, str | None]:
    """Split "NAME, ADDRESS" at the first comma that is not inside a legal form, or "NAME LLC.
    ADDRESS" at a full stop after the legal form that ends the name, if that comes first."""
    text = _LOOSE_STOP.sub(r"\1", _FOOTNOTE.sub("", text))
    stop = next((m for m in re.finditer(r"\.\s+(?=\S)", text)
                 if text.count("(", 0, m.start()) == text.count(")", 0, m.start())  # not in brackets
                 and _address_after(text[m.end():])
                 and (ends_with_legal_form(text[:m.start()] + ".")
                      or (starts_with_legal_form(text[:m.start()]) and _opens_address(text[m.end():])))),
                None)
    comma = _first_name_comma(text)
    if stop is not None and (comma is None or stop.start() < comma):
        return _split_at(text, stop)
    if comma is not None:
        return clean(text[:comma]), clean(text[comma + 1:]).rstrip(".") or None
    return strip_period(clean(text)), None


def _address_after(rest: str) -> bool:
    """Whether the text after a name's full stop reads as its address: not a legal form, not a
    parenthesis ("Haggen, Inc. (Store #2154)"), and an address opening, a comma or a number."""
    if not rest or rest[0] in "([" or starts_with_legal_form(rest):
        return False
    return looks_like_address(rest) or "," in rest or any(ch.isdigit() for ch in rest)


def _opens_address(rest: str) -> bool:
    """Text that opens with a number or an address word ("313 Gaydar Alieev kuchasi")."""
    return rest[:1].isdigit() or looks_like_address(rest)


def _first_name_comma(text: str) -> int | None:
    """Where "NAME, ADDRESS" would be split at a comma (not inside a legal form), if anywhere."""
    at = 0
    parts = text.split(",")
    for i in range(1, len(parts)):
        at += len(parts[i - 1]) + 1
        following = parts[i].strip()
        if following and not (starts_with_legal_form(following) and not looks_like_address(following)):
            return at - 1
    return None


def sentence_stop(item: str, m: re.Match[str]) -> bool:
    """A full stop that ends a sentence ("…GENERAL TRADING. Yiwu…"), not an abbreviation's
    ("Co.", "No.", "J.S.") nor one inside a legal form ("CO. LTD")."""
    if item[m.start()] != ".":
        return False
    word = item[: m.start()].rsplit(None, 1)[-1] if item[: m.start()].strip() else ""
    letters = re.sub(r"[^\w]", "", word)
    return (len(letters) >= 3 and "." not in word and word.casefold().strip(",") not in _DOTTED_FORMS
            and not starts_with_legal_form(item[m.end():]))


def _last_alias_and_address(item: str, *, commas: bool = False) -> tuple[str, str | None]:
    """The Entity List's last alias runs to a '. ' (or, with ``commas``, a ', ') that ends it:
    best after a legal form and before an address, then before an address, then after a legal
    form, else the first period."""
    stops = list(re.finditer(r"[.,]\s+" if commas else r"\.\s+", item))
    if commas:  # an alias ends at its first comma, unless a legal form follows ("CO., LTD")
        first = next((m for m in stops if item[m.start()] == "," and not starts_with_legal_form(
            item[m.end():].split(",")[0])), None)
        stops = [m for m in stops if item[m.start()] == "." or looks_like_address(item[m.end():])]
        if first is not None and (not stops or first.start() < stops[0].start()):
            return _split_at(item, first)
    if not stops:
        return strip_period(clean(item), sentence=True), None
    legal = [m for m in stops if ends_with_legal_form(item[: m.start()] + ".")]
    address = [m for m in stops if looks_like_address(item[m.end():])]
    both = [m for m in legal if m in address]
    sentence = [m for m in stops if sentence_stop(item, m)]
    best = (both or legal or address or stops)[0] if not commas else (
        both or sentence or address or legal or stops)[0]
    return _split_at(item, best)


def _split_at(item: str, m: re.Match[str]) -> tuple[str, str | None]:
    name = clean(item[: m.end()])
    return strip_period(name, sentence=True), clean(item[m.end():]).rstrip(".") or None


def strip_period(name: str, *, sentence: bool = False) -> str:
    """Drop a final '.' unless it ends an abbreviation ("Co., Ltd.", "Inc.", "S.A."). Where a
    period may also end a sentence (``sentence``: the Entity List's "—X CO LTD. address"), it
    belongs to the name only in a name written with dots elsewhere too."""
    if not name.endswith("."):
        return name
    last = name[:-1].rsplit(None, 1)[-1].casefold().lstrip(",") if name[:-1].strip() else ""
    dotted = "." in name[:-1] or not sentence
    return name if last in _DOTTED_FORMS and dotted else name[:-1].rstrip()


def _inline_aliases(text: str) -> tuple[str, list[str], str | None] | None:
    """"X, a.k.a. Y. address" or "X, a.k.a. Y, address" (an Entity List cell with one alias, or
    aliases joined by further markers): the aliases run to the stop after which the address
    begins. ``None`` when the text names no alias this way."""
    head, *tails = _INLINE_ALIAS.split(text)
    if not tails or not head.strip():
        return None
    last, address = _last_alias_and_address(tails[-1], commas=True)
    aliases = [strip_period(clean(t), sentence=True) for t in tails[:-1]] + [last]
    return clean(head).rstrip(","), [a for a in aliases if a], address


def parse_entity_cell(text: str) -> tuple[str, list[str], str | None]:
    """Name, aliases and address from one Entity List style cell."""
    text = _SPACES.sub(" ", text).strip()
    m = _FOLLOWING.match(text)
    if not m:
        if (_PAREN_ALIAS.search(text) is None and (found := _inline_aliases(text)) is not None
                and (found[2] is not None or found[1])):
            return found
        name_part, address = split_name_address(text)
        name, aliases = name_and_aliases(name_part)
        return name, aliases, address
    items = [i for i in _DASH_ITEM.split(m.group("rest")) if i and i.strip(" ;")]
    aliases = [clean(re.sub(r";\s*(?:and)?\s*$", "", i)) for i in items[:-1]]
    last, address = _last_alias_and_address(items[-1]) if items else ("", None)
    return clean(m.group("name")), [a for a in [*aliases, last] if a], address


def without_identifiers(text: str) -> str:
    """An entry of a sanctions list without what follows its address: programme tags
    ("[RUSSIA-EO14024]"), "(Linked To: …)", and the identifiers after a semicolon
    ("; Organization Established Date 12 Jan 2010; Tax ID No. 7712345678 (Russia)")."""
    return _IDENTIFIERS.sub("", text).strip()


def split_prose_party(text: str) -> tuple[str, list[str], str | None]:
    """Name, aliases and address of one enumerated party in running text."""
    text = clean(re.sub(r"[;.]?\s*(?:and|or)?\s*$", "", text.strip()))
    if _FOLLOWING.match(text):
        return parse_entity_cell(text)
    located = _LOCATED.split(text, maxsplit=1)
    head, address = (located[0], located[1]) if len(located) == 2 else (text, None)
    if address is None and _PAREN_ALIAS.search(head) is None and (found := _inline_aliases(head)) \
            and found[1] and found[2]:  # "X, also known as Y, Unit 7, …": aliases up to the address
        return found
    if address is None:
        head, address = _dashed(head) or _split_unmarked(head)
    name, aliases = name_and_aliases(head)
    if address and (later := _PAREN_ALIAS.search(address)):  # "…, China (also known as X)"
        aliases += split_alias_list(later.group("aliases"))
        address = (address[:later.start()] + address[later.end():]).strip()
    if address and (tail := _INLINE_ALIAS.search(address)) and tail.start() > 0:  # "…, UAE AKA: X"
        aliases += [strip_period(a.strip(" ,;")) for a in _INLINE_ALIAS.split(address[tail.start():])
                    if a.strip(" ,;.")]
        address = address[:tail.start()].strip(" ,;")
    return name, aliases, clean(address).rstrip(".") if address else None


_DASH = re.compile(r"\s+(?:--|[–—-])\s+")


def _dashed(text: str) -> tuple[str, str] | None:
    """"NAME – ADDRESS": a dash set apart by spaces before an address."""
    for m in _DASH.finditer(text):
        head, rest = text[:m.start()], text[m.end():]
        if m.group().strip() == "--":  # "NAME -- ADDRESS -- COUNTRY": a register's fields
            return head, rest.replace(" -- ", ", ")
        if split_name_address(re.sub(r"\([^()]*\)", "", head))[1] is not None:
            return None  # "NAME, Unit 27610 - 001, …": the dash is inside the address
        if looks_like_address(rest) or re.search(r"\d", rest[:40]) or ends_with_legal_form(head):
            return head, rest
    return None


# At the start of a line also "Aliases:" (not inside a cell: "the following two aliases: —X").
_ALIAS_LINE = re.compile(rf"^\s*(?:\(?\s*)(?:{ALIAS_MARKER}|alias(?:es)?(?=\s*:))[\s,:]*", re.I)


def _continues_name(line: str) -> bool:
    """A line that goes on with the name above it: words only, no digit, no address opening."""
    return not any(c.isdigit() for c in line) and not looks_like_address(line) and (
        "," not in line or ends_with_legal_form(line))


def split_party_lines(lines: Sequence[str], *, laid_out: bool = False
                      ) -> tuple[str, list[str], str | None] | None:
    """Name, aliases and address of a party printed one part per line ("NAME" / "Also known as
    X" / "address" / "COUNTRY"); a line that only goes on with the name or an alias is joined
    to it. ``None`` when the lines do not read that way (a single line, or prose); ``laid_out``
    when the caller knows they are a part per line."""
    if len(lines) < 2 or not _name_line(lines[0]):
        return None
    laid_out = laid_out or (not any(_LOCATED.search(ln) for ln in lines) and (  # not prose
        _opens_address(lines[1]) or ends_with_legal_form(lines[0]) or starts_with_legal_form(lines[0])))
    if not (any(_ALIAS_LINE.match(ln) for ln in lines[1:]) or looks_like_country(lines[-1])
            or _ends_with_country(lines[-1]) or laid_out):
        return None
    parts: list[list[str]] = [[lines[0]]]
    kinds = ["name"]
    for line in lines[1:]:
        if _ALIAS_LINE.match(line):
            parts.append([_ALIAS_LINE.sub("", line).rstrip(" )")])
            kinds.append("alias")
        elif (kinds[-1] in ("name", "alias") and _continues_name(line) and not looks_like_country(line)
              and _same_case(parts[-1][-1], line)):
            parts[-1].append(line)
        else:
            parts.append([line])
            kinds.append("address")
    if "address" not in kinds and "alias" not in kinds:
        return None
    text = {k: [clean(" ".join(p)) for p, kind in zip(parts, kinds, strict=True) if kind == k]
            for k in ("name", "alias", "address")}
    name, inline = name_and_aliases(text["name"][0])
    address = ", ".join(a.rstrip(",.") for a in text["address"]) or None
    listed = [one for a in text["alias"] for one in (
        split_alias_list(a) if _QUOTED.search(a) or ";" in a else [strip_period(a, sentence=True)])]
    return name, [*inline, *listed], address


def split_cell_lines(lines: Sequence[str]) -> tuple[str, list[str], str | None] | None:
    """Name, aliases and address of a table cell that prints them on lines of their own, with
    nothing but the line breaks between them ("PORTEX TRADE LIMITED" / "Room 1502 Easey Coml
    Bldg" / "Wan Chai"): the name is the first line and the lines that go on with it; the
    address starts at the first line that opens one (an address word, a number), that turns
    from capitals to mixed case, or that follows a line ended by a legal form. ``None`` when
    the cell does not read that way: a name wrapped over lines, an Entity List cell run on with
    "a.k.a." and commas."""
    if len(lines) < 2 or lines[0].rstrip().endswith(",") or _FOLLOWING.match(" ".join(lines)) or any(
            _INLINE_ALIAS.search(ln) and not _ALIAS_LINE.match(ln) for ln in lines):
        return None  # "NAME, a.k.a., the following …": an Entity List cell, run on
    end = 1
    while end < len(lines) and not _ALIAS_LINE.match(lines[end]):
        # a legal form alone is no name: it goes on ("JOINT STOCK COMPANY" / "140 REPAIR PLANT")
        alone = is_legal_form(" ".join(lines[:end]).strip(" ,."))
        if not alone and _opens_place(lines[end - 1], lines[end]):
            break
        if not alone and not _continues_name(lines[end]):
            return None
        end += 1
    if end == len(lines) or not _name_line(" ".join(lines[:end])):
        return None
    found = split_party_lines([" ".join(lines[:end]), *lines[end:]], laid_out=True)
    return (strip_period(found[0], sentence=True), *found[1:]) if found else None


def _opens_place(above: str, line: str) -> bool:
    """Whether a cell's line opens the address under the name above it."""
    if (starts_with_legal_form(line) or legal_form_across(above, line)
            or above.rstrip().endswith(("-", "&", " and", " of"))):
        return False
    head = line.split(",", 1)[0]  # "PROPRIETORSHIP LLC, 12 …": the name's end, then the address
    return (_opens_address(line) or sum(c.isdigit() for c in head) >= 2
            or (ends_with_legal_form(above) and not is_legal_form(above.strip(" ,.")))
            or not _same_case(above, head))


def _ends_with_country(line: str) -> bool:
    """A line that ends with a country after a comma ("Istanbul, Turkey")."""
    from redletter.nlp.countries import trailing_country

    return "," in line and trailing_country(line) is not None


def _same_case(above: str, line: str) -> bool:
    """A line may go on with a name in capitals only if it is in capitals too ("OOO UZSTANEX"
    is not continued by "Yashnobod Region")."""
    letters = [c for c in above if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return True
    return all(c.isupper() for c in line if c.isalpha())


def _name_line(line: str) -> bool:
    """A line that holds a name and nothing else: no address marker, no alias, and no comma
    but those inside legal forms ("ACME CO., LTD.")."""
    return (not _LOCATED.search(line) and not _INLINE_ALIAS.search(line)
            and split_name_address(line)[1] is None)


def looks_like_country(line: str) -> bool:
    """A line that is only a country's name."""
    from redletter.nlp.countries import resolve_country

    return resolve_country(line.strip(" .,;"), allow_codes=False) is not None


def _split_unmarked(text: str) -> tuple[str, str | None]:
    """"NAME (a.k.a. X), ADDRESS" or "NAME (also: X) No.7, …" without "located at": split after
    the aliases or the name."""
    m = _PAREN_ALIAS.search(text)
    rest = text[m.end():].strip() if m else ""
    if m and (rest.startswith(",") or (rest and (_opens_address(rest) or _address_after(rest)))):
        return text[: m.end()], rest.lstrip(" ,") or None
    name, address = split_name_address(text)
    return name, address
