"""The one place that composes the stages: source check -> pages (text layer, OCR, e-mail
body and attachments, spreadsheets) -> tables/prose -> letter."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from redletter.errors import (
    InputFileError,
    InternalError,
    MissingDependencyError,
    OcrError,
    RedletterError,
)
from redletter.extract import meta
from redletter.extract.blocks import block_parties
from redletter.extract.cards import card_lines, reading_order
from redletter.extract.footnotes import footnoted_aliases
from redletter.extract.furniture import remove_furniture
from redletter.extract.geometry import Line, PageLayout, PlacedLine
from redletter.extract.grid_tables import grid_fragments
from redletter.extract.headerless import headerless_tables
from redletter.extract.ocr_jobs import OcrJob, OcrResult, PageRun, Progress
from redletter.extract.page_columns import in_reading_order
from redletter.extract.pdf import open_pdf, read_page
from redletter.extract.prose import card_parties, prose_parties
from redletter.extract.records import (
    LOW_CONFIDENCE,
    fragments_to_rows,
    rows_to_items,
    rows_to_parties,
)
from redletter.extract.references import with_referenced_items
from redletter.extract.sheets import sheet_pages
from redletter.extract.source import ocr_time_exceeded, sha256_of, sniff
from redletter.extract.tables import TableFragment, TableModel, page_tables
from redletter.extract.transposed import transposed_tables
from redletter.extract.triage import needs_ocr
from redletter.extract.virtual import text_page
from redletter.nlp.ocr_names import mend_ocr_name
from redletter.schema import Item, Letter, Party, Source
from redletter.settings import Settings


@dataclass
class Part:
    """One readable file of a letter (the letter itself, or an attachment of an e-mail): its
    pages that are read already, numbered within the letter, and those waiting for OCR,
    numbered within the file; the file's pages come after ``offset`` pages of the letter."""

    source: Path
    kind: str
    offset: int
    layouts: list[PageLayout]
    ocr_numbers: list[int]

    @property
    def pages(self) -> int:
        return len(self.layouts) + len(self.ocr_numbers)


@dataclass
class Planned:
    """A letter whose readable pages are read and whose scanned pages wait for OCR."""

    path: Path
    parts: list[Part]
    notes: list[str] = field(default_factory=list)
    workdir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def layouts(self) -> list[PageLayout]:
        return [layout for part in self.parts for layout in part.layouts]

    def close(self) -> None:
        """Remove the attachments unpacked for reading."""
        if self.workdir is not None:
            self.workdir.cleanup()


def plan_part(path: Path, kind: str, offset: int, settings: Settings) -> Part:
    """Read what can be read of one file without OCR; list its pages that need OCR."""
    if kind == "image":
        from redletter.extract.images import image_frame_count

        count = image_frame_count(path, max_pixels=settings.max_pixels)
        return Part(path, kind, offset, [], list(range(1, count + 1)))
    if kind in ("xlsx", "csv"):
        pages = sheet_pages(path, kind)
        return Part(path, kind, offset, [replace(p, number=p.number + offset) for p in pages], [])
    with open_pdf(path, max_pages=settings.max_pages) as pdf:
        layouts = [read_page(page, i) for i, page in enumerate(pdf.pages, start=1)]
    numbers = [p.number for p in layouts if needs_ocr(p)]
    kept = [replace(p, number=p.number + offset) for p in layouts if p.number not in numbers]
    return Part(path, kind, offset, kept, numbers)


def _plan_mail(path: Path, settings: Settings) -> Planned:
    """An e-mail: its text as page 1, then each attachment that reads as a letter."""
    from redletter.extract.mail import read_mail

    mail = read_mail(path)
    workdir = tempfile.TemporaryDirectory(prefix="redletter-mail-")
    planned = Planned(path, [Part(path, "mail", 0, [text_page(mail.lines, 1)], [])],
                      [f"attachment {name!r} not read (not a letter format)" for name in mail.skipped],
                      workdir)
    offset = 1
    for attachment in mail.attachments:
        file = Path(workdir.name) / attachment.name
        file.write_bytes(attachment.data)
        try:
            kind = sniff(file, max_bytes=int(settings.max_file_mb * 2**20))
            if kind == "mail":
                raise InputFileError("an e-mail attached to an e-mail is not read", path=file)
            part = plan_part(file, kind, offset, settings)
        except RedletterError as exc:
            planned.notes.append(f"attachment {attachment.name!r} not read: {exc.args[0]}")
            continue
        planned.parts.append(part)
        offset += part.pages
    return planned


