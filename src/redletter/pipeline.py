"""The one place that composes the stages: source check -> pages -> tables/prose -> letter."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from redletter.extract import meta
from redletter.extract.blocks import block_parties
from redletter.extract.furniture import remove_furniture
from redletter.extract.geometry import Line, PageLayout, PlacedLine, words_to_lines
from redletter.extract.pdf import open_pdf, read_page
from redletter.extract.prose import prose_parties
from redletter.extract.records import fragments_to_rows, rows_to_items, rows_to_parties
from redletter.extract.source import sha256_of, sniff
from redletter.extract.tables import TableFragment, TableModel, page_tables
from redletter.schema import Letter, Party, Source
from redletter.settings import Settings


def read_layouts(path: Path, settings: Settings) -> list[PageLayout]:
    """Every page of a PDF as words, ruling lines and shaded boxes."""
    with open_pdf(path, max_pages=settings.max_pages) as pdf:
        return [read_page(page, i) for i, page in enumerate(pdf.pages, start=1)]


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
    out = [f"page {p.number}: no text layer (a scanned page?); it was not read"
           for p in pages if not p.words]
    out += [f"page {p.page} row {p.row}: country not recognised for {p.name!r}"
            for p in parties if p.country is None]
    if not parties:
        out.append("no parties found in this letter")
    return out


def letter_from_layouts(source: Source, pages: Sequence[PageLayout]) -> Letter:
    """Parties, items and metadata from a letter's page layouts."""
    raw_lines = [words_to_lines(p.words) for p in pages]
    lines_by_page = remove_furniture(pages, raw_lines)
    fragments = find_tables(pages, lines_by_page)
    party_rows = fragments_to_rows([f for f in fragments if f.model.kind == "party"])
    item_rows = fragments_to_rows([f for f in fragments if f.model.kind == "item"])
    parties = rows_to_parties(party_rows)
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
        items=tuple(rows_to_items(item_rows)), warnings=tuple(_warnings(pages, parties)),
    )


def extract_letter(path: Path, settings: Settings | None = None) -> Letter:
    """Extract one letter file. Raises a ``RedletterError`` for input it cannot read."""
    settings = settings or Settings.load()
    sniff(path, max_bytes=int(settings.max_file_mb * 2**20))
    pages = read_layouts(path, settings)
    source = Source(path=str(path), sha256=sha256_of(path), size=path.stat().st_size,
                    pages=len(pages))
    return letter_from_layouts(source, pages)
