"""Names read by OCR, mended where the misreading is certain.

Tesseract confuses a few shapes again and again ("LI" and "U", "D" and "O", "I" and "1" or
"!": "SANAY!" is "SANAYI"). A name's words are free text and cannot be corrected without a
dictionary, but its legal form comes from a closed list: a word that is no legal form, one
such confusion away from exactly one word of a legal form ("UMITED", "LTO", "SIRKET1"), is
that word. Brackets left open at a name's ends and full stops inside a legal form ("LIMITED.
SIRKETI") are scan noise too.
"""

from __future__ import annotations

import re
from functools import cache

from redletter.nlp.party_text import legal_form_keys

# What OCR reads -> what was printed; each applied once, at one place in a word.
_CONFUSIONS = (("U", "LI"), ("LI", "U"), ("O", "D"), ("D", "O"), ("0", "O"), ("1", "I"), ("!", "I"),
               ("|", "I"), ("l", "I"), ("5", "S"), ("8", "B"), ("RN", "M"), ("VV", "W"), ("CL", "D"))
_OPEN = re.compile(r"^[(\[{]\s*(?=[^)\]}]*$)|\s*[(\[{]\s*$")  # a bracket opened at the start or end
_CLOSE = re.compile(r"^[^(\[{]*?\s*([)\]}])\s*$")
_STRAY = re.compile(r"(?<=[A-Z]{2})[!|](?=\s|$)")  # "SANAY!" for "SANAYI": an I read as a mark
_INNER_STOP = re.compile(r"(?<=[A-Z]{4})\.(?=\s+[A-Z])")  # "LIABILITY. COMPANY"


@cache
def _form_words() -> frozenset[str]:
    return frozenset(w.upper() for key in legal_form_keys() for w in key.split() if len(w) >= 3)


def _variants(word: str) -> set[str]:
    out = {word.replace(wrong, right) for wrong, right in _CONFUSIONS if wrong in word}  # "000"
    for wrong, right in _CONFUSIONS:
        start = word.find(wrong)
        while start >= 0:
            out.add(word[:start] + right + word[start + len(wrong):])
            start = word.find(wrong, start + 1)
    return out


def mend_legal_word(word: str) -> str:
    """A word of a scanned name, or the legal-form word it is one OCR confusion away from, or
    the two words of a legal form OCR read as one ("COLTD": "CO LTD")."""
    upper = word.upper()
    if len(word) < 3 or word != upper or not any(c.isalnum() for c in word) or upper in _form_words():
        return word
    found = {v for v in _variants(upper) if v in _form_words()}
    if len(found) == 1:
        return found.pop()
    joined = [f"{word[:k]} {word[k:]}" for k in range(2, len(word) - 1)
              if f"{upper[:k]} {upper[k:]}".casefold() in legal_form_keys()]
    return joined[0] if len(joined) == 1 else word


def mend_ocr_name(name: str) -> str:
    """A name read by OCR with its legal-form words mended and scan noise dropped."""
    text = _STRAY.sub("I", name)
    text = _OPEN.sub("", text).strip()
    if (m := _CLOSE.match(text)) and m.group(1) and "(" not in text and "[" not in text:
        text = text[: m.start(1)].rstrip()
    words = text.split(" ")
    mended = [mend_legal_word(w) for w in words]
    text = " ".join(mended)
    return _INNER_STOP.sub(lambda m: "" if _legal_after(text, m.end()) else m.group(), text)


def _legal_after(text: str, at: int) -> bool:
    nxt = text[at:].split(None, 1)
    return bool(nxt) and nxt[0].upper().strip(".,") in _form_words()
