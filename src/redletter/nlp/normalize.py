"""Comparison keys for names and addresses. The display form (as printed) is kept elsewhere;
these keys are only for comparing.

``name_key`` folds Unicode (NFKC), transliterates Cyrillic, Chinese, Turkish and other scripts
to Latin (anyascii), case-folds and drops punctuation. Organisation types across jurisdictions
come from rigour's table (OpenSanctions; "Korlátolt Felelősségű Társaság" = "Kft",
"Aktiengesellschaft" = "AG", "Public Limited Company" = "plc"), completed by
``data/legal_forms.json`` for the forms rigour lacks (transliterated Russian, Kazakh, free-zone
forms); they are kept apart from the distinctive words. Abbreviations become one spelling
("Intl", "International" -> "intl"; ``data/abbreviations.json``) and English number words
digits ("Forty-Four" -> "44", "First" -> "1"; ``data/numbers.json``). A bracketed part
("(Hong Kong)") is kept apart as a qualifier: a legal form there joins the legal forms.

``name_keys`` keys a whole column at once: each distinct word is folded once (a master repeats
its words far more than its names), rigour's org types and our phrases run over the joined
column, the column's words become their codes in one map, and only names that need a word's
neighbours (number words, initials, a legal form inside the name) go rule by rule. The passes
that only some names need run on those names alone: labels, annotations, brackets and our
phrases where a plain-string search of the joined column finds them, rigour's written forms
where it rewrote a name. Normalizers return ``None`` instead of raising, and are idempotent.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import compress
from operator import ne

from anyascii import anyascii
from rigour.names import extract_org_types, replace_org_types_compare
from rigour.text.normalize import Cleanup, Normalize

from redletter.nlp.countries import trailing_country

_BRACKETS = re.compile(r"\(([^()\n]*)\)|\[([^\[\]\n]*)\]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_ROMAN = {r: n for n, r in enumerate(
    ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
     "xvi", "xvii", "xviii", "xix", "xx"]) if len(r) > 1}  # one letter is an initial, not a number
_FORMER = ("ex ", "formerly ", "fka ", "f k a ", "previously ")
_FORMER_NAME = re.compile(r"[(\[]\s*(?:ex|formerly|f\.?k\.?a\.?|previously)\b[\s.:-]*([^()\[\]]+)[)\]]",
                          re.IGNORECASE)
_LABEL = re.compile(r"^\s*[A-Z][A-Z ]{2,30}(?: \d{1,3}[A-Z]?)?:\s*(?=\S)")
_FLAGS = Normalize.CASEFOLD | Normalize.SQUASH_SPACES
RULE_FILES = ("legal_forms.json", "abbreviations.json", "numbers.json")


@dataclass(frozen=True, slots=True)
class NameKey:
    """A name's distinctive words, its legal forms and its bracketed qualifiers, normalized."""

    core: tuple[str, ...]
    legal: frozenset[str]
    qualifiers: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.core)


def _raw(name: str) -> str:
    return resources.files("redletter.data").joinpath(name).read_text("utf-8")


def _data(name: str) -> dict[str, object]:
    return {k: v for k, v in json.loads(_raw(name)).items() if not k.startswith("_")}


@cache
def rules_hash() -> str:
    """A hash of the rule data and of rigour's version: a cached key made under other rules
    is never reused."""
    from importlib.metadata import version

    digest = hashlib.sha256(version("rigour").encode())
    for name in RULE_FILES:
        digest.update(_raw(name).encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1 << 18)
def _ascii_run(run: str) -> str:
    """A run of non-ASCII characters, NFKC-folded and transliterated (runs recur across a
    master: cached)."""
    try:
        return anyascii(unicodedata.normalize("NFKC", run)).replace("\n", " ").replace("\r", " ")
    except Exception:  # anyascii/unicodedata on odd input: no letters rather than a crash
        return ""


def _prepare(text: str) -> str:
    """ASCII text on one line."""
    text = text.replace("\n", " ").replace("\r", " ")
    return text if text.isascii() else _NON_ASCII.sub(lambda m: _ascii_run(m.group(0)), text)