def plan_letter(path: Path, settings: Settings) -> Planned:
    """Check the file, read the pages that have a usable text layer (or that are text: e-mail
    bodies, spreadsheets), list the others for OCR."""
    kind = sniff(path, max_bytes=int(settings.max_file_mb * 2**20))
    planned = _plan_mail(path, settings) if kind == "mail" else Planned(
        path, [plan_part(path, kind, 0, settings)])
    scanned = sum(len(p.ocr_numbers) for p in planned.parts)
    if scanned > settings.max_pages:
        planned.close()
        raise InputFileError(f"the file has {scanned} pages, over --max-pages", path=path)
    return planned


def finish_letter(planned: Planned, results: Sequence[OcrResult]) -> Letter:
    """The letter from its read pages and its OCR'd pages (already numbered within it)."""
    pages = sorted([*planned.layouts, *(r.layout for r in results)], key=lambda p: p.number)
    errors = [r.error for r in results if r.error]
    if results and len(errors) == len(results) and not planned.layouts:
        raise OcrError(f"no page could be read: {errors[0]}", path=planned.path)
    path = planned.path
    source = Source(path=str(path), sha256=sha256_of(path), size=path.stat().st_size,
                    pages=len(pages))
    return letter_from_layouts(source, pages, [*planned.notes, *errors])


def _outside(lines: Sequence[Line], fragments: Sequence[TableFragment]) -> list[Line]:
    """The lines of a page that lie outside the rows of every table found on it."""
    spans = [(r.bbox[1], r.bbox[3]) for f in fragments for r in f.rows]
    return [ln for ln in lines if not any(top - 1 <= (ln.top + ln.bottom) / 2 <= bottom + 1
                                         for top, bottom in spans)]


def find_tables(pages: Sequence[PageLayout],
                lines_by_page: Sequence[list[Line]]) -> list[TableFragment]:
    """Table fragments of all pages, a table open at a page's foot carried to the next page."""
    fragments: list[TableFragment] = []
    carried: TableModel | None = None
    for page, lines in zip(pages, lines_by_page, strict=True):
        previous = fragments[-1].model if fragments else None
        grids = grid_fragments(page, lines, carried)
        if grids.fragments and grids.fragments[0].continued:
            carried = None
        turned, rest = transposed_tables(page, grids.lines)
        found = [*grids.fragments, *turned, *page_tables(page, rest, carried, previous)]
        found += headerless_tables(page, _outside(rest, found))
        found.sort(key=lambda f: f.rows[0].bbox[1] if f.rows else 0.0)
        fragments += found
        last = found[-1] if found else None
        carried = last.model if last and last.open_at_bottom else None
    return fragments


def _merge_mentions(parties: list[Party]) -> list[Party]:
    """Parties once each: a party of the running text named again after its table row or
    block ("…ZHEJIANG ZHENHUAN CNC MACHINE TOOL CO., LTD. shipped HS 8482.10…") is not another
    party; the items it is named with there join the first one's."""
    first: dict[str, int] = {}
    out: list[Party] = []
    for party in parties:
        key = " ".join(party.name.casefold().replace(".", " ").replace(",", " ").split())
        if party.source != "text" or key not in first:
            first.setdefault(key, len(out))
            out.append(party)
            continue
        kept = out[first[key]]
        items = (*kept.items, *(i for i in party.items if i not in kept.items))
        out[first[key]] = kept.with_items(items)
    return out


def _mended(party: Party) -> Party:
    """A party read by OCR, its name and aliases mended where the misreading is certain."""
    name = mend_ocr_name(party.name) or party.name
    aliases = tuple(dict.fromkeys(a for a in map(mend_ocr_name, party.aliases) if a))
    return party.model_copy(update={"name": name, "aliases": aliases})


def _running_text(lines_by_page: Sequence[list[Line]],
                  fragments: Sequence[TableFragment]) -> list[PlacedLine]:
    """Lines outside the table rows (rows hold the page's own Word objects), a stretch set in two
    columns read column by column."""
    table_words = {id(w) for f in fragments for r in f.rows for w in r.words}
    outside = [[ln for ln in lines if not any(id(w) in table_words for w in ln.words)]
               for lines in lines_by_page]
    return [PlacedLine(i, ln) for i, lines in enumerate(outside, start=1) for ln in in_reading_order(lines)]


def _warnings(pages: Sequence[PageLayout], parties: Sequence[Party]) -> list[str]:
    out = [f"page {p.number}: no text found (blank, or not a letter page)"
           for p in pages if not p.words]
    out += [f"page {p.page} row {p.row}: low confidence {p.confidence:.2f} for {p.name!r}"
            for p in parties if p.source == "text" and p.confidence < LOW_CONFIDENCE]
    out += [f"page {p.page} row {p.row}: country not recognised for {p.name!r}"
            for p in parties if p.country is None]
    if not parties:
        out.append("no parties found in this letter")
    return out


