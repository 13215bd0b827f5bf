"""Letter frames for the four producers: Chromium HTML, reportlab, fpdf2, python-docx -> LibreOffice."""
import os, tempfile
from common import E, chromium_pdf, soffice_pdf

FONT_DIR = '/usr/share/fonts/truetype'


# ================================================================ HTML (Chromium)
def html_letter(fb, attachment_html, *, page='Letter', landscape_attach=False, font='Liberation Serif',
                attach_font='Liberation Sans', size='10.5pt', attach_size='8.5pt', confidential=True,
                extra_body='', attach_title='Attachment A', attach_intro=''):
    off, exp, sig = fb['office'], fb['exp'], fb['sig']
    conf = ('@top-center { content: "CONFIDENTIAL"; font: bold 9pt Liberation Sans; color: #a00; }'
            if confidential else '')
    land = ''
    if landscape_attach:
        land = f'@page wide {{ size: {page} landscape; margin: 14mm 12mm 18mm 12mm; ' \
               f'@bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: 8pt Liberation Sans; }} {conf} }}' \
               '.attach { page: wide; }'
    body_pars = ''.join(f'<p>{E(p)}</p>' for p in fb['body'])
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: {page}; margin: 20mm 20mm 22mm 22mm;
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: 8.5pt Liberation Sans; }}
  @bottom-right {{ content: "{E(fb['ref'])}"; font: 7pt Liberation Sans; color:#555 }} {conf} }}
{land}
body {{ font-family: '{font}'; font-size: {size}; line-height: 1.3; }}
.lh {{ text-align:center; border-bottom: 2px solid #1f3a68; padding-bottom: 6px; margin-bottom: 14px; }}
.lh .d {{ font: bold 13pt '{font}'; letter-spacing: 1px; color:#1f3a68 }}
.lh .b {{ font: 11pt '{font}'; }}
.lh .o {{ font: 9pt Liberation Sans; color:#333 }}
.meta td {{ padding: 0 12px 0 0; vertical-align: top; }}
.attach {{ break-before: page; font-family: '{attach_font}'; font-size: {attach_size}; }}
.attach h2 {{ font-size: 11pt; text-align:center; margin: 0 0 4px 0 }}
.attach table {{ border-collapse: collapse; width: 100%; }}
.attach th, .attach td {{ border: 0.6pt solid #444; padding: 2px 4px; vertical-align: top; text-align:left }}
.attach th {{ background: #e4e8ef; }}
.sig {{ margin-top: 18px; }}
</style></head><body>
<div class="lh"><div class="d">UNITED STATES DEPARTMENT OF COMMERCE</div><div class="b">Bureau of Industry and Security</div>
<div class="o">{E(off[0])} &middot; {E(off[1])} &middot; {E(off[2])}</div></div>
<table class="meta"><tr><td>{E(fb['date'])}</td></tr><tr><td>Reference: {E(fb['ref'])}</td></tr></table>
<p><b>VIA ELECTRONIC MAIL</b></p>
<p>{E(exp[0])}<br>{E(exp[1])}<br>{E(exp[2])}<br>{E(exp[3])}</p>
<p><b>Re: {E(fb['subject'])}</b></p>
<p>Dear Sir or Madam:</p>
{body_pars}{extra_body}
<p>Questions regarding this letter may be directed to the {E(off[0])}, {E(off[1])}, {E(off[2])}, telephone (202) 482-1208.</p>
<div class="sig">Sincerely,<br><br><br>{E(sig[0])}<br>{E(sig[1])}<br>Bureau of Industry and Security</div>
<p style="font-size:8pt">Enclosure: {E(attach_title)}</p>
<div class="attach"><h2>{E(attach_title)}</h2>{attach_intro}{attachment_html}</div>
</body></html>"""


def html_to_pdf(html_text, out):
    chromium_pdf(html_text, out)


# ================================================================ reportlab
_RL_FONTS = False


def rl_fonts():
    global _RL_FONTS
    if _RL_FONTS:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.lib.fonts import addMapping
    for fam, base in [('DejaVuSans', 'dejavu/DejaVuSans'), ('DejaVuSerif', 'dejavu/DejaVuSerif'),
                      ('LibSans', 'liberation/LiberationSans'), ('LibSerif', 'liberation/LiberationSerif'),
                      ('LibNarrow', 'liberation/LiberationSansNarrow')]:
        if 'dejavu' in base:
            reg, bold = f'{FONT_DIR}/{base}.ttf', f'{FONT_DIR}/{base}-Bold.ttf'
        else:
            reg, bold = f'{FONT_DIR}/{base}-Regular.ttf', f'{FONT_DIR}/{base}-Bold.ttf'
        pdfmetrics.registerFont(TTFont(fam, reg))
        pdfmetrics.registerFont(TTFont(fam + '-Bold', bold))
        addMapping(fam, 0, 0, fam); addMapping(fam, 1, 0, fam + '-Bold')
        addMapping(fam, 0, 1, fam); addMapping(fam, 1, 1, fam + '-Bold')
    _RL_FONTS = True


def rl_letter(out, fb, attach_flow, *, pagesize=None, font='LibSerif', attach_title='Annex 1',
              confidential=True, landscape_attach=False, extra_body=None):
    """Cover letter + attachment flowables. attach_flow(styles) -> list of flowables."""
    rl_fonts()
    from reportlab.lib.pagesizes import letter, A4, landscape
    from reportlab.platypus import (BaseDocTemplate, PageTemplate, Frame, Paragraph, Spacer, PageBreak,
                                    NextPageTemplate)
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as cv
    ps = pagesize or letter
    ref = fb['ref']

    class NumCanvas(cv.Canvas):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            n = len(self._saved)
            for st in self._saved:
                self.__dict__.update(st)
                w, h = self._pagesize
                self.setFont('LibSans', 8)
                self.drawCentredString(w / 2, 12 * mm, f'Page {self._pageNumber} of {n}')
                self.setFont('LibSans', 6.5)
                self.drawRightString(w - 15 * mm, 12 * mm, ref)
                if confidential:
                    self.setFont('LibSans-Bold', 9)
                    self.setFillColorRGB(.6, 0, 0)
                    self.drawCentredString(w / 2, h - 10 * mm, 'CONFIDENTIAL')
                    self.setFillColorRGB(0, 0, 0)
                super().showPage()
            super().save()

    st = dict(
        body=ParagraphStyle('b', fontName=font, fontSize=10.5, leading=13.5, spaceAfter=7),
        small=ParagraphStyle('s', fontName='LibSans', fontSize=8, leading=10),
        cell=ParagraphStyle('c', fontName='LibSans', fontSize=8, leading=9.6),
        cellb=ParagraphStyle('cb', fontName='LibSans-Bold', fontSize=8, leading=9.6),
        h=ParagraphStyle('h', fontName='LibSans-Bold', fontSize=11, leading=14, alignment=1, spaceAfter=6),
        lh1=ParagraphStyle('l1', fontName=font + '-Bold', fontSize=13, leading=16, alignment=1),
        lh2=ParagraphStyle('l2', fontName=font, fontSize=10, leading=12, alignment=1),
    )
    off, exp, sig = fb['office'], fb['exp'], fb['sig']
    story = [Paragraph('UNITED STATES DEPARTMENT OF COMMERCE', st['lh1']),
             Paragraph('Bureau of Industry and Security', st['lh2']),
             Paragraph(E(f'{off[0]} | {off[1]} | {off[2]}'), st['lh2']), Spacer(1, 14),
             Paragraph(E(fb['date']), st['body']), Paragraph(E('Ref.: ' + fb['ref']), st['body']),
             Paragraph('<br/>'.join(E(x) for x in exp), st['body']),
             Paragraph('<b>SUBJECT: ' + E(fb['subject']) + '</b>', st['body']),
             Paragraph('Dear Compliance Officer:', st['body'])]
    story += [Paragraph(E(p), st['body']) for p in fb['body']]
    if extra_body:
        story += extra_body(st)
    story += [Paragraph(E(f'Please contact the {off[0]}, {off[1]}, {off[2]}, with any questions.'), st['body']),
              Spacer(1, 8), Paragraph('Sincerely,', st['body']), Spacer(1, 20),
              Paragraph(E(sig[0]) + '<br/>' + E(sig[1]), st['body'])]
    af = attach_flow(st)
    if af:
        if landscape_attach:
            story.append(NextPageTemplate('land'))
        story += [PageBreak(), Paragraph(E(attach_title), st['h'])] + af
    doc = BaseDocTemplate(out, pagesize=ps, leftMargin=20 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                          bottomMargin=20 * mm)
    fr = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id='f')
    tpls = [PageTemplate('port', [fr], pagesize=ps)]
    lp = landscape(ps)
    fr2 = Frame(14 * mm, 18 * mm, lp[0] - 28 * mm, lp[1] - 34 * mm, id='f2')
    tpls.append(PageTemplate('land', [fr2], pagesize=lp))
    doc.addPageTemplates(tpls)
    doc.build(story, canvasmaker=NumCanvas)


# ================================================================ fpdf2
def fpdf_letter(fb, *, fmt='A4', font='DejaVuSans', orientation='P', confidential=True):
    from fpdf import FPDF

    class P(FPDF):
        def header(self):
            if confidential:
                self.set_font(font, 'B', 8.5)
                self.set_text_color(150, 0, 0)
                self.cell(0, 4, 'CONFIDENTIAL // BUSINESS PROPRIETARY', align='R', new_x='LMARGIN', new_y='NEXT')
                self.set_text_color(0, 0, 0)
                self.ln(2)

        def footer(self):
            self.set_y(-13)
            self.set_font(font, '', 7.5)
            self.cell(0, 5, f'{fb["ref"]}    -    Page {self.page_no()} of {{nb}}', align='C')

    pdf = P(orientation=orientation, format=fmt)
    for style, suf in [('', ''), ('B', '-Bold'), ('I', '-Oblique' if 'Sans' in font else '-Italic')]:
        fn = f'{FONT_DIR}/dejavu/{font}{suf}.ttf'
        if font.startswith('Liberation'):
            fn = f'{FONT_DIR}/liberation/{font}-' + {'': 'Regular', 'B': 'Bold', 'I': 'Italic'}[style] + '.ttf'
        pdf.add_font(font, style, fn)
    pdf.set_auto_page_break(True, 18)
    pdf.set_margins(18, 14, 18)
    pdf.add_page()
    off, exp, sig = fb['office'], fb['exp'], fb['sig']
    pdf.set_font(font, 'B', 12)
    pdf.cell(0, 6, 'U.S. DEPARTMENT OF COMMERCE', align='C', new_x='LMARGIN', new_y='NEXT')
    pdf.set_font(font, '', 10)
    pdf.cell(0, 5, 'Bureau of Industry and Security', align='C', new_x='LMARGIN', new_y='NEXT')
    pdf.set_font(font, '', 8)
    pdf.cell(0, 4, f'{off[0]}, {off[1]}, {off[2]}', align='C', new_x='LMARGIN', new_y='NEXT')
    pdf.line(18, pdf.get_y() + 1, pdf.w - 18, pdf.get_y() + 1)
    pdf.ln(6)
    pdf.set_font(font, '', 9.5)
    for line in [fb['date'], f'Our reference: {fb["ref"]}', ''] + list(exp) + ['']:
        pdf.cell(0, 4.6, line, new_x='LMARGIN', new_y='NEXT')
    pdf.set_font(font, 'B', 9.5)
    pdf.multi_cell(0, 4.6, 'Subject: ' + fb['subject'], new_x='LMARGIN', new_y='NEXT')
    pdf.ln(2)
    pdf.set_font(font, '', 9.5)
    for p in fb['body']:
        pdf.multi_cell(0, 4.6, p, new_x='LMARGIN', new_y='NEXT')
        pdf.ln(2)
    return pdf


def fpdf_sign(pdf, fb, font='DejaVuSans'):
    pdf.set_font(font, '', 9.5)
    off, sig = fb['office'], fb['sig']
    pdf.multi_cell(0, 4.6, f'Please direct questions to the {off[0]}, {off[1]}, {off[2]}.', new_x='LMARGIN', new_y='NEXT')
    pdf.ln(3)
    for line in ['Sincerely,', '', '', sig[0], sig[1], 'Bureau of Industry and Security']:
        pdf.cell(0, 4.6, line, new_x='LMARGIN', new_y='NEXT')


# ================================================================ python-docx -> LibreOffice
def docx_letter(fb, *, font='Liberation Serif', size=10.5, landscape_attach=False, a4=False, confidential=True):
    import docx
    from docx.shared import Pt, Mm
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    d = docx.Document()
    s = d.styles['Normal']
    s.font.name = font
    s.font.size = Pt(size)
    sec = d.sections[0]
    if a4:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(22)
    sec.top_margin, sec.bottom_margin = Mm(18), Mm(20)
    # footer Page X of Y
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def field(par, code):
        r = par.add_run()
        f1 = OxmlElement('w:fldChar'); f1.set(qn('w:fldCharType'), 'begin')
        it = OxmlElement('w:instrText'); it.set(qn('xml:space'), 'preserve'); it.text = code
        f2 = OxmlElement('w:fldChar'); f2.set(qn('w:fldCharType'), 'end')
        r._r.append(f1); r._r.append(it); r._r.append(f2)
        r.font.size = Pt(8)
    r = fp.add_run('Page '); r.font.size = Pt(8)
    field(fp, 'PAGE')
    r = fp.add_run(' of '); r.font.size = Pt(8)
    field(fp, 'NUMPAGES')
    if confidential:
        hp = sec.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        r = hp.add_run('CONFIDENTIAL'); r.bold = True; r.font.size = Pt(9)
    off, exp, sig = fb['office'], fb['exp'], fb['sig']
    p = d.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run('UNITED STATES DEPARTMENT OF COMMERCE\n'); r.bold = True; r.font.size = Pt(13)
    p.add_run('Bureau of Industry and Security\n')
    r = p.add_run(f'{off[0]}\n{off[1]}\n{off[2]}'); r.font.size = Pt(8.5)
    d.add_paragraph(fb['date'])
    d.add_paragraph(f'In reply refer to: {fb["ref"]}')
    d.add_paragraph('\n'.join(exp))
    p = d.add_paragraph(); r = p.add_run('Re: ' + fb['subject']); r.bold = True
    d.add_paragraph('Dear Sir or Madam:')
    for t in fb['body']:
        d.add_paragraph(t)
    return d


def docx_sign(d, fb):
    off, sig = fb['office'], fb['sig']
    d.add_paragraph(f'Should you have any questions, please contact the {off[0]}, {off[1]}, {off[2]}.')
    d.add_paragraph('Sincerely,\n\n\n' + sig[0] + '\n' + sig[1] + '\nBureau of Industry and Security')


def docx_landscape_section(d, a4=False):
    from docx.enum.section import WD_SECTION, WD_ORIENT
    from docx.shared import Mm
    sec = d.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE
    w, h = (Mm(297), Mm(210)) if a4 else (Mm(279.4), Mm(215.9))
    sec.page_width, sec.page_height = w, h
    sec.left_margin = sec.right_margin = Mm(14)
    return sec


def docx_save_pdf(d, out):
    with tempfile.TemporaryDirectory() as td:
        p = os.path.join(td, os.path.splitext(os.path.basename(out))[0] + '.docx')
        d.save(p)
        soffice_pdf(p, out)


def set_cell_bg(cell, hexcolor):
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement('w:shd'); shd.set(qn('w:val'), 'clear'); shd.set(qn('w:color'), 'auto'); shd.set(qn('w:fill'), hexcolor)
    tcPr.append(shd)


def repeat_header(row):
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement('w:tblHeader'); el.set(qn('w:val'), 'true')
    trPr.append(el)