def _joined(texts: Sequence[str]) -> str:
    """The texts as ASCII, one per line: the non-ASCII runs of the joined text transliterated
    in one pass."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1 or "\r" in joined:
        return "\n".join(map(_prepare, texts))
    return joined if joined.isascii() else _NON_ASCII.sub(lambda m: _ascii_run(m.group(0)), joined)


def _ascii_table() -> dict[int, str]:
    """Lower-case letters and digits kept, "'" dropped, "&" read as "and", newlines kept
    (they separate texts), everything else a space."""
    table = {c: " " for c in range(128)}
    table.update({ord(c): c for c in "0123456789abcdefghijklmnopqrstuvwxyz\n"})
    table.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
    table.update({ord("'"): "", ord("&"): " and "})
    return table


_ASCII_TABLE = _ascii_table()
_SPACES = re.compile(r" {2,}")


def _fold_joined(texts: Sequence[str]) -> list[str]:
    """``fold`` of many texts, in passes over their joined text."""
    if not texts:
        return []
    joined = _joined(texts).translate(_ASCII_TABLE)
    joined = _SPACES.sub(" ", joined).replace(" \n", "\n").replace("\n ", "\n").strip(" ")
    return joined.split("\n")


def _by_word(texts: Sequence[str], convert: Callable[[list[str]], list[str]]) -> str:
    """The texts, one per line, with ``convert`` applied once to each distinct word (what
    stands between spaces) and single spaces between the results. ``convert`` must treat a
    text as its words do one by one: folding does, since no rule of it reaches across a space
    (a non-ASCII run never holds one), and a master repeats its words far more than its names."""
    words = _column_words(texts)
    return _spaced(words, _word_table(words, convert))


def _column_words(texts: Sequence[str]) -> list[str]:
    """The words of the texts (what stands between spaces), with ``"\\n"`` between texts."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1 or "\r" in joined:  # line breaks inside: spaces
        joined = "\n".join(t.replace("\n", " ").replace("\r", " ") for t in texts)
    return joined.replace("\n", " \n ").split(" ")


def _word_table(words: list[str], convert: Callable[[list[str]], list[str]]) -> dict[str, str]:
    """Each distinct word and what ``convert`` makes of it; ``"\\n"`` stays."""
    distinct = list(set(words) - {"\n"})
    table = dict(zip(distinct, convert(distinct), strict=True))
    table["\n"] = "\n"
    return table


def _spaced(words: list[str], table: dict[str, str]) -> str:
    """The words as ``table`` has them, single spaces between, one text a line."""
    text = " ".join(filter(None, map(table.__getitem__, words)))  # a word may fold to nothing
    return text.replace(" \n", "\n").replace("\n ", "\n")


def fold_many(texts: Sequence[str]) -> list[str]:
    """``fold`` of many texts: each distinct word folded once (see ``_by_word``)."""
    return _by_word(texts, _fold_joined).split("\n") if texts else []


def fold(text: str) -> str:
    """NFKC, transliterated to ASCII, case-folded, '&' as 'and', punctuation as spaces."""
    return _fold_joined([text])[0]


def _respelled_words(words: list[str]) -> list[str]:
    """Words folded, and those of them that are legal-form or abbreviated words with a typo
    spelled right (``_spell_known``)."""
    return [" ".join(map(_spell_known, f.split())) for f in _fold_joined(words)]


def _respell(joined: str) -> str:
    """Legal-form and abbreviated words with a typo spelled right ("liabilty" -> "liability"),
    over the joined text: the distinct words are looked up once."""
    wrong = {t: right for t in set(joined.split()) if (right := _spell_known(t)) != t}
    if not wrong:
        return joined
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(wrong))) + r")\b")
    return pattern.sub(lambda m: wrong[m.group(0)], joined)


def _typed_many(folded: list[str]) -> tuple[list[str], list[str]]:
    """The texts with the spelling of legal-form words put right, and then with rigour's
    comparison form of organisation types ("limited liability company" -> "llc"), each in one
    pass over the joined column."""
    if not folded:
        return [], []
    respelled = _respell("\n".join(folded))
    return respelled.split("\n"), _typed(respelled).split("\n")


def _typed(respelled: str, tokens: set[str] | None = None) -> str:
    """rigour's comparison form of organisation types, then our phrases, over a joined column
    (legal-form words spelled right); the forms rigour wrote in are remembered. ``tokens``:
    all the column's tokens, if known (our phrases of other words are not looked for)."""
    rewritten = _rigour(respelled)
    forms = _note_written(_rewritten_lines(respelled, rewritten))
    return _phrased(rewritten, None if tokens is None else tokens.union(*map(str.split, forms)))


def _rewritten_lines(before: str, after: str) -> str:
    """The lines of a joined column that rigour rewrote, as they were (all of them when it
    rewrote none: it leaves a text that its types would leave empty as it is). Only there can
    it have written a form it does not also read: where a type reads as itself ("llc"), it is
    a spelling rigour reads."""
    lines, rewritten = before.split("\n"), after.split("\n")
    if before == after or len(lines) != len(rewritten):
        return before
    return "\n".join(compress(lines, map(ne, lines, rewritten)))


def _note_written(respelled: str) -> set[str]:
    """The forms rigour writes for the organisation types of a joined column; those it does
    not also read alone are remembered (``_WRITTEN_FORMS``)."""
    forms = {f for _, f in extract_org_types(respelled, _FLAGS, Cleanup.Strong)}
    _WRITTEN_FORMS.update(f for f in forms if " " not in f and org_form(f) is None)
    return forms