def review_reasons(parties: Sequence[Party], unassigned: Sequence[str],
                   read_warnings: Sequence[str]) -> list[str]:
    """Why a reviewer must look at this letter before it counts as read: no party at all, table
    rows that belong to no party, parties or pages read with low confidence. Never a silent
    empty letter."""
    out = [] if parties else ["no party was read in this letter"]
    out += list(unassigned)
    low = [p for p in parties if p.confidence < LOW_CONFIDENCE]
    if low:
        out.append(f"{len(low)} part{'y was' if len(low) == 1 else 'ies were'} read with low "
                   f"confidence (below {LOW_CONFIDENCE}): check them against the page")
    unplaced = [p for p in parties if p.country is None and p.country_printed]
    if unplaced:
        shown = ", ".join(repr(p.country_printed) for p in unplaced[:3])
        out.append(f"{len(unplaced)} printed countr{'y is' if len(unplaced) == 1 else 'ies are'} "
                   f"not recognised ({shown}): check them against the page")
    out += [w for w in read_warnings if "could not be read" in w or "OCR failed" in w]
    return out


def letter_from_layouts(source: Source, pages: Sequence[PageLayout],
                        read_warnings: Sequence[str] = ()) -> Letter:
    """Parties, items and metadata from a letter's page layouts."""
    split = [card_lines(p) for p in pages]
    raw_lines = [reading_order(outside, cards) for outside, cards in split]
    lines_by_page = remove_furniture(pages, raw_lines)
    fragments = find_tables(pages, lines_by_page)
    party_rows = fragments_to_rows([f for f in fragments if f.model.kind == "party"])
    item_rows = fragments_to_rows([f for f in fragments if f.model.kind == "item"])
    cell_warnings: list[str] = []
    unassigned: list[str] = []
    parties = with_referenced_items(rows_to_parties(party_rows, cell_warnings, unassigned),
                                    party_rows, item_rows)
    running = _running_text(lines_by_page, fragments)
    kept = {id(pl.line) for pl in running}
    whole = [[PlacedLine(n, ln) for ln in card]
             for n, (_, page_cards) in enumerate(split, start=1) for card in page_cards]
    cards = [[pl for pl in card if id(pl.line) in kept] for card in whole]
    in_cards = card_parties([w for w, c in zip(whole, cards, strict=True) if c])  # with its items
    used = {id(pl.line) for card in cards for pl in card}
    in_blocks, in_block_lines = block_parties([pl for pl in running if id(pl.line) not in used])
    used |= in_block_lines
    in_prose = prose_parties([pl for pl in running if id(pl.line) not in used])
    parties += sorted([*in_cards, *in_blocks, *in_prose],
                      key=lambda p: (p.page, p.bbox[1], p.bbox[0]))  # reading order
    scanned = {p.number for p in pages if p.ocr}
    parties = _merge_mentions([_mended(p) if p.page in scanned else p for p in parties])
    parties = footnoted_aliases(parties, [pl.line.text for pl in running])
    first = lines_by_page[0] if lines_by_page else []
    text = "\n".join(ln.text for lines in lines_by_page for ln in lines)
    kind, evidence = meta.notice_type(text, meta.subject_line(first))
    return Letter(
        source=source, pages=len(pages),
        page_sizes=tuple((round(p.width, 2), round(p.height, 2)) for p in pages),
        page_rotations=tuple(p.rotation for p in pages),
        letter_date=meta.letter_date(first),
        reference=meta.reference(first), recipient=meta.recipient(first),
        issuing_office=meta.issuing_office(first), notice_type=kind,
        notice_type_evidence=evidence, parties=tuple(parties),
        relations=meta.related(text, meta.reference(first)),
        items=letter_items(rows_to_items(item_rows), parties),
        ocr_pages=tuple(p.number for p in pages if p.ocr),
        warnings=(*read_warnings, *cell_warnings, *_warnings(pages, parties)),
        review_reasons=(*review_reasons(parties, unassigned, read_warnings), *meta.undecided(kind, evidence)),
    )


def letter_items(listed: Sequence[Item], parties: Sequence[Party]) -> tuple[Item, ...]:
    """The letter's items: those of its item tables, then those printed against its parties
    that the tables did not already name."""
    seen = {(i.hs_code, i.eccn, i.part_number) for i in listed}
    out = list(listed)
    for item in (i for p in parties for i in p.items):
        key = (item.hs_code, item.eccn, item.part_number)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


Outcome = Letter | RedletterError
T = TypeVar("T")


