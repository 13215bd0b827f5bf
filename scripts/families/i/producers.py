"""Cover letters for the non-HTML producers (reportlab, fpdf2, python-docx)."""
from common import BODY, SUBJECT

FONT_DIR = '/usr/share/fonts/truetype/'


def rl_register():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for n, f in [('DVS', 'dejavu/DejaVuSans.ttf'), ('DVS-B', 'dejavu/DejaVuSans-Bold.ttf'),
                 ('DVSerif', 'dejavu/DejaVuSerif.ttf'), ('DVSerif-B', 'dejavu/DejaVuSerif-Bold.ttf'),
                 ('LibS', 'liberation/LiberationSerif-Regular.ttf'), ('LibS-B', 'liberation/LiberationSerif-Bold.ttf'),
                 ('LibM', 'liberation/LiberationMono-Regular.ttf'), ('LibM-B', 'liberation/LiberationMono-Bold.ttf'),
                 ('LibSans', 'liberation/LiberationSans-Regular.ttf'), ('LibSans-B', 'liberation/LiberationSans-Bold.ttf'),
                 ('LibN', 'liberation/LiberationSansNarrow-Regular.ttf'), ('LibN-B', 'liberation/LiberationSansNarrow-Bold.ttf')]:
        try:
            pdfmetrics.registerFont(TTFont(n, FONT_DIR + f))
        except Exception:
            pass


def rl_cover(meta, font='LibS', bold='LibS-B', size=10.5, annex=True):
    """Return a list of platypus flowables for the cover letter."""
    from reportlab.platypus import Paragraph, Spacer
    from reportlab.lib.styles import ParagraphStyle
    from xml.sax.saxutils import escape
    st = ParagraphStyle('b', fontName=font, fontSize=size, leading=size * 1.3, spaceAfter=6)
    hd = ParagraphStyle('h', fontName=bold, fontSize=size + 3, leading=size * 1.6, alignment=1)
    sm = ParagraphStyle('s', fontName=font, fontSize=size - 1.5, leading=size * 1.15, alignment=1)
    o, t, s, k = meta['office'], meta['to'], meta['signer'], meta['kind']
    fl = [Paragraph('UNITED STATES DEPARTMENT OF COMMERCE', hd), Paragraph('Bureau of Industry and Security', sm),
          Paragraph(f'{o[0]}, {o[1]} | {o[2]} | {o[3]}', sm), Spacer(1, 16),
          Paragraph(meta['date'], st), Paragraph(f'Reference: {meta["ref"]}', st),
          Paragraph('<br/>'.join(escape(x) for x in t), st), Spacer(1, 6),
          Paragraph(f'<font name="{bold}">SUBJECT: {escape(SUBJECT[k])}</font>', st), Paragraph('Dear Compliance Officer:', st)]
    fl += [Paragraph(escape(p), st) for p in BODY[k]]
    if annex:
        fl.append(Paragraph('The parties concerned are identified in the Annex enclosed with this letter.', st))
    fl += [Paragraph('Should you have any questions, please contact this office.', st), Spacer(1, 6),
           Paragraph(f'Sincerely,<br/><br/><br/>{escape(s[0])}<br/>{escape(s[1])}<br/>{escape(o[1])}', st)]
    return fl


def fp_fonts(pdf):
    pdf.add_font('DejaVu', '', FONT_DIR + 'dejavu/DejaVuSans.ttf')
    pdf.add_font('DejaVu', 'B', FONT_DIR + 'dejavu/DejaVuSans-Bold.ttf')
    pdf.add_font('DejaVuCond', '', FONT_DIR + 'dejavu/DejaVuSansCondensed.ttf')
    pdf.add_font('DejaVuCond', 'B', FONT_DIR + 'dejavu/DejaVuSansCondensed-Bold.ttf')
    pdf.add_font('Mono', '', FONT_DIR + 'dejavu/DejaVuSansMono.ttf')
    pdf.add_font('Mono', 'B', FONT_DIR + 'dejavu/DejaVuSansMono-Bold.ttf')
    pdf.add_font('LSerif', '', FONT_DIR + 'liberation/LiberationSerif-Regular.ttf')
    pdf.add_font('LSerif', 'B', FONT_DIR + 'liberation/LiberationSerif-Bold.ttf')


def fp_cover(pdf, meta, font='DejaVu', size=10, annex=True):
    o, t, s, k = meta['office'], meta['to'], meta['signer'], meta['kind']
    pdf.set_font(font, 'B', size + 3)
    pdf.cell(0, 7, 'U.S. Department of Commerce | Bureau of Industry and Security', align='C', new_x='LMARGIN', new_y='NEXT')
    pdf.set_font(font, '', size - 1)
    pdf.cell(0, 5, f'{o[0]} - {o[1]} - {o[2]}, {o[3]}', align='C', new_x='LMARGIN', new_y='NEXT')
    pdf.ln(8)
    pdf.set_font(font, '', size)
    h = size * 0.5
    pdf.multi_cell(0, h, f'{meta["date"]}\nRef.: {meta["ref"]}\n\n' + '\n'.join(t), new_x='LMARGIN', new_y='NEXT')
    pdf.ln(4)
    pdf.set_font(font, 'B', size)
    pdf.multi_cell(0, h, 'Subject: ' + SUBJECT[k], new_x='LMARGIN', new_y='NEXT')
    pdf.set_font(font, '', size)
    pdf.ln(2)
    pdf.multi_cell(0, h, 'Dear Sir or Madam,', new_x='LMARGIN', new_y='NEXT')
    for p in BODY[k] + (['The parties concerned are listed in the Annex to this letter.'] if annex else []):
        pdf.ln(2)
        pdf.multi_cell(0, h, p, new_x='LMARGIN', new_y='NEXT')
    pdf.ln(3)
    pdf.multi_cell(0, h, f'Respectfully,\n\n\n{s[0]}\n{s[1]}\n{o[0]}', new_x='LMARGIN', new_y='NEXT')


def dx_cover(doc, meta, annex=True):
    from docx.shared import Pt
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    o, t, s, k = meta['office'], meta['to'], meta['signer'], meta['kind']
    p = doc.add_paragraph(); r = p.add_run('UNITED STATES DEPARTMENT OF COMMERCE'); r.bold = True; r.font.size = Pt(13)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph(f'Bureau of Industry and Security\n{o[0]}, {o[1]}\n{o[2]}, {o[3]}'); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(meta['date'])
    doc.add_paragraph('Ref: ' + meta['ref'])
    doc.add_paragraph('\n'.join(t))
    p = doc.add_paragraph(); p.add_run('RE: ' + SUBJECT[k]).bold = True
    doc.add_paragraph('Dear Sir or Madam:')
    for b in BODY[k]:
        doc.add_paragraph(b)
    if annex:
        doc.add_paragraph('The parties concerned are identified in the Annex to this letter.')
    doc.add_paragraph(f'Sincerely,\n\n\n{s[0]}\n{s[1]}\n{o[0]}')
