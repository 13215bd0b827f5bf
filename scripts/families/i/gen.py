#!/usr/bin/env python3
"""Family I: ten layouts x two designs (a -> dev/, b -> heldout/), plus three scans per half.

Run from the repository root: python scripts/families/i/gen.py
"""
import random, subprocess, sys, tempfile
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from common import *  # noqa
from common import esc
from producers import *  # noqa

TMP = Path(tempfile.mkdtemp(prefix='famI-'))


def ctry(p, design):
    return CNAME[p['country']][0 if design == 'a' else 1]


def hs_list(p, rng, k=None):
    return hs_draw(rng, k if k is not None else rng.choice([0, 1, 2, 2, 3]))


BASE_CSS = """
body{font-family:%(font)s;font-size:%(size)s;line-height:1.3;margin:0}
.lh{text-align:center;border-bottom:2px solid #223;padding-bottom:6px;margin-bottom:14px}
.seal{font-weight:bold;font-size:15pt;letter-spacing:1px}.bis{font-size:12pt}.off{font-size:8.5pt;color:#333}
.sig{margin-top:18px}.annex{page-break-before:always}
h2{font-size:12pt;text-align:center;margin:4px 0 8px}
table{border-collapse:collapse;width:100%%}
"""


def page_css(size, margin='18mm'):
    return f"@page{{size:{size};margin:{margin}}}"