def _phrased(text: str, tokens: set[str] | None = None) -> str:
    """Our phrases (``_phrases``) over a joined column: only the lines that hold one of them
    (as a plain string, a quick search) go through the pattern. ``tokens``: all the text's
    tokens, if known: a phrase with another word is not looked for."""
    pattern, table = _phrases()
    data = text.encode("utf-8", "surrogatepass")
    phrases = [p for p in table if tokens is None or tokens.issuperset(p.split())]
    where = _lines_of(data, sorted(at for p in phrases for at in _found(data, p.encode())))
    if not where:
        return text
    lines = text.split("\n")
    found = pattern.sub(lambda m: table[m.group(0)], "\n".join(lines[i] for i in where))
    for i, line in zip(where, found.split("\n"), strict=True):
        lines[i] = line
    return "\n".join(lines)


_MARK = "~"  # starts a token that a phrase rule made a legal form (fold leaves no "~")


@cache
def _phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    """Our phrases of several words, as one pattern for a pass over the joined column: legal
    forms rigour lacks ("ltd sti", "spolka jawna") become one marked token, abbreviated
    phrases ("united states") their one spelling."""
    table = {" ".join(p): c for v in _abbreviations()[1].values() for p, c in v}
    table.update({" ".join(p): _MARK + c for v in _legal_phrases().values() for p, c in v if len(p) > 1})
    alternatives = "|".join(sorted(map(re.escape, table), key=lambda x: (-len(x), x)))
    return re.compile(rf"(?<![a-z0-9{_MARK}])(?:{alternatives})(?![a-z0-9])"), table


# Comparison forms rigour writes that are not also spellings it reads ("s a de c v" -> "sacv"):
# a token is one of them only where rigour wrote it (see ``_coded``), so this set growing
# with what has been read never changes a key.
_WRITTEN_FORMS: set[str] = set()


def _org_types_many(folded: list[str]) -> list[str]:
    """rigour's comparison form of organisation types, after the spelling is put right."""
    return _typed_many(folded)[1]


def _rigour(text: str) -> str:
    return replace_org_types_compare(text, _FLAGS, Cleanup.Strong)


@lru_cache(maxsize=1 << 14)
def org_form(token: str) -> str | None:
    """rigour's comparison form when ``token`` alone is an organisation type ("limited" ->
    "ltd", "kft" -> "kft"), else ``None``."""
    found = extract_org_types(token, _FLAGS, Cleanup.Strong)
    return found[0][1].replace(" ", "") if len(found) == 1 and found[0][0] == token else None


@lru_cache(maxsize=1 << 12)
def legal_family(form: str) -> str:
    """rigour's generic type of a legal form ("gmbh", "kft", "ooo" -> "llc"; "ag" -> "jsc"),
    or the form itself when rigour has none."""
    found = extract_org_types(form, _FLAGS, Cleanup.Strong, generic=True)
    return found[0][1] if found else form


def _canon_form(text: str) -> str:
    return "".join(_rigour(fold(text)).split())


@cache
def _legal_phrases() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """redletter's own legal-form phrases (what rigour lacks), as they read after rigour's
    pass, by their first token, longest first."""
    table: dict[str, list[str]] = {k: list(v) for k, v in _data("legal_forms.json").items()
                                   if isinstance(v, list)}
    written = {canon: [w for v in [canon, *variants] for w in (fold(v), *_shortened(v)) if w]
               for canon, variants in table.items()}
    pairs = {(tuple(_rigour(v).split()), _canon_form(canon))
             for canon, variants in written.items() for v in variants}
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, canon in sorted(p for p in pairs if p[0]):
        by_first.setdefault(phrase[0], []).append((phrase, canon))
    return {k: tuple(sorted(v, key=lambda p: (-len(p[0]), p))) for k, v in by_first.items()}


def _shortened(form: str) -> list[str]:
    """A legal form of several words as it is also written, with "Ltd" for "Limited" ("Ltd
    Liability Partnership"): rigour reads "Ltd" alone, not inside our longer forms."""
    words = fold(form).split()
    if len(words) < 2 or "limited" not in words:
        return []
    return [" ".join("ltd" if w == "limited" else w for w in words)]


@cache
def _abbreviations() -> tuple[dict[str, str], dict[str, tuple[tuple[tuple[str, ...], str], ...]]]:
    """One-word abbreviations, and phrases ("united states") by their first word."""
    words: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for k, v in _data("abbreviations.json").items():
        key = tuple(fold(k).split())
        if len(key) == 1:
            words[key[0]] = str(v)
        elif key:
            phrases.setdefault(key[0], []).append((key, str(v)))
    return words, {k: tuple(sorted(v, key=lambda p: (-len(p[0]), p))) for k, v in phrases.items()}