def _guarded(path: Path, fn: Callable[[], T]) -> T | RedletterError:
    """Run one file's step; its error (or a bug, reported as such) is returned, not raised,
    so that one bad file never stops the batch."""
    try:
        return fn()
    except RedletterError as exc:
        return exc
    except Exception as exc:
        return InternalError(f"internal error ({type(exc).__name__}: {exc}); please report it "
                             "with this file", path=path)


def _jobs(planned: dict[int, Planned], settings: Settings
          ) -> tuple[list[OcrJob], dict[int, tuple[int, Part]]]:
    """The OCR jobs of a batch; each part gets an id of its own (``OcrJob.letter``), so that
    pages of two attachments with the same number are told apart."""
    jobs: list[OcrJob] = []
    units: dict[int, tuple[int, Part]] = {}
    for i, plan in planned.items():
        for part in plan.parts:
            if part.ocr_numbers:
                uid = len(units)
                units[uid] = (i, part)
                jobs += [OcrJob(part.source, part.kind, n, settings.ocr_timeout,
                                settings.tesseract_cmd, settings.max_pixels, uid)
                         for n in part.ocr_numbers]
    return jobs, units


def extract_letters(paths: Sequence[Path], settings: Settings | None = None,
                    progress: Progress | None = None) -> list[Outcome]:
    """Extract several letters (PDF, image, spreadsheet or e-mail files); the scanned pages of
    all of them are OCR'd together, one worker process per core. Each outcome is a letter or
    the error that stopped that file; ``progress(done, total)`` is called as OCR'd pages finish.
    Each letter is finished (tables, parties) as soon as its pages are in, while other pages
    are read."""
    settings = settings or Settings.load()
    planned: dict[int, Planned] = {}
    outcomes: dict[int, Outcome] = {}
    try:
        for i, path in enumerate(paths):
            result = _guarded(path, partial(plan_letter, path, settings))
            if isinstance(result, Planned):
                planned[i] = result
            else:
                outcomes[i] = result
        _read(planned, outcomes, paths, settings, progress)
    finally:
        for plan in planned.values():
            plan.close()
    return [outcomes[i] for i in range(len(paths))]


class _NoPages:
    """No page to OCR: nothing to read, nothing to drop."""

    def __iter__(self) -> Iterator[OcrResult]:
        return iter(())

    def drop(self, letter: int) -> None:
        """Nothing is being read."""


def _ocr(jobs: list[OcrJob], settings: Settings, progress: Progress | None) -> PageRun:
    """The OCR'd pages, as they are read (Tesseract and its helpers imported only if needed)."""
    if not jobs:
        return _NoPages()
    from redletter.extract.ocr_pages import iter_ocr_pages

    return iter_ocr_pages(jobs, workers=settings.ocr_workers, progress=progress)


def _read(planned: dict[int, Planned], outcomes: dict[int, Outcome], paths: Sequence[Path],
          settings: Settings, progress: Progress | None) -> None:
    """OCR the batch's scanned pages and finish each letter as soon as its pages are in."""
    jobs, units = _jobs(planned, settings)
    expected = {i: sum(len(p.ocr_numbers) for p in plan.parts) for i, plan in planned.items()}
    results: PageRun
    try:
        results = _ocr(jobs, settings, progress)
    except MissingDependencyError as exc:
        for i in [i for i, n in expected.items() if n]:
            outcomes[i] = MissingDependencyError(exc.message, path=paths[i])
            del expected[i]
        results = _NoPages()
    read: dict[int, list[OcrResult]] = {i: [] for i in expected}
    spent = dict.fromkeys(expected, 0.0)
    for i in [i for i, n in expected.items() if not n]:
        outcomes[i] = _guarded(planned[i].path, partial(finish_letter, planned[i], []))
    for page in results:  # a letter is finished as soon as its last page is read
        i, part = units[page.letter]
        if i in outcomes:  # past its time budget already
            continue
        spent[i] += page.seconds
        if spent[i] > settings.file_timeout:
            outcomes[i] = ocr_time_exceeded(planned[i].path, settings.file_timeout)
            for uid in (u for u, (j, _) in units.items() if j == i):
                results.drop(uid)
            continue
        read[i].append(replace(page, layout=replace(page.layout, number=page.number + part.offset)))
        if len(read[i]) == expected[i]:
            outcomes[i] = _guarded(planned[i].path, partial(finish_letter, planned[i], read[i]))


def extract_letter(path: Path, settings: Settings | None = None,
                   progress: Progress | None = None) -> Letter:
    """Extract one letter file (PDF or image); raises the ``RedletterError`` that stops it."""
    outcome = extract_letters([path], settings, progress)[0]
    if isinstance(outcome, RedletterError):
        raise outcome
    return outcome