def cover_pages(meta, design):
    """Chromium cover letter as a separate PDF (used before non-HTML annexes)."""
    out = TMP / f'cover{random.random()}.pdf'
    css = BASE_CSS % {'font': 'Liberation Serif' if design == 'a' else 'DejaVu Sans', 'size': '11pt' if design == 'a' else '10pt'}
    css += page_css('Letter' if design == 'a' else 'A4', '22mm')
    chromium_pdf(f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{html_cover(meta)}</body></html>', out)
    return out


def unite(parts, out):
    subprocess.run(['pdfunite'] + [str(p) for p in parts] + [str(out)], check=True)


# =============================================================== L01 spreadsheet printout
def L01(design, parties, rng, meta, out):
    truth = []
    if design == 'a':
        import openpyxl
        from openpyxl.styles import Alignment, Font, PatternFill, Border, Side
        wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Diversion parties'
        hdr = ['No.', 'Entity Name', 'Alternate Names', 'Street Address', 'City / Postal Code', 'Country', 'HS Codes']
        ws.append(hdr)
        thin = Side(style='thin', color='999999')
        for i, p in enumerate(parties, 1):
            hs = hs_list(p, rng)
            ws.append([i, p['name'], '; '.join(p['alts']), p['addr'][0], p['addr'][1], ctry(p, 'a'),
                       ', '.join(dotted(h) for h in hs)])
            truth.append(party_truth(p, hs=hs))
        for c, w in zip('ABCDEFG', [5, 30, 26, 30, 18, 13, 14]):
            ws.column_dimensions[c].width = w
        for row in ws.iter_rows():
            for c in row:
                c.alignment = Alignment(wrap_text=True, vertical='top'); c.font = Font(name='Calibri', size=9)
        for r in range(2, ws.max_row + 1):
            lines = max(-(-len(str(ws.cell(r, j).value or '')) // int(w * 0.8)) for j, w in enumerate([5, 30, 26, 30, 18, 13, 14], 1))
            ws.row_dimensions[r].height = 12 * max(1, lines) + 3
        for c in ws[1]:
            c.font = Font(name='Calibri', size=9, bold=True); c.fill = PatternFill('solid', fgColor='D9E1F2')
        ws.freeze_panes = 'A2'
        ws.print_title_rows = '1:1'
        ws.print_options.gridLines = True
        ws.print_options.headings = True
        ws.page_setup.orientation = 'landscape'; ws.page_setup.paperSize = ws.PAPERSIZE_LETTER
        ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 0; ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.oddHeader.center.text = f'Attachment to letter {meta["ref"]}'
        ws.oddFooter.center.text = 'Page &P of &N'; ws.oddFooter.right.text = '&A'
        x = TMP / f'L01a_{rng.randint(0, 10**6)}.xlsx'; wb.save(x)
        sheet = TMP / (x.stem + '.pdf'); soffice_pdf(x, sheet)
        unite([cover_pages(meta, 'a'), sheet], out)
    else:
        cols = 'ABCDEF'
        rows = []
        for i, p in enumerate(parties, 2):
            hs = hs_list(p, rng)
            cells = [ctry(p, 'b'), p['name'], '<br>'.join(esc(x) for x in p['addr']), esc(' / '.join(p['alts'])),
                     esc('; '.join(hs))]
            rows.append(f'<tr><th class="rn">{i}</th><td>{esc(cells[0])}</td><td>{esc(cells[1])}</td><td>{cells[2]}</td><td>{cells[3]}</td><td>{cells[4]}</td><td></td></tr>')
            truth.append(party_truth(p, hs=hs))
        css = BASE_CSS % {'font': 'DejaVu Sans', 'size': '10pt'} + page_css('A4 landscape', '12mm') + """
.sheet td,.sheet th{border:1px solid #c0c0c0;font:8pt 'Liberation Sans';padding:1px 3px;vertical-align:top}
.sheet thead th{background:#e8e8e8;font-weight:normal;text-align:center}.sheet th.rn{background:#e8e8e8;font-weight:normal;width:22px}
.sheet tr.h td{font-weight:bold;background:#fff2cc}.foot{font:8pt 'Liberation Sans';text-align:center;margin-top:6px}"""
        head = '<thead><tr><th></th>' + ''.join(f'<th>{c}</th>' for c in cols) + '<th>G</th></tr></thead>'
        t = (f'<div class="annex"><table class="sheet">{head}<tr class="h"><th class="rn">1</th><td>Country</td><td>Company</td>'
             f'<td>Address</td><td>AKA</td><td>HS</td><td></td></tr>{"".join(rows)}</table>'
             f'<div class="foot">Sheet1</div></div>')
        cover = html_cover(meta).replace('</div>\n<p class="date">', '</div><p class="date">')
        chromium_pdf(f'<html><head><meta charset="utf-8"><style>{css}@page:first{{size:A4;margin:20mm}}</style></head><body>{cover}{t}</body></html>', out)
    return truth


# =============================================================== L02 alias sub-rows
def L02(design, parties, rng, meta, out):
    truth = []
    if design == 'a':
        from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, PageBreak, Spacer
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.pagesizes import letter
        from reportlab.lib import colors
        from xml.sax.saxutils import escape
        rl_register()
        cs = ParagraphStyle('c', fontName='LibSans', fontSize=8.5, leading=10.5)
        ai = ParagraphStyle('a', parent=cs, leftIndent=10, fontName='LibSans')
        data = [[Paragraph(f'<font name="LibSans-B">{h}</font>', cs) for h in ['#', 'Name / a.k.a.', 'Address', 'Country', 'HS codes']]]
        style = [('GRID', (0, 0), (-1, -1), 0.4, colors.grey), ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#dddddd')),
                 ('VALIGN', (0, 0), (-1, -1), 'TOP')]
        for i, p in enumerate(parties, 1):
            hs = hs_list(p, rng)
            r0 = len(data)
            data.append([Paragraph(str(i), cs), Paragraph(escape(p['name']), cs), Paragraph('<br/>'.join(escape(x) for x in p['addr']), cs),
                         Paragraph(ctry(p, 'a'), cs), Paragraph(', '.join(hs_form(h, 'dot', rng) for h in hs), cs)])
            for a in p['alts']:
                data.append(['', Paragraph('a.k.a. ' + escape(a), ai), '', '', ''])
            if p['alts']:
                style += [('LINEBELOW', (1, r0), (-1, len(data) - 2), 0.4, colors.white),
                          ('SPAN', (2, r0), (2, len(data) - 1)), ('SPAN', (3, r0), (3, len(data) - 1)), ('SPAN', (4, r0), (4, len(data) - 1)),
                          ('SPAN', (0, r0), (0, len(data) - 1))]
            truth.append(party_truth(p, hs=hs))
        t = Table(data, colWidths=[22, 170, 190, 70, 80], repeatRows=1); t.setStyle(TableStyle(style))
        doc = SimpleDocTemplate(str(out), pagesize=letter, leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=50)
        hd = ParagraphStyle('h', fontName='LibSans-B', fontSize=11, alignment=1, spaceAfter=8)
        doc.build(rl_cover(meta) + [PageBreak(), Paragraph(f'ANNEX - {meta["ref"]}', hd), t])
    else:
        from fpdf import FPDF
        pdf = FPDF(format='A4'); fp_fonts(pdf); pdf.set_auto_page_break(True, 15); pdf.add_page()
        fp_cover(pdf, meta)
        pdf.add_page(orientation='L')
        pdf.set_font('DejaVuCond', 'B', 10); pdf.cell(0, 7, 'Annex: Parties and name variants', new_x='LMARGIN', new_y='NEXT')
        pdf.set_font('DejaVuCond', '', 8)
        with pdf.table(col_widths=(16, 16, 70, 90, 35, 40), line_height=4.2, first_row_as_headings=True,
                       headings_style=__import__('fpdf').FontFace(emphasis='BOLD', fill_color=(230, 230, 230))) as tb:
            tb.row(['Party ID', 'Type', 'Name', 'Location', 'Jurisdiction', 'HTS'])
            for i, p in enumerate(parties, 1):
                hs = hs_list(p, rng)
                pid = f'P-{i:02d}'
                tb.row([pid, 'Primary', p['name'], ', '.join(p['addr']), ctry(p, 'b'), ' '.join(hs_form(h, 'hts10', rng) for h in hs)])
                for a in p['alts']:
                    tb.row([pid, 'AKA', a, '', '', ''])
                truth.append(party_truth(p, hs=hs))
        pdf.output(str(out))
    return truth


# =============================================================== L03 fax
def L03(design, parties, rng, meta, out):
    import textwrap
    truth = []
    o, t, s = meta['office'], meta['to'], meta['signer']
    npages_guess = 3 + len(parties) // 6
    stamp_time = f'{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}'
    faxno = f'+1 {rng.randint(200, 989)} 555 {rng.randint(1000, 9999)}'
    if design == 'a':
        from fpdf import FPDF

        class F(FPDF):
            def header(self):
                self.set_font('Mono', '', 7.5)
                self.set_xy(8, 5)
                self.cell(0, 4, f'{meta["date"].upper()} {stamp_time}   FROM:DOC/BIS/OEE {o[1].upper()}   TO:{faxno}   P.{self.page_no():02d}/{{nb}}')
                self.set_xy(self.l_margin, 18)
        pdf = F(format='Letter'); fp_fonts(pdf); pdf.set_auto_page_break(True, 18); pdf.set_margins(22, 18, 22)
        pdf.add_page()
        pdf.set_fill_color(20, 20, 20); pdf.set_text_color(255, 255, 255); pdf.set_font('DejaVu', 'B', 28)
        pdf.cell(0, 16, ' FACSIMILE TRANSMITTAL', fill=True, new_x='LMARGIN', new_y='NEXT')
        pdf.set_text_color(0, 0, 0); pdf.set_font('Mono', '', 10); pdf.ln(6)
        for k, v in [('TO:', t[0]), ('ATTN:', t[1].replace('Attn: ', '')), ('FAX:', faxno), ('FROM:', f'{s[0]}, {o[0]}'),
                     ('OFFICE:', f'{o[1]}, {o[2]}, {o[3]}'), ('DATE:', meta['date']), ('PAGES:', '{nb} (including cover)'),
                     ('RE:', SUBJECT[meta['kind']])]:
            pdf.set_font('Mono', 'B', 10); pdf.cell(25, 7, k); pdf.set_font('Mono', '', 10)
            pdf.multi_cell(0, 7, v, new_x='LMARGIN', new_y='NEXT')
        pdf.ln(6); pdf.set_font('Mono', '', 8.5)
        pdf.multi_cell(0, 4.5, 'CONFIDENTIALITY NOTICE: This facsimile contains information that is law enforcement sensitive. '
                       'If you have received it in error, please notify the sender by telephone and destroy all copies.', border=1,
                       new_x='LMARGIN', new_y='NEXT')
        pdf.add_page(); pdf.set_font('Mono', '', 9.5)
        lh = 4.6
        pdf.multi_cell(0, lh, f'UNITED STATES DEPARTMENT OF COMMERCE\nBureau of Industry and Security\n{o[0]}\n{o[2]}\n{o[3]}\n\n'
                       f'{meta["date"]}\nRef: {meta["ref"]}\n\n' + '\n'.join(t) + f'\n\nRE: {SUBJECT[meta["kind"]]}\n\nDear Sir or Madam:\n',
                       new_x='LMARGIN', new_y='NEXT')
        for para in BODY[meta['kind']]:
            pdf.multi_cell(0, lh, para + '\n', new_x='LMARGIN', new_y='NEXT')
        pdf.multi_cell(0, lh, 'The parties are:\n', new_x='LMARGIN', new_y='NEXT')
        for i, p in enumerate(parties, 1):
            hs = hs_list(p, rng)
            lines = [p['name']]
            if p['alts']:
                lines.append('AKA: ' + '; '.join(p['alts']))
            lines += p['addr'] + [ctry(p, 'a').upper()]
            if hs:
                lines.append('HTS: ' + ', '.join(hs_form(h, 'hts10', rng) for h in hs))
            if pdf.get_y() + lh * (len(lines) + 2) > pdf.h - 20:
                pdf.add_page()
            pdf.set_x(pdf.l_margin); pdf.cell(10, lh, f'{i})')
            pdf.multi_cell(0, lh, '\n'.join(lines) + '\n', new_x='LMARGIN', new_y='NEXT')
            truth.append(party_truth(p, hs=hs))
        pdf.multi_cell(0, lh, '\nPlease acknowledge receipt of this letter by return fax.\n\nSincerely,\n\n\n'
                       f'{s[0]}\n{s[1]}', new_x='LMARGIN', new_y='NEXT')
        pdf.output(str(out))
    else:
        from reportlab.pdfgen import canvas
        from reportlab.lib.pagesizes import A4
        rl_register()
        W, H = A4
        c = canvas.Canvas(str(out), pagesize=A4)
        state = {'page': 1, 'y': H - 60}
        fs = 8.6; lh = 10.6; x0 = 42

        def stamp():
            c.setFont('LibM', 7)
            c.drawString(30, H - 22, f'{meta["date"]}  {stamp_time}  BIS OEE {o[1]}  {faxno}  #{rng.randint(1000, 9999)} P.{state["page"]:03d}')
            c.setFont('LibM', fs)

        def line(txt='', bold=False):
            if state['y'] < 50:
                c.showPage(); state['page'] += 1; state['y'] = H - 60; stamp()
            c.setFont('LibM-B' if bold else 'LibM', fs); c.drawString(x0, state['y'], txt); state['y'] -= lh
        stamp()
        c.setFont('LibM-B', 14); c.drawString(x0, state['y'], '*** F A X ***'); state['y'] -= 22
        for txt in [f'TO      : {t[0]} ({faxno})', f'FROM    : {o[0]}, {o[1]}', f'DATE    : {meta["date"]}',
                    f'OUR REF : {meta["ref"]}', f'SUBJECT : {SUBJECT[meta["kind"]]}', '=' * 92, '']:
            line(txt)
        line('Dear Sir or Madam:'); line()
        for para in BODY[meta['kind']]:
            for l in textwrap.wrap(para, 92):
                line(l)
            line()
        line('The following parties are the subject of this letter:'); line()
        w1, w2, w3 = 33, 33, 12
        sep = '+' + '-' * (w1 + 2) + '+' + '-' * (w2 + 2) + '+' + '-' * (w3 + 2) + '+' + '-' * 9 + '+'
        def row(a, b, cc, d, bold=False):
            line(f'| {a:<{w1}} | {b:<{w2}} | {cc:<{w3}} | {d:<7} |', bold)
        line(sep); row('ENTITY / ALSO KNOWN AS', 'ADDRESS', 'COUNTRY', 'HS', True); line(sep.replace('-', '='))
        for p in parties:
            hs = hs_list(p, rng)
            col1 = textwrap.wrap(p['name'], w1)
            for a in p['alts']:
                col1 += textwrap.wrap('A/K/A ' + a, w1, subsequent_indent='      ')
            col2 = []
            for a in p['addr']:
                col2 += textwrap.wrap(a, w2)
            col3 = textwrap.wrap(ctry(p, 'b').upper(), w3)
            n = max(len(col1), len(col2), len(col3), len(hs), 1)
            if state['y'] - lh * (n + 1) < 50:
                line(sep); c.showPage(); state['page'] += 1; state['y'] = H - 60; stamp()
                line(sep); row('ENTITY / ALSO KNOWN AS', 'ADDRESS', 'COUNTRY', 'HS', True); line(sep.replace('-', '='))
            for k in range(n):
                g = lambda L: L[k] if k < len(L) else ''
                row(g(col1), g(col2), g(col3), g(hs))
            line(sep)
            truth.append(party_truth(p, hs=hs))
        line(); line('Sincerely,'); line(); line(); line(s[0]); line(s[1]); line(o[0])
        c.showPage(); c.save()
    return truth


# =============================================================== L04 "1.1" numbering, country groups, "(cont.)" rows
class RLCanvas:
    def __init__(self, path, size, font, bold):
        from reportlab.pdfgen import canvas
        rl_register()
        self.c = canvas.Canvas(str(path), pagesize=size); self.W, self.H = size; self.f, self.b = font, bold

    def text(self, x, y, s, bold=False, size=8.5):
        self.c.setFont(self.b if bold else self.f, size); self.c.drawString(x, self.H - y, s)

    def width(self, s, bold=False, size=8.5):
        from reportlab.pdfbase.pdfmetrics import stringWidth
        return stringWidth(s, self.b if bold else self.f, size)

    def hline(self, x1, x2, y, w=0.5):
        self.c.setLineWidth(w); self.c.line(x1, self.H - y, x2, self.H - y)

    def vline(self, x, y1, y2):
        self.c.setLineWidth(0.5); self.c.line(x, self.H - y1, x, self.H - y2)

    def fill(self, x, y, w, h, grey=0.88):
        self.c.setFillGray(grey); self.c.rect(x, self.H - y - h, w, h, stroke=0, fill=1); self.c.setFillGray(0)

    def new_page(self):
        self.c.showPage()

    def save(self):
        self.c.showPage(); self.c.save()


class FPCanvas:
    def __init__(self, path, size, font, bold):
        from fpdf import FPDF
        self.path = path
        self.p = FPDF(unit='pt', format=size); fp_fonts(self.p); self.p.set_auto_page_break(False)
        self.p.add_page(); self.W, self.H = self.p.w, self.p.h; self.f = font

    def text(self, x, y, s, bold=False, size=8.5):
        self.p.set_font(self.f, 'B' if bold else '', size); self.p.text(x, y, s)

    def width(self, s, bold=False, size=8.5):
        self.p.set_font(self.f, 'B' if bold else '', size); return self.p.get_string_width(s)

    def hline(self, x1, x2, y, w=0.5):
        self.p.set_line_width(w); self.p.line(x1, y, x2, y)

    def vline(self, x, y1, y2):
        self.p.set_line_width(0.5); self.p.line(x, y1, x, y2)

    def fill(self, x, y, w, h, grey=0.88):
        g = int(grey * 255); self.p.set_fill_color(g, g, g); self.p.rect(x, y, w, h, style='F')

    def new_page(self):
        self.p.add_page()

    def save(self):
        self.p.output(str(self.path))


def wrap(cv, s, width, bold=False, size=8.5):
    words, lines, cur = s.split(' '), [], ''
    for w in words:
        t = (cur + ' ' + w).strip()
        if cv.width(t, bold, size) <= width or not cur:
            cur = t
        else:
            lines.append(cur); cur = w
    if cur:
        lines.append(cur)
    return lines


def L04(design, parties, rng, meta, out):
    truth = []
    from reportlab.lib.pagesizes import letter, A4
    if design == 'a':
        cover = cover_pages(meta, 'a'); ann = TMP / f'L04a{rng.randint(0, 10**6)}.pdf'
        cv = RLCanvas(ann, letter, 'LibSans', 'LibSans-B')
        cols = [('No.', 40), ('Entity', 190), ('Address', 190), ('HS codes', 92)]
        cont = '(cont.)'; grp_fmt = lambda n, c: f'{n}.  {c.upper()}'; form = 'dot'; title = f'ATTACHMENT 1 TO LETTER {meta["ref"]}'
        sz = 8.5
    else:
        cover = cover_pages(meta, 'b'); ann = TMP / f'L04b{rng.randint(0, 10**6)}.pdf'
        cv = FPCanvas(ann, 'A4', 'DejaVuCond', 'DejaVuCond')
        cols = [('Ref.', 46), ('Registered address', 170), ('Name and other names', 200), ('Tariff lines', 90)]
        cont = '(continued)'; grp_fmt = lambda n, c: f'Section {n} - {c}'; form = 'hts8'; title = 'Annex A. Parties of diversion concern, by jurisdiction'
        sz = 8
    W, H = cv.W, cv.H
    x0 = (W - sum(w for _, w in cols)) / 2
    xs = [x0]
    for _, w in cols:
        xs.append(xs[-1] + w)
    lh = sz * 1.3
    top, bottom = 70, H - 55
    y = top
    page = [1]

    def header(first=False):
        nonlocal y
        y = top if not first else top
        if first:
            cv.text(x0, y - 20, title, True, 10)
        cv.fill(x0, y, xs[-1] - x0, lh + 4)
        for (h, _), x in zip(cols, xs):
            cv.text(x + 3, y + lh, h, True, sz)
        cv.hline(x0, xs[-1], y); y += lh + 4; cv.hline(x0, xs[-1], y)
        cv.text(x0, H - 30, f'{meta["ref"]} - page {page[0]} of the attachment', False, 7)

    def newpage():
        cv.new_page(); page[0] += 1; header()

    header(True)
    groups = {}
    for p in parties:
        groups.setdefault(p['country'], []).append(p)
    for gi, (cc, plist) in enumerate(groups.items(), 1):
        cname = CNAME[cc][0 if design == 'a' else 1]
        if y + 3 * lh > bottom:
            newpage()
        cv.text(x0 + 3, y + lh, grp_fmt(gi, cname), True, sz + 0.5); y += lh + 3; cv.hline(x0, xs[-1], y)
        for pi, p in enumerate(plist, 1):
            hs = hs_list(p, rng, rng.choice([1, 2, 3, 4]))
            ent = [(l, True) for l in wrap(cv, p['name'], cols[1 if design == 'a' else 2][1] - 6, True, sz)]
            for a in p['alts']:
                ent += [(l, False) for l in wrap(cv, 'a.k.a. ' + a, cols[1 if design == 'a' else 2][1] - 6, False, sz)]
            adr = []
            for a in p['addr']:
                adr += wrap(cv, a, cols[2 if design == 'a' else 1][1] - 6, False, sz)
            adr = [(l, False) for l in adr]
            hsl = [(hs_form(h, form, rng), False) for h in hs]
            cells = [[(f'{gi}.{pi}', False)], ent, adr, hsl] if design == 'a' else [[(f'{gi}.{pi}', False)], adr, ent, hsl]
            k = 0
            n = max(len(c) for c in cells)
            first_part = True
            while k < n:
                room = int((bottom - y - 4) // lh)
                if room < 1:
                    for x in xs:
                        pass
                    newpage()
                    cv.text(x0 + 3, y + lh, grp_fmt(gi, cname) + ' ' + cont, True, sz + 0.5); y += lh + 3; cv.hline(x0, xs[-1], y)
                    continue
                take = min(room, n - k)
                y0 = y
                for ci, cell in enumerate(cells):
                    if ci == 0:
                        lab = cell[0][0] if first_part else f'{cell[0][0]} {cont}'
                        for li, l in enumerate(wrap(cv, lab, cols[0][1] - 6, False, sz)):
                            cv.text(xs[0] + 3, y0 + lh * (li + 1), l, False, sz)
                        continue
                    for li in range(k, min(k + take, len(cell))):
                        cv.text(xs[ci] + 3, y0 + lh * (li - k + 1), cell[li][0], cell[li][1], sz)
                y = y0 + lh * take + 4
                for x in xs:
                    cv.vline(x, y0, y)
                cv.hline(x0, xs[-1], y)
                k += take; first_part = False
            truth.append(party_truth(p, hs=hs))
    cv.save()
    unite([cover, ann], out)
    return truth


# =============================================================== L05 redacted rows beside real rows
def L05(design, parties, rng, meta, out):
    truth = []
    n = len(parties)
    red_rows = set(rng.sample(range(1, n + 2), 2))  # positions (in the printed order) of fully redacted rows
    if design == 'a':
        from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, PageBreak
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.pagesizes import letter
        from reportlab.lib import colors
        from xml.sax.saxutils import escape
        rl_register()
        cs = ParagraphStyle('c', fontName='DVSerif', fontSize=7.8, leading=9.6)
        wh = ParagraphStyle('w', parent=cs, textColor=colors.white, fontSize=6.5)
        data = [[Paragraph(f'<font name="DVSerif-B">{h}</font>', cs) for h in ['Ref.', 'Party', 'Other names', 'Address', 'Country', 'HS codes']]]
        style = [('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP')]
        pi = 0; hs_red = rng.randrange(n)
        for pos in range(1, n + 3):
            ref = f'{meta["ref"][-4:]}-{pos:02d}'
            if pos in red_rows:
                data.append([Paragraph(ref, cs), Paragraph('(b)(7)(E)', wh), '', '', '', ''])
                r = len(data) - 1
                style += [('BACKGROUND', (1, r), (-1, r), colors.black), ('SPAN', (1, r), (-1, r)), ('ROWPADDING', (0, r), (-1, r), 8)]
                continue
            if pi >= n:
                continue
            p = parties[pi]; hs = hs_list(p, rng, rng.choice([1, 2, 3]))
            data.append([Paragraph(ref, cs), Paragraph(escape(p['name']), cs), Paragraph('<br/>'.join(escape(a) for a in p['alts']), cs),
                         Paragraph(escape(', '.join(p['addr'])), cs), Paragraph(ctry(p, 'a'), cs),
                         Paragraph(' '.join(hs_form(h, 'plain', rng) for h in hs), cs)])
            if pi == hs_red:
                style += [('BACKGROUND', (5, len(data) - 1), (5, len(data) - 1), colors.black)]
                data[-1][5] = ''
                hs = []
            truth.append(party_truth(p, hs=hs)); pi += 1
        t = Table(data, colWidths=[50, 120, 105, 140, 55, 52], repeatRows=1); t.setStyle(TableStyle(style))
        hd = ParagraphStyle('h', fontName='DVSerif-B', fontSize=10, alignment=1, spaceAfter=4)
        nt = ParagraphStyle('n', fontName='DVSerif', fontSize=7.5, alignment=1, spaceAfter=8)
        doc = SimpleDocTemplate(str(out), pagesize=letter, leftMargin=40, rightMargin=40, topMargin=50, bottomMargin=50)
        doc.build(rl_cover(meta, 'DVSerif', 'DVSerif-B', 10) + [PageBreak(), Paragraph('ANNEX (RELEASABLE VERSION)', hd),
                  Paragraph('Entries withheld under 5 U.S.C. 552(b)(7)(E) are shown as redacted.', nt), t])
    else:
        rows = []
        pi = 0
        for pos in range(1, n + 3):
            if pos in red_rows:
                rows.append('<tr>' + ''.join(f'<td><span class="rx" style="width:{rng.randint(50, 95)}%">&nbsp;</span></td>' for _ in range(5)) + '</tr>')
                continue
            if pi >= n:
                continue
            p = parties[pi]; hs = hs_list(p, rng)
            alts = [esc(a) for a in p['alts']]
            shown = list(p['alts'])
            if alts and rng.random() < 0.5:
                k = rng.randrange(len(alts) + 1)
                alts.insert(k, f'<span class="rx" style="width:{rng.randint(40, 80)}px">&nbsp;</span>')
            rows.append(f'<tr><td>{esc(p["name"])}</td><td>{"<br>".join(esc(x) for x in p["addr"])}</td><td>{ctry(p, "b")}</td>'
                        f'<td>{"; ".join(alts)}</td><td>{", ".join(hs_form(h, "hts8", rng) for h in hs)}</td></tr>')
            truth.append(party_truth(p, aliases=shown, hs=hs)); pi += 1
        css = BASE_CSS % {'font': 'Liberation Sans', 'size': '10pt'} + page_css('A4', '16mm') + """
.t td,.t th{border:1px solid #555;font-size:8.5pt;padding:3px;vertical-align:top}.t th{background:#333;color:#fff}
.rx{display:inline-block;background:#000;height:1.05em;vertical-align:middle}.stamp{color:#a00;font-weight:bold;text-align:right}"""
        annex = (f'<div class="annex"><p class="stamp">LAW ENFORCEMENT SENSITIVE - REDACTED COPY</p><h2>Schedule of Parties</h2>'
                 f'<table class="t"><tr><th>Name</th><th>Address</th><th>Jurisdiction</th><th>Also known as</th><th>Codes</th></tr>{"".join(rows)}</table>'
                 f'<p style="font-size:8pt">Redactions: 5 U.S.C. 552(b)(7)(E).</p></div>')
        chromium_pdf(f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{html_cover(meta)}{annex}</body></html>', out)
    return truth


# =============================================================== L06 long "Reason for inclusion" column with other names in it
REASONS = [
 "Between {m1} and {m2} the party re-exported {n} shipments of items classified under {hs} to {rus}, {rcity}, Russia, "
 "including items of U.S. origin first sold by {exp}.",
 "Customs data show {n} consignments to {rus} ({rcity}) routed through {port}; declared goods include {hs}. The party "
 "shares a telephone number with a company previously identified by BIS.",
 "Identified as freight forwarder and consignee for {rus}, {rcity}; at least {n} transactions since {m1} ({hs}).",
 "The party's website advertises delivery of electronic components to customers in the Russian Federation. Shipments to "
 "{rus} recorded in {m2}: {hs}.",
]
PORTS = ['Vladivostok', 'Novorossiysk', 'Saint Petersburg', 'Yerevan (by road)', 'Almaty', 'Bishkek', 'Istanbul Airport', 'Jebel Ali']


def reason(rng, hs_txt, rus, exp):
    m = lambda: f'{rng.choice(MONTHS)} {rng.choice([2022, 2023, 2024])}'
    return rng.choice(REASONS).format(m1=m(), m2=m(), n=rng.randint(3, 140), hs=hs_txt, rus=rus['name'],
                                      rcity=rus['addr'][-1].split(' ')[0].rstrip(','), port=rng.choice(PORTS), exp=exp)


def L06(design, parties, rng, meta, out, russians=None):
    truth = []
    exp = meta['to'][0]
    if design == 'a':
        rows = []
        for i, p in enumerate(parties, 1):
            hs = hs_list(p, rng, rng.choice([1, 2, 3]))
            hs_txt = ' and '.join(', '.join(f'HS {dotted(h)}' for h in hs).rsplit(', ', 1)) if hs else 'electronic components'
            al = ''.join(f'<br><i>also: {esc(a)}</i>' for a in p['alts'])
            rows.append(f'<tr><td>{i}</td><td><b>{esc(p["name"])}</b>{al}</td><td>{"<br>".join(esc(x) for x in p["addr"])}</td>'
                        f'<td>{ctry(p, "a")}</td><td class="r">{esc(reason(rng, hs_txt, russians[i - 1], exp))}</td></tr>')
            truth.append(party_truth(p, hs=hs))
        css = BASE_CSS % {'font': 'Liberation Serif', 'size': '11pt'} + page_css('Letter', '0.8in') + """
.t td,.t th{border:1px solid #777;font-size:8.5pt;padding:3px 4px;vertical-align:top}.t th{background:#e4e4e4}.t td.r{width:38%}"""
        annex = (f'<div class="annex"><h2>Attachment: Parties identified and reason for inclusion</h2><table class="t"><thead><tr><th>#</th><th>Party</th>'
                 f'<th>Address</th><th>Country</th><th>Reason for inclusion</th></tr></thead>{"".join(rows)}</table></div>')
        chromium_pdf(f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{html_cover(meta)}{annex}</body></html>', out)
    else:
        import docx
        from docx.shared import Pt, Cm
        from docx.enum.section import WD_ORIENT
        d = docx.Document()
        st = d.styles['Normal']; st.font.name = 'Liberation Sans'; st.font.size = Pt(10)
        sec = d.sections[0]; sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        dx_cover(d, meta)
        ns = d.add_section(); ns.orientation = WD_ORIENT.LANDSCAPE; ns.page_width, ns.page_height = Cm(29.7), Cm(21)
        ns.left_margin = ns.right_margin = Cm(1.6)
        p = d.add_paragraph(); p.add_run('ANNEX - BASIS FOR IDENTIFICATION OF EACH PARTY').bold = True
        t = d.add_table(rows=1, cols=5); t.style = 'Table Grid'
        for c, h in zip(t.rows[0].cells, ['Country', 'Name', 'Address', 'Aliases', 'Basis for identification']):
            c.text = ''; c.paragraphs[0].add_run(h).bold = True
        for i, p in enumerate(parties, 1):
            hs = hs_list(p, rng, rng.choice([1, 2, 3]))
            hs_txt = ', '.join(f'HTS {hs_form(h, "hts10", rng)}' for h in hs) or 'dual-use items'
            r = t.add_row().cells
            r[0].text = ctry(p, 'b'); r[1].text = p['name']; r[2].text = '\n'.join(p['addr']); r[3].text = '\n'.join(p['alts'])
            r[4].text = reason(rng, hs_txt, russians[i - 1], exp)
            truth.append(party_truth(p, hs=hs))
        for row in t.rows:
            for c, w in zip(row.cells, [2.6, 5, 5.5, 4.5, 8.8]):
                c.width = Cm(w)
                for para in c.paragraphs:
                    for run in para.runs:
                        run.font.size = Pt(8.5)
        x = TMP / f'L06b{rng.randint(0, 10**6)}.docx'; d.save(x); soffice_pdf(x, out)
    return truth


# =============================================================== L07 HS ranges and abbreviated lists in a per-party column
def hs_groups(rng):
    heads = {}
    for r in CHPL:
        heads.setdefault(r['hs6'][:4], []).append(r['hs6'])
    multi = [h for h, v in heads.items() if len(v) >= 2]
    groups = []
    for _ in range(rng.choice([1, 1, 2])):
        h = rng.choice(multi if rng.random() < 0.75 else list(heads))
        v = sorted(rng.sample(heads[h], min(len(heads[h]), rng.choice([2, 3]))))
        if any(g[0][:4] == h for g in groups):
            continue
        groups.append(v)
    return groups


def hs_print(groups, rng, design):
    """Returns (printed text, truth codes). Range -> both printed ends only; abbreviated list -> every code."""
    parts, codes = [], []
    for g in groups:
        if len(g) == 1:
            parts.append(dotted(g[0]) if design == 'a' else g[0]); codes.append(g[0]); continue
        if rng.random() < 0.5:  # range
            if design == 'a':
                parts.append(f'{dotted(g[0])}\u2013{dotted(g[-1])}')
            else:
                parts.append(f'{g[0]} to {g[-1]}')
            codes += [g[0], g[-1]]
        else:
            if design == 'a':
                parts.append(dotted(g[0]) + ''.join('/.' + x[4:] for x in g[1:]))
            else:
                parts.append(dotted(g[0]) + ''.join(', ' + x[4:] for x in g[1:]))
            codes += g
    return ('; ' if design == 'a' else ' and ').join(parts), sorted(set(codes))


def L07(design, parties, rng, meta, out):
    truth = []
    if design == 'a':
        from fpdf import FPDF, FontFace
        pdf = FPDF(format='A4'); fp_fonts(pdf); pdf.set_auto_page_break(True, 15); pdf.add_page()
        fp_cover(pdf, meta, 'LSerif', 11)
        pdf.add_page(); pdf.set_font('DejaVu', 'B', 10)
        pdf.cell(0, 7, f'ANNEX TO {meta["ref"]}: PARTIES AND CHPL SUBHEADINGS CONCERNED', new_x='LMARGIN', new_y='NEXT')
        pdf.set_font('DejaVu', '', 7.5)
        pdf.multi_cell(0, 4, 'Note: "8542.31\u20138542.39" denotes the range of subheadings between the two codes; '
                       '"8542.31/.32" denotes subheadings 8542.31 and 8542.32.', new_x='LMARGIN', new_y='NEXT')
        pdf.ln(2); pdf.set_font('DejaVu', '', 8)
        with pdf.table(col_widths=(62, 64, 22, 42), line_height=4.2,
                       headings_style=FontFace(emphasis='BOLD', fill_color=(220, 220, 235))) as tb:
            tb.row(['Name', 'Address', 'Ctry', 'HS subheadings'])
            for p in parties:
                txt, codes = hs_print(hs_groups(rng), rng, 'a')
                nm = p['name'] + ('\nAlias: ' + '; '.join(p['alts']) if p['alts'] else '')
                tb.row([nm, '\n'.join(p['addr']), ctry(p, 'a'), txt])
                truth.append(party_truth(p, hs=codes))
        pdf.output(str(out))
    else:
        rows = []
        for p in parties:
            txt, codes = hs_print(hs_groups(rng), rng, 'b')
            rows.append(f'<tr><td>{esc(p["name"])}</td><td>{"<br>".join(esc(a) for a in p["alts"]) or "&mdash;"}</td>'
                        f'<td>{esc(", ".join(p["addr"]))}</td><td>{ctry(p, "b")}</td><td>{esc(txt)}</td></tr>')
            truth.append(party_truth(p, hs=codes))
        css = BASE_CSS % {'font': 'DejaVu Serif', 'size': '9.5pt'} + page_css('Letter', '0.75in') + """
.t td,.t th{border-top:1px solid #999;border-bottom:1px solid #999;font-size:8pt;padding:4px;vertical-align:top;text-align:left}
.t th{border-bottom:2px solid #000;font-variant:small-caps}"""
        annex = (f'<div class="annex"><h2>Enclosure &mdash; Parties and Tariff Classification of Items Concerned</h2>'
                 f'<table class="t"><thead><tr><th>Party</th><th>Aliases</th><th>Registered office</th><th>Country</th>'
                 f'<th>Tariff classification (HS-6)</th></tr></thead>{"".join(rows)}</table>'
                 f'<p style="font-size:7.5pt">"854231 to 854239" covers all subheadings in that range.</p></div>')
        chromium_pdf(f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{html_cover(meta)}{annex}</body></html>', out)
    return truth


# =============================================================== L08 Federal Register Entity List excerpt
FR_C = {'CN': "CHINA, PEOPLE'S REPUBLIC OF", 'HK': 'HONG KONG', 'TR': 'TURKEY', 'AE': 'UNITED ARAB EMIRATES',
        'RU': 'RUSSIA', 'BY': 'BELARUS', 'CY': 'CYPRUS', 'CH': 'SWITZERLAND', 'IN': 'INDIA', 'TW': 'TAIWAN'}
NUMW = {2: 'two', 3: 'three', 4: 'four'}


def fr_entity(p, html=True):
    nm = esc(p['name']) if html else p['name']
    al = [esc(a) if html else a for a in p['alts']]
    br = '<br>' if html else ' '
    if not al:
        s = nm + ','
    elif len(al) == 1:
        s = f'{nm}, a.k.a., {al[0]},'
    else:
        s = f'{nm}, a.k.a., the following {NUMW.get(len(al), str(len(al)))} aliases:'
        for i, a in enumerate(al):
            s += br + '\u2014' + a + (';' if i < len(al) - 2 else ('; and' if i == len(al) - 2 else '.'))
    addr = ', '.join(p['addr']) + ', ' + CNAME[p['country']][1]
    return s + (br if len(al) > 1 else ' ') + (esc(addr) if html else addr) + '.', addr


def L08(design, parties, rng, meta, out):
    truth = []
    vol = rng.randint(88, 90); page0 = rng.randint(10000, 90000)
    fr_date = f'{rng.choice(MONTHS)} {rng.randint(1, 28)}, {2023 + vol - 88}'
    cite = f'{vol} FR {page0 + rng.randint(0, 40)}, {rng.randint(1, 12)}/{rng.randint(1, 28)}/{str(2023 + vol - 88)[2:]}.'
    lr = 'For all items subject to the EAR. (See \u00a7\u00a7 734.9(g) and 744.21(b) of the EAR).'
    lp = 'Policy of denial for all items subject to the EAR apart from food and medicine designated as EAR99.'
    groups = {}
    for p in parties:
        groups.setdefault(p['country'], []).append(p)
    if design == 'a':
        rows = []
        for cc, pl in sorted(groups.items(), key=lambda kv: FR_C.get(kv[0], CNAME[kv[0]][1].upper())):
            for i, p in enumerate(pl):
                ent, addr = fr_entity(p)
                rows.append(f'<tr><td>{FR_C.get(cc, CNAME[cc][1].upper()) if i == 0 else ""}</td><td>{ent}</td><td>{lr}</td><td>{lp}</td><td>{cite}</td></tr>')
                truth.append(party_truth(p, address=addr))
        css = BASE_CSS % {'font': 'Liberation Serif', 'size': '11pt'} + page_css('Letter', '0.7in') + """
.fr{font-family:'Liberation Serif';font-size:8pt}.fr .rh{border-bottom:1px solid #000;display:flex;justify-content:space-between;font-size:7.5pt;margin-bottom:6px}
.fr .cols{column-count:3;column-gap:14px;text-align:justify;font-size:8pt}
.fr table{margin-top:8px}.fr td,.fr th{font-size:7.5pt;padding:2px 4px;vertical-align:top;border-bottom:0.5px solid #888}
.fr th{border-top:1.5px solid #000;border-bottom:1px solid #000;font-weight:normal;text-align:center}
.fr td:nth-child(1){width:12%}.fr td:nth-child(2){width:40%}"""
        prose = ('<b>PART 744&mdash;CONTROL POLICY: END-USER AND END-USE BASED</b><br>1. The authority citation for 15 CFR part 744 '
                 'continues to read as follows: Authority: 50 U.S.C. 4801&ndash;4852; 50 U.S.C. 1701 et seq.<br>2. Supplement No. 4 to '
                 'part 744 is amended by adding, in alphabetical order, the following entries under the destinations listed below, '
                 'to read as follows:<br><b>Supplement No. 4 to Part 744&mdash;Entity List</b><br>* * * * *')
        fr = (f'<div class="annex fr"><p style="font-size:9pt"><b>Attachment.</b> The parties named in this letter were added to the '
              f'Entity List by the rule excerpted below.</p><div class="rh"><span>{page0}</span><span>Federal Register / Vol. {vol}, '
              f'No. {rng.randint(1, 250)} / {fr_date} / Rules and Regulations</span></div><div class="cols">{prose}</div>'
              f'<table><thead><tr><th>Country</th><th>Entity</th><th>License requirement</th><th>License review policy</th>'
              f'<th>Federal Register citation</th></tr></thead>{"".join(rows)}</table><p>* * * * *</p></div>')
        chromium_pdf(f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{html_cover(meta)}{fr}</body></html>', out)
    else:
        from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, PageBreak, Spacer
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.pagesizes import A4
        from reportlab.lib import colors
        from xml.sax.saxutils import escape
        rl_register()
        cs = ParagraphStyle('c', fontName='LibS', fontSize=7.8, leading=9.4)
        data = [[Paragraph(h, cs) for h in ['Country', 'Entity', 'License requirement', 'License review policy', 'Federal Register citation']]]
        for cc, pl in groups.items():
            for i, p in enumerate(pl):
                ent, addr = fr_entity(p, html=False)
                data.append([Paragraph(FR_C.get(cc, CNAME[cc][1].upper()) if i == 0 else '', cs), Paragraph(escape(ent), cs),
                             Paragraph(escape(lr), cs), Paragraph(escape(lp), cs), Paragraph(escape(cite), cs)])
                truth.append(party_truth(p, address=addr))
        t = Table(data, colWidths=[70, 190, 95, 95, 70], repeatRows=1)
        t.setStyle(TableStyle([('LINEABOVE', (0, 0), (-1, 0), 1.2, colors.black), ('LINEBELOW', (0, 0), (-1, 0), 0.6, colors.black),
                               ('VALIGN', (0, 0), (-1, -1), 'TOP'), ('LINEBELOW', (0, -1), (-1, -1), 0.6, colors.black)]))
        hd = ParagraphStyle('h', fontName='LibS-B', fontSize=9.5, alignment=1, spaceAfter=6)
        sm = ParagraphStyle('s', fontName='LibS', fontSize=8, leading=10, spaceAfter=6)
        doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=45, rightMargin=45, topMargin=50, bottomMargin=50)
        doc.build(rl_cover(meta, 'LibS', 'LibS-B', 11) + [PageBreak(), Paragraph('Supplement No. 4 to Part 744\u2014Entity List (excerpt)', hd),
                  Paragraph(f'Source: Federal Register, Vol. {vol}, {fr_date}, page {page0}. Entries for the parties identified in this letter.', sm), t])
    return truth


# =============================================================== L09 e-mail printout with the letter forwarded
def L09(design, parties, rng, meta, out):
    import textwrap
    truth = []
    o, t, s = meta['office'], meta['to'], meta['signer']
    dom = t[0].split()[0].lower()
    fw = rng.choice(['Jennifer Aldana', 'Marcus Feld', 'Priya Raman', 'Owen Strickland'])
    first, last = s[0].split()[0].lower(), s[0].split()[-1].lower()
    if design == 'a':
        rows = []
        for p in parties:
            hs = hs_list(p, rng)
            rows.append(f'<tr><td>{esc(p["name"])}</td><td>{esc(", ".join(p["alts"]))}</td><td>{esc(", ".join(p["addr"]))}</td>'
                        f'<td>{ctry(p, "a")}</td><td>{"<br>".join(dotted(h) for h in hs)}</td></tr>')
            truth.append(party_truth(p, hs=hs))
        body = ''.join(f'<p>{esc(b)}</p>' for b in BODY[meta['kind']])
        css = """@page{size:Letter;margin:0.6in}body{font-family:'Liberation Sans';font-size:10.5pt}
.who{font-size:13pt;font-weight:bold;border-bottom:3px solid #000;padding-bottom:3px;margin-bottom:10px}
.hdr td{font-size:10pt;padding:0 6px 0 0;vertical-align:top}.hdr td.k{font-weight:bold;width:90px}
.orig{border-top:1px solid #b5c4df;margin-top:14px;padding-top:6px}
.pt{border-collapse:collapse}.pt td{border:1px solid #000;padding:2px 5px;font-size:9.5pt;vertical-align:top}.pt tr:first-child td{font-weight:bold;background:#deeaf6}"""
        h = f"""<div class="who">{fw}</div>
<table class="hdr"><tr><td class="k">From:</td><td>{fw} &lt;{fw.split()[0][0].lower()}{fw.split()[1].lower()}@{dom}.com&gt;</td></tr>
<tr><td class="k">Sent:</td><td>{meta['date']} 9:{rng.randint(10, 59)} AM</td></tr><tr><td class="k">To:</td><td>Order Management; Sales Operations</td></tr>
<tr><td class="k">Subject:</td><td>FW: {esc(SUBJECT[meta['kind']])} [{meta['ref']}]</td></tr><tr><td class="k">Attachments:</td><td>{meta['ref']}.pdf</td></tr></table>
<p>All,</p><p>Please see the message from BIS below. Effective immediately, place every company in the table on order hold and route
any open quotation to Trade Compliance. Do not contact the customers about this message.</p><p>Thanks,<br>{fw.split()[0]}</p>
<div class="orig"><table class="hdr"><tr><td class="k">From:</td><td>{first}.{last}@bis.doc.gov</td></tr>
<tr><td class="k">Sent:</td><td>{meta['date']} 4:{rng.randint(10, 59)} PM</td></tr><tr><td class="k">To:</td><td>compliance@{dom}.com</td></tr>
<tr><td class="k">Subject:</td><td>{esc(SUBJECT[meta['kind']])} [{meta['ref']}]</td></tr></table>
<p>Dear Sir or Madam,</p>{body}<table class="pt"><tr><td>Company</td><td>Also known as</td><td>Address</td><td>Country</td><td>HS Code(s)</td></tr>
{''.join(rows)}</table><p>A signed copy of this letter is attached.</p>
<p>Regards,<br>{s[0]}<br>{s[1]}<br>{o[0]}, {o[1]}<br>{o[2]}, {o[3]}</p></div>"""
        chromium_pdf(f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{h}</body></html>', out)
    else:
        from fpdf import FPDF
        pdf = FPDF(format='A4'); fp_fonts(pdf); pdf.set_margins(15, 12, 15); pdf.set_auto_page_break(True, 15)
        pdf.add_page()
        user = f'{fw.split()[0].lower()}@{dom}.com'
        pdf.set_font('DejaVu', '', 7); pdf.cell(0, 4, f'{meta["date"]}, 10:{rng.randint(10, 59)} AM', new_x='LMARGIN', new_y='NEXT')
        pdf.set_font('DejaVu', 'B', 16); pdf.cell(90, 10, 'Gmail'); pdf.set_font('DejaVu', '', 9)
        pdf.cell(0, 10, f'{fw} <{user}>', align='R', new_x='LMARGIN', new_y='NEXT')
        pdf.line(15, pdf.get_y(), 195, pdf.get_y()); pdf.ln(2)
        pdf.set_font('DejaVu', 'B', 12); pdf.multi_cell(0, 6, f'Fwd: {SUBJECT[meta["kind"]]} - {meta["ref"]}', new_x='LMARGIN', new_y='NEXT')
        pdf.set_font('DejaVu', '', 8); pdf.cell(0, 5, '1 message', new_x='LMARGIN', new_y='NEXT')
        pdf.line(15, pdf.get_y(), 195, pdf.get_y()); pdf.ln(2)
        pdf.set_font('DejaVu', 'B', 9); pdf.cell(100, 5, f'{fw} <{user}>'); pdf.set_font('DejaVu', '', 8)
        pdf.cell(0, 5, meta['date'], align='R', new_x='LMARGIN', new_y='NEXT')
        pdf.cell(0, 5, f'To: export-team@{dom}.com', new_x='LMARGIN', new_y='NEXT'); pdf.ln(3)
        pdf.set_font('Mono', '', 8.6)
        L = ['FYI -- letter from BIS received this morning. Holds placed in ERP.', '',
             '---------- Forwarded message ---------', f'From: {s[0]} <{first}.{last}@bis.doc.gov>',
             f'Date: {meta["date"]}', f'Subject: {SUBJECT[meta["kind"]]} - {meta["ref"]}', f'To: <compliance@{dom}.com>', '']
        q = ['Dear Sir or Madam,', '']
        for b in BODY[meta['kind']]:
            q += textwrap.wrap(b, 84) + ['']
        q += ['Parties:', '']
        for i, p in enumerate(parties, 1):
            hs = hs_list(p, rng)
            head = f'{i}. {p["name"]}' + (' (aka ' + '; aka '.join(p['alts']) + ')' if p['alts'] else '')
            q += textwrap.wrap(head, 84, subsequent_indent='   ')
            q += textwrap.wrap(', '.join(p['addr']), 84, initial_indent='   ', subsequent_indent='   ')
            q += [f'   {ctry(p, "b")}' + (' -- HS ' + ', '.join(hs) if hs else ''), '']
            truth.append(party_truth(p, hs=hs))
        q += ['Regards,', '', s[0], s[1], f'{o[0]}, {o[1]}', o[2], o[3]]
        for l in L + ['> ' + x if x else '>' for x in q]:
            pdf.cell(0, 4.1, l, new_x='LMARGIN', new_y='NEXT')
        pdf.output(str(out))
    return truth


# =============================================================== L10 transposed table: parties as columns
def L10(design, parties, rng, meta, out):
    truth = []
    per = 3 if design == 'a' else 4
    blocks = [parties[i:i + per] for i in range(0, len(parties), per)]
    if design == 'a':
        import docx
        from docx.shared import Pt, Inches
        d = docx.Document(); st = d.styles['Normal']; st.font.name = 'Liberation Serif'; st.font.size = Pt(11)
        sec = d.sections[0]; sec.page_width, sec.page_height = Inches(8.5), Inches(11)
        dx_cover(d, meta)
        d.add_page_break()
        p = d.add_paragraph(); p.add_run(f'ANNEX 1 TO BIS LETTER {meta["ref"]}').bold = True
        k = 0
        for b in blocks:
            t = d.add_table(rows=6, cols=per + 1); t.style = 'Table Grid'
            labels = ['', 'Name', 'Also known as', 'Address', 'Country', 'HS-6']
            for r, lab in enumerate(labels):
                t.cell(r, 0).text = ''; t.cell(r, 0).paragraphs[0].add_run(lab).bold = True
            for j, p in enumerate(b, 1):
                k += 1
                hs = hs_list(p, rng)
                vals = [f'Party {chr(64 + k)}' if k <= 26 else f'Party {k}', p['name'], '\n'.join(p['alts']) or 'None known',
                        '\n'.join(p['addr']), ctry(p, 'a'), ', '.join(dotted(h) for h in hs) or '\u2014']
                for r, v in enumerate(vals):
                    t.cell(r, j).text = ''
                    run = t.cell(r, j).paragraphs[0].add_run(v); run.bold = (r == 0)
                truth.append(party_truth(p, hs=hs))
            for row in t.rows:
                for c in row.cells:
                    for para in c.paragraphs:
                        for run in para.runs:
                            run.font.size = Pt(9)
            d.add_paragraph('')
        x = TMP / f'L10a{rng.randint(0, 10**6)}.docx'; d.save(x); soffice_pdf(x, out)
    else:
        html = ''
        k = 0
        for b in blocks:
            cells = {r: [] for r in ['Entity', 'Aliases', 'Street', 'City', 'Country', 'CHPL HS']}
            hdr = []
            for p in b:
                k += 1; hs = hs_list(p, rng)
                hdr.append(f'<th>No. {k}</th>')
                vals = [p['name'], '<br>'.join(esc(a) for a in p['alts']), p['addr'][0], p['addr'][1], ctry(p, 'b'), ' '.join(hs)]
                for r, v in zip(cells, vals):
                    cells[r].append(f'<td>{v if r == "Aliases" else esc(v)}</td>')
                truth.append(party_truth(p, hs=hs))
            html += ('<table class="m"><tr><th></th>' + ''.join(hdr) + '</tr>' +
                     ''.join(f'<tr><th class="l">{r}</th>{"".join(v)}</tr>' for r, v in cells.items()) + '</table>')
        css = BASE_CSS % {'font': 'DejaVu Sans', 'size': '9.5pt'} + page_css('A4 landscape', '14mm') + """
.m{margin-bottom:14px;table-layout:fixed;page-break-inside:avoid}.m td,.m th{border:1px solid #888;font-size:8pt;padding:3px;vertical-align:top;text-align:left}
.m th{background:#eef}.m th.l{width:70px;background:#f4f4f4}"""
        annex = f'<div class="annex"><h2>Attachment &ndash; identified parties</h2>{html}</div>'
        chromium_pdf(f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{html_cover(meta)}{annex}</body></html>', out)
    return truth


# =============================================================== main
LAYOUTS = [  # (id, func, name, kind, n parties a, n parties b, countries)
    ('01', L01, 'spreadsheet', 'supplier', 10, 9, None),
    ('02', L02, 'alias-subrows', 'redflag', 7, 8, None),
    ('03', L03, 'fax', 'informed', 6, 7, None),
    ('04', L04, 'numbered-cont', 'supplier', 19, 18, None),
    ('05', L05, 'redacted', 'guardian', 6, 7, None),
    ('06', L06, 'reason-column', 'redflag', 6, 6, 'nonru'),
    ('07', L07, 'hs-ranges', 'informed', 7, 6, None),
    ('08', L08, 'federal-register', 'informed', 7, 8, None),
    ('09', L09, 'email', 'guardian', 5, 6, None),
    ('10', L10, 'transposed', 'supplier', 7, 8, None),
]
SCANS = {'a': [('02', 6, 200), ('04', 12, 225), ('08', 6, 200)], 'b': [('01', 7, 200), ('05', 5, 225), ('10', 6, 200)]}
NONRU = set(CNAME) - {'RU'}


def build(drawer, lid, design, rng, out, n, countries=None):
    func, name, kind = {l[0]: (l[1], l[2], l[3]) for l in LAYOUTS}[lid]
    # mostly third-country parties; about one in six may be a Russian entity
    parties = []
    for _ in range(n):
        allow = NONRU if (countries == 'nonru' or rng.random() < 0.83) else {'RU'}
        parties += drawer.take(1, rng, 3 if design == 'a' else 4, allow)
    meta = letter_meta(rng, kind)
    if func is L06:
        return func(design, parties, rng, meta, out, russians=drawer.take(n, rng, 0, {'RU'}))
    return func(design, parties, rng, meta, out)


def main():
    drawer = Drawer()
    for design, half in [('a', 'dev'), ('b', 'heldout')]:
        d = OUT / half
        d.mkdir(parents=True, exist_ok=True)
        for f in d.glob('*'):
            f.unlink()
        for lid, func, name, kind, na, nb, cc in LAYOUTS:
            rng = random.Random(f'{SEED}-{design}-{lid}')
            out = d / f'i{design}{lid}_{name}.pdf'
            truth = build(drawer, lid, design, rng, out, na if design == 'a' else nb, cc)
            write_truth(out, truth)
            print(out.name, len(truth))
        for k, (lid, n, dpi) in enumerate(SCANS[design], 11):
            rng = random.Random(f'{SEED}-{design}-scan-{lid}')
            name = {l[0]: l[2] for l in LAYOUTS}[lid]
            born = TMP / f'scan{design}{lid}.pdf'
            truth = build(drawer, lid, design, rng, born, n, None)
            out = d / f'i{design}{k}_scan-{name}.pdf'
            scan_pdf(born, out, rng, dpi=dpi, quality=rng.choice([40, 45, 50]))
            write_truth(out, truth)
            print(out.name, len(truth))


if __name__ == '__main__':
    main()