@lru_cache(maxsize=1 << 12)
def abbreviated_spellings(code: str) -> tuple[str, ...]:
    """The one-word spellings that ``data/abbreviations.json`` reads as ``code`` ("ctr" ->
    "center", "centre", "ctr"), sorted; ``()`` for a word that is no such code."""
    return tuple(sorted(w for w, c in _abbreviations()[0].items() if c == code))


@cache
def _numbers() -> dict[str, dict[str, int]]:
    return {k: {w: int(n) for w, n in v.items()}  # type: ignore[attr-defined]
            for k, v in _data("numbers.json").items()}


def _deletions(token: str) -> set[str]:
    return {token[:i] + token[i + 1:] for i in range(len(token))}


@cache
def _known_spellings() -> dict[str, str]:
    """Long legal-form words ("limited", "otvetstvennostyu", "gesellschaft") and their
    one-letter misspellings: a single deletion, insertion, substitution or swap meets the
    right spelling in its deletion neighbourhood."""
    table_words = [v for k, vs in _data("legal_forms.json").items() if isinstance(vs, list)
                   for v in [k, *vs]]
    words = {w for v in table_words for w in fold(v).split() if len(w) >= 6}
    words |= {"partnership", "incorporated", "gesellschaft", "aktsionernoe", "aktsionernoye"}
    return _neighbourhood(words)


@cache
def _known_abbreviated() -> dict[str, str]:
    """Long abbreviated words ("management", "exports") and their one-letter misspellings,
    like ``_known_spellings``; read only for a letter missing, added or swapped with its
    neighbour, since a letter put in place of another often spells another real word
    ("experts" is not "exports")."""
    return _neighbourhood({w for w in _abbreviations()[0] if len(w) >= 6})


