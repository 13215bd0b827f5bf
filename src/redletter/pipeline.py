"""The one place that composes the stages: source check -> pages -> tables/prose -> letter."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from redletter.errors import InputFileError, OcrError
from redletter.extract import meta
from redletter.extract.blocks import block_parties
from redletter.extract.furniture import remove_furniture
from redletter.extract.geometry import Line, PageLayout, PlacedLine, words_to_lines
from redletter.extract.images import PageImage, image_file_pages, pdf_page_image
from redletter.extract.ocr_pages import OcrJob, Progress, ocr_pages
from redletter.extract.pdf import open_pdf, read_page
from redletter.extract.prose import prose_parties
from redletter.extract.records import (
    LOW_CONFIDENCE,
    fragments_to_rows,
    rows_to_items,
    rows_to_parties,
)
from redletter.extract.source import sha256_of, sniff
from redletter.extract.tables import TableFragment, TableModel, page_tables
from redletter.extract.triage import needs_ocr
from redletter.schema import Letter, Party, Source
from redletter.settings import Settings


def _jobs(images: Sequence[tuple[int, PageImage]], settings: Settings) -> list[OcrJob]:
    return [OcrJob(img, number, settings.ocr_timeout, settings.tesseract_cmd)
            for number, img in images]


def read_layouts(path: Path, kind: str, settings: Settings, progress: Progress | None = None
                 ) -> tuple[list[PageLayout], list[str]]:
    """Every page as words, ruling lines and shaded boxes: from the PDF's text layer where it
    has a usable one, else by OCR. Also the warnings of pages that could not be read."""
    if kind == "image":
        pages = image_file_pages(path, max_pixels=settings.max_pixels)
        if len(pages) > settings.max_pages:
            raise InputFileError(f"the image has {len(pages)} pages, over --max-pages", path=path)
        layouts: list[PageLayout] = []
        scans = list(enumerate(pages, start=1))
    else:
        with open_pdf(path, max_pages=settings.max_pages) as pdf:
            layouts = [read_page(page, i) for i, page in enumerate(pdf.pages, start=1)]
        scans = [(p.number, pdf_page_image(path, p.number - 1, max_pixels=settings.max_pixels))
                 for p in layouts if needs_ocr(p)]
    results = ocr_pages(_jobs(scans, settings), workers=settings.ocr_workers, progress=progress)
    by_number = {p.number: p for p in layouts} | {r.number: r.layout for r in results}
    if results and all(r.error for r in results) and not any(p.words for p in by_number.values()):
        raise OcrError(f"no page could be read: {results[0].error}", path=path)
    return [by_number[n] for n in sorted(by_number)], [r.error for r in results if r.error]


def find_tables(pages: Sequence[PageLayout],
                lines_by_page: Sequence[list[Line]]) -> list[TableFragment]:
    """Table fragments of all pages, a table open at a page's foot carried to the next page."""
    fragments: list[TableFragment] = []
    carried: TableModel | None = None
    for page, lines in zip(pages, lines_by_page, strict=True):
        previous = fragments[-1].model if fragments else None
        found = page_tables(page, lines, carried, previous)
        fragments += found
        last = found[-1] if found else None
        carried = last.model if last and last.open_at_bottom else None
    return fragments


def _running_text(lines_by_page: Sequence[list[Line]],
                  fragments: Sequence[TableFragment]) -> list[PlacedLine]:
    """Lines outside the table rows (rows hold the page's own Word objects)."""
    table_words = {id(w) for f in fragments for r in f.rows for w in r.words}
    return [PlacedLine(i, ln) for i, lines in enumerate(lines_by_page, start=1) for ln in lines
            if not any(id(w) in table_words for w in ln.words)]


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


def letter_from_layouts(source: Source, pages: Sequence[PageLayout],
                        read_warnings: Sequence[str] = ()) -> Letter:
    """Parties, items and metadata from a letter's page layouts."""
    raw_lines = [words_to_lines(p.words) for p in pages]
    lines_by_page = remove_furniture(pages, raw_lines)
    fragments = find_tables(pages, lines_by_page)
    party_rows = fragments_to_rows([f for f in fragments if f.model.kind == "party"])
    item_rows = fragments_to_rows([f for f in fragments if f.model.kind == "item"])
    cell_warnings: list[str] = []
    parties = rows_to_parties(party_rows, cell_warnings)
    running = _running_text(lines_by_page, fragments)
    in_blocks, used = block_parties(running)
    parties += in_blocks
    parties += prose_parties([pl for pl in running if id(pl.line) not in used])
    first = lines_by_page[0] if lines_by_page else []
    text = "\n".join(ln.text for lines in lines_by_page for ln in lines)
    kind, evidence = meta.notice_type(text, meta.subject_line(first))
    return Letter(
        source=source, pages=len(pages), letter_date=meta.letter_date(first),
        reference=meta.reference(first), recipient=meta.recipient(first),
        issuing_office=meta.issuing_office(first), notice_type=kind,
        notice_type_evidence=evidence, parties=tuple(parties),
        items=tuple(rows_to_items(item_rows)),
        ocr_pages=tuple(p.number for p in pages if p.ocr),
        warnings=(*read_warnings, *cell_warnings, *_warnings(pages, parties)),
    )


def extract_letter(path: Path, settings: Settings | None = None,
                   progress: Progress | None = None) -> Letter:
    """Extract one letter file (PDF or image). Raises a ``RedletterError`` for input it cannot
    read; ``progress(done, total)`` is called as OCR'd pages finish."""
    settings = settings or Settings.load()
    kind = sniff(path, max_bytes=int(settings.max_file_mb * 2**20))
    pages, read_warnings = read_layouts(path, kind, settings, progress)
    source = Source(path=str(path), sha256=sha256_of(path), size=path.stat().st_size,
                    pages=len(pages))
    return letter_from_layouts(source, pages, read_warnings)