def _neighbourhood(words: set[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for w in sorted(words):
        for variant in sorted({w, *_deletions(w)}):
            table.setdefault(variant, w)
    return table


@cache
def _swapped_short() -> dict[str, str]:
    """Five-letter legal-form words with two neighbouring letters swapped."""
    table_words = [v for k, vs in _data("legal_forms.json").items() if isinstance(vs, list)
                   for v in [k, *vs]]
    words = sorted({w for v in table_words for w in fold(v).split() if len(w) == 5})
    swapped = {w[:i] + w[i + 1] + w[i] + w[i + 2:]: w for w in words for i in range(4)}
    return {k: v for k, v in sorted(swapped.items()) if k not in words and k != v}


@lru_cache(maxsize=1 << 16)
def _spell_known(token: str) -> str:
    """A legal-form or abbreviated word with a typo, spelled right; other tokens unchanged.
    Five-letter words only for two swapped letters ("joitn" -> "joint"): one letter more or
    less would turn too many real words into legal ones ("stick" -> "stock")."""
    if token.startswith(_MARK):
        return token
    if len(token) == 5:
        return _swapped_short().get(token, token)
    if len(token) < 6 or token in _legal_phrases() or token in _abbreviations()[0]:
        return token
    table = _known_spellings()
    if token in table:
        return table[token]
    deletions = _deletions(token)
    if (right := table[min(hits)] if (hits := [d for d in deletions if d in table]) else None):
        return right  # the first known deletion in sorted order
    abbreviated = _known_abbreviated()
    if token in abbreviated:
        return abbreviated[token]
    near = (abbreviated[d] for d in sorted(d for d in deletions if d in abbreviated))
    return next((w for w in near if len(w) < len(token) or sorted(w) == sorted(token)), token)


def _take_legal(tokens: list[str]) -> tuple[list[str], set[str]]:
    """The distinctive words and the legal forms: rigour's organisation types, then ours."""
    core: list[str] = []
    legal: set[str] = set()
    phrases = _legal_phrases()
    i = 0
    while i < len(tokens):
        for phrase, canon in phrases.get(tokens[i], ()):
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                legal.add(canon)
                i += len(phrase)
                break
        else:
            if tokens[i].startswith(_MARK):
                legal.add(tokens[i][1:])
            elif (form := org_form(tokens[i])) is not None:
                legal.add(form)
            else:
                core.append(tokens[i])
            i += 1
    return core, legal


def _join_initials(tokens: list[str]) -> list[str]:
    """Runs of single letters are one acronym: "A.B.C. Company" -> "abc company"."""
    out: list[str] = []
    run: list[str] = []
    for t in [*tokens, ""]:
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if run:
            out += ["".join(run)] if len(run) > 1 else run
            run = []
        if t:
            out.append(t)
    return out


def _abbreviate(tokens: list[str]) -> list[str]:
    words, phrases = _abbreviations()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase, canon in phrases.get(tokens[i], ()):
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                out.append(canon)
                i += len(phrase)
                break
        else:
            out.append(words.get(tokens[i], tokens[i]))
            i += 1
    return out


def _number_value(tokens: list[str], i: int) -> tuple[int, int] | None:
    """The number that English words (or words and a digit: "forty 4") spell from ``i``,
    and how many tokens it takes."""
    num = _numbers()
    value, j = 0, i
    while j < len(tokens):
        t = tokens[j]
        if t in num["tens"] and value % 100 == 0:
            value += num["tens"][t]
        elif t in num["units"] and value % 10 == 0 and (value % 100 == 0 or num["units"][t] < 10):
            value += num["units"][t]
        elif t.isdigit() and len(t) == 1 and j > i and value % 10 == 0 and value % 100:
            value += int(t)
        elif t in num["scales"] and j > i and 0 < value % 1000 < 100:
            value = value - value % 1000 + (value % 1000) * num["scales"][t]
        else:
            break
        j += 1
    return (value, j - i) if j > i else None


def _digits(tokens: list[str]) -> list[str]:
    """Number words and ordinals as digits: "forty four" -> "44", "1st", "first" -> "1"."""
    num = _numbers()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in _ROMAN:
            out.append(str(_ROMAN[t]))
            i += 1
        elif t in num["ordinals"] or (m := _ORDINAL.match(t)):
            out.append(str(num["ordinals"][t]) if t in num["ordinals"] else m.group(1))  # type: ignore[union-attr]
            i += 1
        elif (found := _number_value(tokens, i)) is not None:
            out.append(str(found[0]))
            i += found[1]
        else:
            out.append(t)
            i += 1
    return out


_CONTEXT = "\x01"
_LEGAL_MARK = "\x00"


_CODES: dict[str, str] = {}


def _token_codes(tokens: list[str]) -> list[str]:
    """``_token_code`` of each token, remembered (a plain dict: this runs for every name)."""
    codes = list(map(_CODES.get, tokens))
    if None in codes:
        for t in tokens:
            if t not in _CODES:
                _CODES[t] = _token_code(t)
        codes = list(map(_CODES.__getitem__, tokens))
    return codes  # type: ignore[return-value]


def _token_code(token: str) -> str:
    """What a token is on its own: a plain word (its one spelling), a legal form (its
    comparison form after ``_LEGAL_MARK``), or ``_CONTEXT``: the start of a rule that needs its
    neighbours (phrases, number words, single letters)."""
    if token.startswith(_MARK):
        return _LEGAL_MARK + token[1:]
    t = _spell_known(token)
    words = _abbreviations()[0]
    num = _numbers()
    legal = [c for p, c in _legal_phrases().get(t, ()) if len(p) == 1]
    if (len(t) == 1 and t.isalpha()) or t in num["units"] or t in num["tens"] \
            or t in num["ordinals"] or _ORDINAL.match(t):
        return _CONTEXT
    if t in _ROMAN:
        return str(_ROMAN[t])
    if legal:
        return _LEGAL_MARK + legal[0]
    if (form := org_form(t)) is not None:
        return _LEGAL_MARK + form
    return words.get(t, t)


def _core_tokens(tokens: list[str], forms: set[str] | frozenset[str] = frozenset()
                 ) -> tuple[list[str], set[str], bool]:
    """The distinctive words and legal forms (``forms``: tokens known to be legal forms) of a
    name's tokens after rigour's pass, and whether they may need another pass (rules that
    joined or moved words)."""
    codes = _token_codes(tokens)
    if forms:
        codes = [_LEGAL_MARK + t if t in forms else c for t, c in zip(tokens, codes, strict=True)]
    if _CONTEXT not in codes:
        core = [c for c in codes if c[0] != _LEGAL_MARK]
        if len(core) == len(codes):
            return core, set(), False
        if core:
            marked = [c for c in codes if c[0] == _LEGAL_MARK]
            at_edge = codes[len(core):] == marked or codes[:len(marked)] == marked
            return core, {c[1:] for c in marked}, not at_edge
    tokens = [_spell_known(t) for t in _join_initials(tokens)]
    words, legal = _take_legal(tokens)
    legal |= {t for t in words if t in forms}
    words = [t for t in words if t not in forms]
    if not words:
        words, legal = [t.lstrip(_MARK) for t in tokens] or sorted(legal), set()
    return _digits(_abbreviate(_join_initials(words))), legal, True


def former_names(name: str) -> list[str]:
    """The former names a name gives in brackets: "Ocean Pioneer (ex-Cape Diamond)"."""
    return [m.group(1).strip() for m in _FORMER_NAME.finditer(name) if m.group(1).strip()]


def _drop_label(name: str) -> str:
    """A name without the field label a payment message puts before it ("BENEFICIARY: ...",
    "FIELD 59: ...")."""
    return _LABEL.sub("", name, count=1) if ":" in name[:40] else name


def _holding(texts: list[str], needles: tuple[str, ...]) -> dict[str, list[int]]:
    """For each (ASCII) needle, the indices of the texts whose ``str.lower`` may hold it (all
    that do, maybe more): found by searching the joined column once, since most columns have
    few such names."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # line breaks inside: all of them
        return {n: list(range(len(texts))) for n in needles}
    data = joined.encode("utf-8", "surrogatepass").lower()  # no other letter lowers to theirs
    return {n: _lines_of(data, _found(data, n.encode())) for n in needles}


def _lines_of(data: bytes, starts: list[int]) -> list[int]:
    """The lines (numbered from 0) of positions in ``data``, sorted."""
    lines: list[int] = []
    line = last = 0
    for at in starts:
        line += data.count(b"\n", last, at)
        lines.append(line)
        last = at
    return sorted(set(lines))


def _found(data: bytes, needle: bytes) -> list[int]:
    """Where ``needle`` starts in ``data``."""
    out: list[int] = []
    at = data.find(needle)
    while at >= 0:
        out.append(at)
        at = data.find(needle, at + 1)
    return out


def _drop_labels(names: Sequence[str | None]) -> tuple[list[str], dict[str, list[int]]]:
    """``_drop_label`` of each name ("" for none), run only where a colon is; and where the
    names may hold the marks of annotations and brackets (``_holding``)."""
    mains = [n or "" for n in names]
    found = _holding(mains, (":", "c/o", "branch", "(", "["))
    for i in found[":"]:
        mains[i] = _drop_label(mains[i])
    return mains, found  # a label dropped leaves a name's end: no mark made


# An annotation after the name: "care of" someone else ("c/o Aduanas Pedraza, Nuevo Laredo"),
# or the branch after a comma (", Sukkur Branch"). It is read as a bracketed qualifier.
_ANNOTATION = re.compile(r"\s+(c/o\s.*)$|,\s*([^,()]*\bbranch)\s*$", re.IGNORECASE)


def _bracket_annotations(names: list[str], where: list[int]) -> None:
    """The names with their annotations (``_ANNOTATION``) put in brackets, in place (``where``:
    all the names that may have one)."""
    for i in [i for i in where if "c/o" in (low := names[i].lower()) or "branch" in low]:
        names[i] = _ANNOTATION.sub(lambda m: f" ({m.group(1) or m.group(2)})", names[i], count=1)


def _split_brackets(names: list[str], where: list[int]) -> dict[int, list[str]]:
    """The bracketed parts of the names that have some; the names lose them (in place).
    ``where``: all the names that may have some."""
    parts: dict[int, list[str]] = {}
    for i in [i for i in where if "(" in names[i] or "[" in names[i]]:
        main = _BRACKETS.sub(" ", names[i])
        if main.strip(" ,.-"):
            parts[i] = [a or b for a, b in _BRACKETS.findall(names[i])]
            names[i] = main
    return parts


def _qualifiers(typed: list[str]) -> tuple[list[str], set[str]]:
    """Bracketed parts (folded and typed): legal forms ("(Pvt)") join the legal forms, former
    names ("ex-...") are left to aliases, the rest ("(Hong Kong)", "(H.K.)") are qualifiers."""
    quals: set[str] = set()
    legal: set[str] = set()
    for text in typed:
        if not text or text.startswith(_FORMER):
            continue
        core, found = _take_legal(text.split())
        legal |= found
        if core:
            quals.add(" ".join(_core_tokens(core)[0]))
    return sorted(quals), legal


def _add_qualifiers(out: list[KeyParts], parts: dict[int, list[str]]) -> None:
    """The keys of names with bracketed parts, completed: all the parts typed in one pass."""
    texts = [t for ts in parts.values() for t in ts]
    typed = iter(_org_types_many(fold_many(texts)))
    for i, found in parts.items():
        quals, legal = _qualifiers([next(typed) for _ in found])
        out[i] = (out[i][0], "|".join(sorted({*out[i][1].split("|"), *legal} - {""})), "|".join(quals))


KeyParts = tuple[str, str, str]
"""A name key as text: the words, the legal forms and the qualifiers ("|"-joined, sorted)."""


@dataclass(slots=True)
class _Again:
    """A key whose rules joined or moved words: its words go through the rules once more."""

    core: list[str]
    legal: set[str]


def key_parts_many(names: Sequence[str | None]) -> list[KeyParts]:
    """The comparison keys of many names (a master's column) as text, in passes over all of
    them; ``("", "", "")`` for a name with no letters or digits."""
    if not names:
        return []
    mains, marks = _drop_labels(names)
    annotated = sorted({*marks["c/o"], *marks["branch"]})
    _bracket_annotations(mains, annotated)
    parts = _split_brackets(mains, sorted({*marks["("], *marks["["], *annotated}))
    respelled, tokens = _respelled_column(mains)
    typed = _typed(respelled, tokens).split("\n")
    found, pending = _keys_of_coded(_coded(typed), typed, respelled)
    again = list(pending)
    for _ in range(3):  # a key is its own key: apply the rules again until nothing changes
        pending = _once_more(pending, found)
    for i in again:
        key = found[i]
        found[i] = _final(key.core, key.legal) if isinstance(key, _Again) else key
    out: list[KeyParts] = found  # type: ignore[assignment]
    _add_qualifiers(out, parts)
    return out


def _respelled_column(names: list[str]) -> tuple[str, set[str]]:
    """The names folded and respelled (``_respelled_words``), one a line, each distinct word
    once (``_by_word``); and all their tokens."""
    words = _column_words(names)
    respelled_of = _word_table(words, _respelled_words)
    return _spaced(words, respelled_of), {t for r in respelled_of.values() for t in r.split()}


def _once_more(pending: dict[int, _Again], found: list[KeyParts | _Again]) -> dict[int, _Again]:
    """The rules applied once more to the keys that need it, in one pass; those that changed
    again are returned."""
    still: dict[int, _Again] = {}
    typed = _org_types_many([" ".join(k.core) for k in pending.values()])
    for (i, key), text in zip(pending.items(), typed, strict=True):
        core, legal, again = _core_tokens(text.split())
        found[i] = _Again(core, key.legal | legal)
        if again and core != key.core:
            still[i] = found[i]  # type: ignore[assignment]
    return still


def _final(core: list[str], legal: set[str]) -> KeyParts:
    return " ".join(core), "|".join(sorted(legal)) if len(legal) > 1 else "".join(legal), ""


def _coded(typed: list[str]) -> str:
    """Each name's tokens as their codes (``_token_code``), space-separated, one name a line,
    in one map over the column's words; a word rigour wrote in reads as ``_CONTEXT`` (rule by
    rule)."""
    joined = " \n ".join(typed)
    if "  " in joined or joined.startswith(" ") or joined.endswith(" "):
        joined = " \n ".join(" ".join(t.split()) for t in typed)
    words = joined.split(" ")
    distinct = list(set(words) - {"", "\n"})
    codes = dict(zip(distinct, _token_codes(distinct), strict=True))
    codes.update({w: _CONTEXT for w in _WRITTEN_FORMS.intersection(distinct)})
    codes.update({"": "", "\n": "\n"})
    return " ".join(map(codes.__getitem__, words)).replace(" \n ", "\n")


# A line of codes in the common case, read in one pass over the column (``_keys_of_coded``):
# plain codes, then maybe one legal form (its key's words and legal form; the third group
# empty), or any other line (the third group: the line, left to ``_key_of_codes``).
_COMMON = re.compile("^(?:([^\x00\x01\n]*)(?:(?<=[^ \n]) \x00([^\x00\x01 \n]+))?|([^\n]*))$",
                     re.MULTILINE)


def _keys_of_coded(coded: str, typed: list[str], respelled: str
                   ) -> tuple[list[KeyParts | _Again], dict[int, _Again]]:
    """The keys of the names from their codes (``_coded``): the common case (``_COMMON``) for
    the whole column in one pass, the others name by name (``_key_of_codes``, else
    ``_key_parts_slow``); and those of them that go through the rules again, by index."""
    found: list[KeyParts | _Again] = _COMMON.findall(coded)
    if len(found) != len(typed):  # cannot happen (a line per name); name by name all the same
        found = [("", "", c) for c in coded.split("\n")]
    before = respelled.split("\n")
    pending: dict[int, _Again] = {}
    for i in [i for i, k in enumerate(found) if k[2]]:  # type: ignore[index]
        t = typed[i]
        found[i] = _key_of_codes(found[i][2]) or _key_parts_slow(t, before[i], t.split())  # type: ignore[index]
        if isinstance(found[i], _Again):
            pending[i] = found[i]  # type: ignore[assignment]
    return found, pending


def _key_of_codes(codes: str) -> KeyParts | None:
    """The key of a name from its tokens' codes in the common case: no rule that needs a word's
    neighbours, and legal forms, if any, at either end of the distinctive words; ``None``
    otherwise (the name goes rule by rule, ``_key_parts_slow``)."""
    if not codes or _CONTEXT in codes:
        return None
    if _LEGAL_MARK not in codes:
        return codes, "", ""
    at = codes.find(" " + _LEGAL_MARK)
    if at > 0 and _LEGAL_MARK not in codes[:at]:  # legal forms at the end
        tail = codes[at + 2:]
        if tail.count(" ") == tail.count(" " + _LEGAL_MARK):
            return codes[:at], _legal_text(tail.split(" " + _LEGAL_MARK)), ""
        return None
    tokens = codes.split(" ")
    core = [c for c in tokens if c[0] != _LEGAL_MARK]
    first = len(tokens) - len(core)
    if not core or any(c[0] == _LEGAL_MARK for c in tokens[first:]):  # inner, or all legal
        return None
    return " ".join(core), _legal_text([c[1:] for c in tokens[:first]]), ""


def _legal_text(legal: list[str]) -> str:
    return "|".join(sorted(set(legal))) if len(legal) > 1 else legal[0]


def _key_parts_slow(typed: str, before: str, tokens: list[str]) -> KeyParts | _Again:
    """The key of one name, rule by rule: the words rigour wrote in are legal forms even where
    they are not also spellings it knows ("sacv"). A key whose rules joined or moved words is
    returned to go through them again (``_Again``)."""
    if not tokens:
        return "", "", ""
    forms: set[str] = set()
    if not _WRITTEN_FORMS.isdisjoint(tokens) and typed != before:
        forms = {t for t in tokens if t in _WRITTEN_FORMS} - set(before.split())
    core, legal, again = _core_tokens(tokens, forms)
    return _Again(core, legal) if again else _final(core, legal)


def key_from_parts(parts: KeyParts) -> NameKey | None:
    """The ``NameKey`` of a key's text form."""
    text, legal, quals = parts
    if not text:
        return None
    return NameKey(tuple(text.split()), frozenset(legal.split("|")) if legal else frozenset(),
                   tuple(quals.split("|")) if quals else ())


def name_keys(names: Sequence[str | None]) -> list[NameKey | None]:
    """The comparison keys of many names."""
    return [key_from_parts(p) for p in key_parts_many(names)]


def name_key(name: str | None) -> NameKey | None:
    """The comparison key of a company name, or ``None`` for a name with no letters or digits.

    Keys are idempotent: the key of a key's text has the same words."""
    return name_keys([name])[0] if name else None


_ROMANISED = (("shch", "s"), ("kh", "h"), ("zh", "i"), ("sh", "s"), ("ch", "c"), ("ph", "f"),
              ("ck", "k"), ("w", "v"), ("q", "k"), ("c", "k"), ("y", "i"), ("j", "i"))


@lru_cache(maxsize=1 << 14)
def skeleton(word: str) -> str:
    """A word with the letters that romanisations of one name disagree on made the same
    ("Zhelvinsky" / "Jelvinskiy", "Verkhnyaya" / "Werchnjaja", "Khoury" / "Khouri") and
    doubled letters single."""
    for a, b in _ROMANISED:
        word = word.replace(a, b)
    return "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])


def romanised_alike(a: str, b: str) -> bool:
    """Two different words of as many letters, with the same first letter, that romanisations
    of one word would give ("New" / "Nev", "Ski" / "Sky")."""
    return (a != b and len(a) == len(b) and a[0] == b[0] and a.isalpha() and b.isalpha()
            and skeleton(a) == skeleton(b))


@lru_cache(maxsize=1 << 14)
def address_key(address: str | None) -> str | None:
    """A folded address for comparison (street, city and postal code words)."""
    if not address:
        return None
    try:
        return fold(address) or None
    except Exception:
        return None


@dataclass(frozen=True, slots=True)
class Address:
    """An address split into its parts where they can be told apart; ``None`` where not."""

    street: str | None
    city: str | None
    postal_code: str | None
    country: str | None  # ISO 3166-1 alpha-2


_POSTAL = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|\d{4,6}(?:-\d{3,4})?|[A-Z]{2}-?\d{4,5})\b")


def split_address(text: str | None, country: str | None = None) -> Address | None:
    """Street, city, postal code and country of a printed address ("5 Main St, Dubai, UAE";
    "Ul. Lenina 5, Moscow 119019, Russian Federation"). Never raises."""
    if not text or not text.strip():
        return None
    try:
        rest = text.strip(" ,;.")
        if split := trailing_country(rest):
            rest, country = split[0], split[1]
        parts = [p.strip() for p in rest.split(",") if p.strip()]
        postal = None
        if parts and (m := _POSTAL.search(parts[-1])):
            postal = m.group(0)
            parts[-1] = (parts[-1][: m.start()] + parts[-1][m.end():]).strip(" ,-")
            if not parts[-1]:
                parts.pop()
        alone = len(parts) == 1 and not any(c.isdigit() for c in parts[0])
        city = parts[-1] if len(parts) > 1 or alone else None
        street = ", ".join(parts[:-1] if city else parts) or None
        return Address(street, city, postal, country)
    except Exception:
        return None
