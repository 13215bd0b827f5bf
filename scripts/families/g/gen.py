#!/usr/bin/env python3
"""Family G: BIS diversion-concern letters, written without reading the tool. Seed 20261207.

Writes tests/fixtures/families/g/{dev,heldout}/*.pdf + *.truth.json.
Each layout has a dev design ('a') and a heldout design ('b'); three scans per half.
"""
import os, random, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import (ROOT, CNAMES, E, load_pool, Drawer, addr, title_name, truth_party, write_truth, frame_bits,
                    scan_pdf)
from producers import (html_letter, html_to_pdf, rl_letter, fpdf_letter, fpdf_sign, docx_letter, docx_sign,
                       docx_landscape_section, docx_save_pdf, set_cell_bg, repeat_header)

SEED = 20261207
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'families', 'g')


def hsfmt(code, style, rnd):
    a, b = code.split('.')
    if style == 'dot':
        return code
    if style == 'plain':
        return a + b
    if style == 'hts10':
        return f'{a}.{b}.{rnd.randint(0, 99):02d}{rnd.choice(["00", "10", "40", "50", "80"])}'
    if style == 'hts8':
        return f'{a}.{b}.00'
    return code


def cname(iso, rnd, k=None):
    names = CNAMES[iso]
    return names[k] if k is not None else rnd.choice(names)


def pick_aliases(p, rnd, mx=3):
    al = p['aliases'][:mx]
    return al


# ====================================================================== L01 customs-data table
def l01_customs(v, dr, rnd, out):
    fb = frame_bits(rnd, 'redflag')
    n = 9 if v == 'a' else 13
    ps = dr.take(n)
    rows, truth = [], []
    ports = ['Novorossiysk', 'Vostochny', 'Almaty-1 (rail)', 'Jebel Ali', 'Mersin', 'Yantian', 'Kwai Chung',
             'Nhava Sheva', 'Manas Intl Airport', 'St. Petersburg', 'Zabaikalsk (road)', 'Port Klang']
    for p in ps:
        hs = dr.hs_codes(rnd.choice([1, 1, 2, 3]))
        recs = rnd.randint(2, 140)
        val = f'{rnd.randint(8, 4000) * 1000 + rnd.randint(0, 999):,}'
        d1 = f'2023-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}'
        d2 = f'2024-{rnd.randint(1, 6):02d}-{rnd.randint(1, 28):02d}'
        port = rnd.choice(ports)
        if v == 'a':
            name = p['name']
            al = []
            hs_s = '; '.join(hsfmt(h, 'dot', rnd) for h in hs)
            rows.append([str(recs), val, d2, E(port), hs_s, E(name), '<br>'.join(E(x) for x in addr(p)), p['iso']])
        else:
            name = title_name(p['name'])
            al = [title_name(a) for a in p['aliases'][:2]]
            hs_s = ' / '.join(hsfmt(h, 'plain', rnd) for h in hs)
            rows.append([E(name), E(cname(p['iso'], rnd, 0)), hs_s, E(', '.join(addr(p))), E('; '.join(al)),
                         str(recs), d1, d2, '$' + val, E(port)])
        truth.append(truth_party(name, al, addr(p), p['iso'], hs))
    if v == 'a':
        hdr = ['Records', 'Declared value (USD)', 'Last arrival', 'Port of discharge', 'HS-6',
               'Importer of record', 'Importer address', 'Ctry']
        intro = ('<p>Source: commercial trade data, Russian import declarations, January 2023 - June 2024. '
                 'Each row shows an importer that received items of U.S. origin exported by your company.</p>')
        style = '<style>.attach td:nth-child(-n+3){text-align:right;white-space:nowrap}</style>'
    else:
        hdr = ['Importer of record', 'Destination', 'HTS (6)', 'Address on declaration', 'Other names on declarations',
               'Shipments', 'First', 'Last', 'Total value', 'Port of lading']
        intro = ('<p style="font-size:8pt">Table 1 &mdash; Customs records matching your company\'s exports '
                 '(transshipment via third countries). Values are declared values in U.S. dollars.</p>')
        style = '<style>.attach td{font-size:7.5pt}</style>'
    t = '<table><thead><tr>' + ''.join(f'<th>{h}</th>' for h in hdr) + '</tr></thead><tbody>' + ''.join(
        '<tr>' + ''.join(f'<td>{c}</td>' for c in r) + '</tr>' for r in rows) + '</tbody></table>'
    t += '<p style="font-size:7.5pt">Records are drawn from third-party data and have not been verified by BIS.</p>'
    html_to_pdf(html_letter(fb, style + t, page='A4' if v == 'a' else 'Letter', landscape_attach=(v == 'b'),
                            attach_title='Attachment 1 - Customs Data Summary' if v == 'a' else 'ENCLOSURE (1)',
                            attach_intro=intro, font='DejaVu Serif' if v == 'a' else 'Liberation Serif'), out)
    return truth


# ====================================================================== L02 name + address in one cell
def l02_onecell(v, dr, rnd, out, n=None):
    fb = frame_bits(rnd, 'supplier')
    n = n or (11 if v == 'a' else 14)
    ps = dr.take(n)
    truth = []
    if v == 'a':
        rows = []
        for i, p in enumerate(ps, 1):
            al = pick_aliases(p, rnd, 4)
            cell = '<br>'.join(E(x) for x in [p['name']] + addr(p))
            rows.append(f'<tr><td>{i}</td><td>{cell}</td><td>{"<br>".join(E(a) for a in al)}</td>'
                        f'<td>{E(cname(p["iso"], rnd, 1))}</td></tr>')
            truth.append(truth_party(p['name'], al, addr(p), p['iso']))
        t = ('<table><thead><tr><th>#</th><th>Entity</th><th>Also known as</th><th>Jurisdiction</th></tr></thead>'
             '<tbody>' + ''.join(rows) + '</tbody></table>')
        html_to_pdf(html_letter(fb, t, page='Letter', attach_title='Attachment A: Parties of Diversion Concern',
                                font='Liberation Serif', attach_size='9pt'), out)
        return truth
    # heldout: reportlab, name bold, "a/k/a" line, address lines, all in one cell; HS column "8542.31; 8542.32"
    from reportlab.platypus import Table, TableStyle, Paragraph
    from reportlab.lib import colors

    def flow(st):
        data = [[Paragraph('<b>Firm</b>', st['cell']), Paragraph('<b>Country</b>', st['cell']),
                 Paragraph('<b>CHPL items observed</b>', st['cell'])]]
        for p in ps:
            al = pick_aliases(p, rnd, 3)
            hs = dr.hs_codes(rnd.choice([1, 2, 2, 3]))
            txt = f'<b>{E(p["name"])}</b>'
            if al:
                txt += '<br/>a/k/a ' + E('; '.join(al))
            txt += '<br/>' + '<br/>'.join(E(x) for x in addr(p))
            data.append([Paragraph(txt, st['cell']), Paragraph(E(cname(p['iso'], rnd, 0)), st['cell']),
                         Paragraph(E('; '.join(hs)), st['cell'])])
            truth.append(truth_party(p['name'], al, addr(p), p['iso'], hs))
        t = Table(data, colWidths=[290, 85, 95], repeatRows=1)
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.grey), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                               ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#dddddd'))]))
        return [Paragraph('The following firms were identified as consignees of CHPL items in 2024.', st['body']), t]
    from reportlab.lib.pagesizes import A4
    rl_letter(out, fb, flow, pagesize=A4, attach_title='ANNEX - FIRMS OF DIVERSION CONCERN')
    return truth


# ====================================================================== L03 headerless table mid-page over pages
def l03_headerless(v, dr, rnd, out, n=None):
    fb = frame_bits(rnd, 'supplier')
    n = n or (26 if v == 'a' else 32)
    ps = dr.take(n)
    truth = []
    if v == 'a':
        from reportlab.platypus import LongTable, TableStyle, Paragraph
        from reportlab.lib import colors

        def extra(st):
            return [Paragraph('BIS has identified the following parties. The list is not exhaustive:', st['body'])]

        def table_rows(st):
            data = []
            for i, p in enumerate(ps, 1):
                al = pick_aliases(p, rnd, 5)
                data.append([Paragraph(f'{i}.', st['cell']), Paragraph(E(p['name']), st['cell']),
                             Paragraph(E(', '.join(al)), st['cell']), Paragraph(E(', '.join(addr(p))), st['cell']),
                             Paragraph(E(cname(p['iso'], rnd, 0)), st['cell'])])
                truth.append(truth_party(p['name'], al, addr(p), p['iso']))
            t = LongTable(data, colWidths=[22, 130, 120, 160, 62])
            t.setStyle(TableStyle([('LINEBELOW', (0, 0), (-1, -1), 0.4, colors.black),
                                   ('LINEABOVE', (0, 0), (-1, 0), 0.8, colors.black),
                                   ('VALIGN', (0, 0), (-1, -1), 'TOP')]))
            return t

        # the table follows prose on the cover letter itself (no attachment page)
        def extra_all(st):
            return extra(st) + [table_rows(st)]
        rl_letter(out, fb, lambda st: [], extra_body=extra_all, font='DejaVuSerif')
        return truth
    # heldout: fpdf2 table, no header, columns country | name | address | aliases
    pdf = fpdf_letter(fb, fmt='Letter', font='DejaVuSans')
    pdf.set_font('DejaVuSans', '', 9.5)
    pdf.multi_cell(0, 4.6, 'Parties identified (no particular order):', new_x='LMARGIN', new_y='NEXT')
    pdf.ln(1)
    pdf.set_font('DejaVuSans', '', 7.5)
    with pdf.table(col_widths=(22, 52, 70, 40), first_row_as_headings=False, line_height=3.6,
                   text_align='LEFT', borders_layout='HORIZONTAL_LINES') as table:
        for p in ps:
            al = pick_aliases(p, rnd, 3)
            r = table.row()
            r.cell(cname(p['iso'], rnd, 2))
            r.cell(p['name'])
            r.cell('\n'.join(addr(p)))
            r.cell('\n'.join(al))
            truth.append(truth_party(p['name'], al, addr(p), p['iso']))
    pdf.ln(4)
    fpdf_sign(pdf, fb)
    pdf.output(out)
    return truth


# ====================================================================== L04 numbered prose paragraphs
def l04_paragraphs(v, dr, rnd, out):
    fb = frame_bits(rnd, 'informed')
    n = 6 if v == 'a' else 7
    ps = dr.take(n)
    truth = []
    if v == 'a':
        d = docx_letter(fb, font='Liberation Serif')
        d.add_paragraph('The parties subject to this requirement are:')
        for i, p in enumerate(ps, 1):
            al = pick_aliases(p, rnd, 3)
            cn = cname(p['iso'], rnd, 0)
            s = f'{i}. {p["name"]}'
            if al:
                s += ', also known as ' + (', '.join(al[:-1]) + ' and ' + al[-1] if len(al) > 1 else al[0])
            s += ', located at ' + ', '.join(addr(p)) + ', ' + cn + '.'
            hs = []
            if rnd.random() < 0.5:
                hs = dr.hs_codes(2)
                s += f' This requirement applies in particular to items classified under HS {hs[0]} and {hs[1]}.'
            d.add_paragraph(s)
            truth.append(truth_party(p['name'], al, addr(p, cn), p['iso'], hs))
        docx_sign(d, fb)
        docx_save_pdf(d, out)
        return truth
    pars = []
    for i, p in enumerate(ps):
        al = pick_aliases(p, rnd, 2)
        cn = cname(p['iso'], rnd, 1)
        hs = dr.hs_codes(rnd.choice([1, 2, 3]))
        s = f'<p>({"abcdefghij"[i]}) <b>{E(p["name"])}</b>'
        if al:
            s += ' (' + ', '.join(f'&ldquo;{E(a)}&rdquo;' for a in al) + ')'
        s += f', whose address is {E(", ".join(addr(p)))}, {E(cn)}. BIS has information that this party has ' \
             f'acquired items classified under Harmonized System subheading{"s" if len(hs) > 1 else ""} ' \
             + ', '.join(hsfmt(h, 'hts8', rnd) for h in hs) + ' for onward shipment to Russia.</p>'
        pars.append(s)
        truth.append(truth_party(p['name'], al, addr(p, cn), p['iso'], hs))
    extra = '<p>The parties are identified as follows:</p>' + ''.join(pars)
    fb['body'] = fb['body'][:1]
    html_to_pdf(html_letter(fb, '<p>Office of Exporter Services, Bureau of Industry and Security, Washington, DC 20230<br>'
                            'Office of Chief Counsel for Industry and Security, U.S. Department of Commerce</p>',
                            extra_body=extra, page='A4', font='DejaVu Serif', size='10pt',
                            attach_title='Distribution (copies)'), out)
    return truth


# ====================================================================== L05 label blocks with varied labels
def l05_labels(v, dr, rnd, out, n=None):
    fb = frame_bits(rnd, 'guardian')
    n = n or (8 if v == 'a' else 9)
    ps = dr.take(n)
    truth = []
    if v == 'a':
        pdf = fpdf_letter(fb, fmt='A4', font='DejaVuSans')
        fpdf_sign(pdf, fb)
        pdf.add_page()
        pdf.set_font('DejaVuSans', 'B', 11)
        pdf.cell(0, 7, 'ANNEX - COUNTERPARTIES', align='C', new_x='LMARGIN', new_y='NEXT')
        pdf.ln(2)
        for i, p in enumerate(ps, 1):
            al = pick_aliases(p, rnd, 4)
            hs = dr.hs_codes(rnd.choice([0, 1, 2])) if rnd.random() < 0.8 else []
            cn = cname(p['iso'], rnd, 0)
            pdf.set_font('DejaVuSans', 'B', 9)
            pdf.cell(0, 5, f'Item {i}', new_x='LMARGIN', new_y='NEXT')
            lines = [('Counterparty:', p['name'])]
            if al:
                lines.append(('Also trading as:', ' | '.join(al)))
            lines.append(('Registered address:', '\n'.join(addr(p))))
            lines.append(('Jurisdiction:', cn))
            if hs:
                lines.append(('HS subheadings:', ', '.join(hs)))
            for lab, val in lines:
                pdf.set_font('DejaVuSans', 'B', 8.5)
                y = pdf.get_y()
                pdf.cell(38, 4.3, lab)
                pdf.set_font('DejaVuSans', '', 8.5)
                pdf.multi_cell(0, 4.3, val, new_x='LMARGIN', new_y='NEXT')
            pdf.ln(3)
            truth.append(truth_party(p['name'], al, addr(p), p['iso'], hs))
        pdf.output(out)
        return truth
    from reportlab.platypus import Paragraph, Spacer, KeepTogether

    def flow(st):
        res = [Paragraph('The Office of Export Enforcement requests that your firm notify it of any contact from '
                         'the following:', st['body'])]
        for p in ps:
            al = pick_aliases(p, rnd, 6)
            hs = dr.hs_codes(rnd.choice([1, 2]))
            cn = cname(p['iso'], rnd, 1)
            blk = [Paragraph(f'<b>Firm name</b>&nbsp;&nbsp;&nbsp; {E(p["name"])}', st['body'])]
            if al:
                blk.append(Paragraph('<b>Other names used</b>&nbsp;&nbsp;&nbsp; ' + '; '.join(E(a) for a in al), st['body']))
            blk.append(Paragraph('<b>Premises</b>&nbsp;&nbsp;&nbsp; ' + E(', '.join(addr(p))), st['body']))
            blk.append(Paragraph(f'<b>Country of registration</b>&nbsp;&nbsp;&nbsp; {E(cn)}', st['body']))
            blk.append(Paragraph('<b>Commodities</b>&nbsp;&nbsp;&nbsp; ' +
                                 ', '.join(hsfmt(h, 'hts10', rnd) for h in hs), st['body']))
            res.append(KeepTogether(blk + [Spacer(1, 6)]))
            truth.append(truth_party(p['name'], al, addr(p), p['iso'], hs))
        return res
    rl_letter(out, fb, flow, attach_title='Enclosure: Parties of Interest (Project Guardian)', font='LibSerif')
    return truth


# ====================================================================== L06 country section rows
def l06_sections(v, dr, rnd, out, n=None):
    fb = frame_bits(rnd, 'supplier')
    n = n or (12 if v == 'a' else 12)
    countries = ['HK', 'TR', 'AE', 'CN'] if v == 'a' else ['AE', 'IN', 'SG', 'RU']
    ps = dr.take(n, countries=countries)
    ps.sort(key=lambda p: countries.index(p['iso']))
    truth = []
    if v == 'a':
        rows, cur = [], None
        for p in ps:
            if p['iso'] != cur:
                cur = p['iso']
                rows.append(f'<tr class="sec"><td colspan="4">{E(cname(cur, rnd, 2))}</td></tr>')
            al = pick_aliases(p, rnd, 3)
            hs = dr.hs_codes(rnd.choice([1, 2, 3]))
            rows.append(f'<tr><td>{E(p["name"])}</td><td>{"<br>".join(E(a) for a in al)}</td>'
                        f'<td>{E(", ".join(addr(p)))}</td><td>{"; ".join(hs)}</td></tr>')
            truth.append(truth_party(p['name'], al, addr(p), p['iso'], hs))
        t = ('<style>.sec td{background:#c9d3e3;font-weight:bold;text-align:center}</style><table><thead><tr>'
             '<th style="width:28%">Entity</th><th style="width:24%">Other names</th><th>Location</th>'
             '<th style="width:12%">HS codes</th></tr></thead><tbody>' + ''.join(rows) + '</tbody></table>')
        html_to_pdf(html_letter(fb, t, page='Letter', attach_title='Attachment - Listed Parties by Country',
                                font='Liberation Serif', attach_font='DejaVu Sans', attach_size='8pt'), out)
        return truth
    from docx.shared import Pt, Mm
    d = docx_letter(fb, font='Liberation Sans', size=10, a4=True)
    docx_sign(d, fb)
    d.add_page_break()
    p = d.add_paragraph(); r = p.add_run('ANNEX A'); r.bold = True
    d.add_paragraph('Parties are grouped by country of location.')
    tb = d.add_table(rows=1, cols=3)
    tb.style = 'Table Grid'
    for c, h in zip(tb.rows[0].cells, ['Firm', 'Address', 'Items (HTS)']):
        c.text = h
        c.paragraphs[0].runs[0].bold = True
        set_cell_bg(c, 'D9D9D9')
    repeat_header(tb.rows[0])
    cur = None
    for p in ps:
        if p['iso'] != cur:
            cur = p['iso']
            row = tb.add_row().cells
            m = row[0].merge(row[2])
            m.text = 'Country: ' + cname(cur, rnd, 0)
            m.paragraphs[0].runs[0].italic = True
            set_cell_bg(m, 'F2F2F2')
        al = pick_aliases(p, rnd, 2)
        hs = dr.hs_codes(rnd.choice([1, 2]))
        row = tb.add_row().cells
        row[0].text = p['name'] + ''.join(f'\na.k.a. {a}' for a in al)
        row[1].text = '\n'.join(addr(p))
        row[2].text = '\n'.join('HTS ' + hsfmt(h, 'hts10', rnd) for h in hs)
        truth.append(truth_party(p['name'], al, addr(p), p['iso'], hs))
    for r in tb.rows:
        for c in r.cells:
            for pp in c.paragraphs:
                for rr in pp.runs:
                    rr.font.size = Pt(8.5)
    docx_save_pdf(d, out)
    return truth


# ====================================================================== L07 single party in a sentence
def l07_single(v, dr, rnd, out):
    if v == 'a':
        fb = frame_bits(rnd, 'informed')
        p = dr.take(1, countries=['RU', 'KG', 'AM'], want_alias=True)[0]
        al = pick_aliases(p, rnd, 2)
        hs = dr.hs_codes(2)
        cn = cname(p['iso'], rnd, 0)
        from reportlab.platypus import Paragraph

        def extra(st):
            s = (f'Specifically, a licence is required for the export of items classified under HS subheadings '
                 f'{hs[0]} and {hs[1]} to {E(p["name"])}')
            if al:
                s += ' (also known as ' + ' and '.join(E(a) for a in al) + ')'
            s += f', {E(", ".join(addr(p)))}, {E(cn)} (&ldquo;the Entity&rdquo;). Your company, ' \
                 f'{E(fb["exp"][0])}, may not export, re-export or transfer such items to the Entity without a licence.'
            return [Paragraph(s, st['body'])]
        rl_letter(out, fb, lambda st: [], extra_body=extra, font='LibSerif')
        return [truth_party(p['name'], al, addr(p, cn), p['iso'], hs)]
    fb = frame_bits(rnd, 'guardian')
    p = dr.take(1, countries=['HK', 'CN', 'SG'])[0]
    al = pick_aliases(p, rnd, 1)
    hs = dr.hs_codes(1)
    code = hsfmt(hs[0], 'hts10', rnd)
    d = docx_letter(fb, font='Liberation Serif', a4=True)
    s = f'BIS has information that {p["name"]}'
    if al:
        s += f' (d/b/a {al[0]})'
    s += (f', whose address is {", ".join(addr(p))}, has sought to purchase from U.S. suppliers items '
          f'classified under HTS {code}, for delivery to end users in Russia.')
    d.add_paragraph(s)
    d.add_paragraph(f'Should {fb["exp"][0]} receive any enquiry from this firm, please contact Special Agent '
                    f'{fb["sig"][0]} before responding.')
    docx_sign(d, fb)
    docx_save_pdf(d, out)
    return [truth_party(p['name'], al, addr(p), p['iso'], hs)]


# ====================================================================== L08 two tables (items + parties)
def l08_twotables(v, dr, rnd, out):
    fb = frame_bits(rnd, 'redflag')
    n = 7 if v == 'a' else 8
    ps = dr.take(n)
    items = dr.hs_codes(5)
    desc = ['Electronic integrated circuits: processors and controllers', 'Electronic integrated circuits: memories',
            'Fixed capacitors, ceramic dielectric, multilayer', 'Parts of machines of heading 84.71',
            'Radio navigational aid apparatus', 'Machines for the reception, conversion and transmission of data',
            'Printed circuits', 'Other electronic integrated circuits']
    truth = []
    if v == 'a':
        prow = []
        for i, p in enumerate(ps, 1):
            al = pick_aliases(p, rnd, 2)
            cn = cname(p['iso'], rnd, 0)
            nm = E(p['name']) + (''.join(f'<br><i>a.k.a.</i> {E(a)}' for a in al))
            prow.append(f'<tr><td>P-{i:02d}</td><td>{nm}</td><td>{E(", ".join(addr(p)))}</td><td>{E(cn)}</td></tr>')
            truth.append(truth_party(p['name'], al, addr(p), p['iso']))
        irow = ''.join(f'<tr><td>{h}</td><td>{E(rnd.choice(desc))}</td><td>Tier {rnd.choice(["1", "2", "3.A", "4.B"])}</td></tr>'
                       for h in items)
        t = ('<p><b>Table 1. Customers of concern</b></p><table><thead><tr><th>Ref.</th><th>Counterparty</th>'
             '<th>Address</th><th>Country</th></tr></thead><tbody>' + ''.join(prow) + '</tbody></table>'
             '<p style="margin-top:14px"><b>Table 2. Items of concern (CHPL)</b></p><table><thead><tr><th>HS code</th>'
             '<th>Description</th><th>CHPL tier</th></tr></thead><tbody>' + irow + '</tbody></table>')
        html_to_pdf(html_letter(fb, t, page='Letter', attach_title='Attachment', font='Liberation Serif',
                                attach_font='Liberation Sans Narrow', attach_size='9pt'), out)
        return truth
    from reportlab.platypus import Table, TableStyle, Paragraph, Spacer
    from reportlab.lib import colors

    def flow(st):
        idata = [[Paragraph('<b>Item</b>', st['cell']), Paragraph('<b>HS</b>', st['cell']),
                  Paragraph('<b>Description</b>', st['cell'])]]
        for i, h in enumerate(items):
            idata.append([Paragraph('ABCDE'[i], st['cell']), Paragraph(h, st['cell']),
                          Paragraph(E(rnd.choice(desc)), st['cell'])])
        it = Table(idata, colWidths=[40, 60, 330])
        it.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.4, colors.black)]))
        pdata = [[Paragraph(f'<b>{h}</b>', st['cell']) for h in ['Customer', 'Aliases', 'Address', 'Country', 'HS shipped']]]
        for p in ps:
            al = pick_aliases(p, rnd, 3)
            hs = sorted(rnd.sample(items, rnd.choice([1, 2])))
            pdata.append([Paragraph(E(p['name']), st['cell']), Paragraph(E('; '.join(al)), st['cell']),
                          Paragraph('<br/>'.join(E(x) for x in addr(p)), st['cell']),
                          Paragraph(p['iso'], st['cell']), Paragraph(', '.join(hs), st['cell'])])
            truth.append(truth_party(p['name'], al, addr(p), p['iso'], hs))
        pt = Table(pdata, colWidths=[120, 100, 140, 40, 60], repeatRows=1)
        pt.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.4, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                                ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#e8e8e8'))]))
        return [Paragraph('Part I - Items', st['body']), it, Spacer(1, 12),
                Paragraph('Part II - Customers that re-exported the items above', st['body']), pt]
    from reportlab.lib.pagesizes import A4
    rl_letter(out, fb, flow, pagesize=A4, attach_title='SCHEDULE OF ITEMS AND CUSTOMERS', font='LibSerif')
    return truth


# ====================================================================== L09 landscape Word table, merged cells
def l09_landscape_merged(v, dr, rnd, out, n=None):
    fb = frame_bits(rnd, 'informed' if v == 'a' else 'supplier')
    n = n or (10 if v == 'a' else 12)
    truth = []
    if v == 'a':
        from docx.shared import Pt
        ps = dr.take(n)
        d = docx_letter(fb, font='Liberation Serif')
        docx_sign(d, fb)
        docx_landscape_section(d)
        p = d.add_paragraph(); r = p.add_run('Attachment 1 to letter ' + fb['ref']); r.bold = True
        tb = d.add_table(rows=2, cols=6)
        tb.style = 'Table Grid'
        h0, h1 = tb.rows[0].cells, tb.rows[1].cells
        a = h0[0].merge(h0[1]); a.text = 'Party'
        b = h0[2].merge(h0[4]); b.text = 'Address'
        c = h0[5].merge(h1[5]); c.text = 'HS subheading(s)'
        for cell, t in zip(h1[:5], ['Name', 'Also known as', 'Street', 'City / postal code', 'Country']):
            cell.text = t
        for rr in tb.rows[:2]:
            repeat_header(rr)
            for cc in rr.cells:
                set_cell_bg(cc, 'DCE6F1')
        for p in ps:
            al = pick_aliases(p, rnd, 4)
            hs = dr.hs_codes(rnd.choice([1, 2, 3]))
            row = tb.add_row().cells
            row[0].text = p['name']
            row[1].text = '\n'.join(al)
            row[2].text = p['street']
            row[3].text = p['city']
            row[4].text = cname(p['iso'], rnd, 0)
            row[5].text = '\n'.join(hsfmt(h, 'plain', rnd) for h in hs)
            truth.append(truth_party(p['name'], al, addr(p), p['iso'], hs))
        for r in tb.rows:
            for cc in r.cells:
                for pp in cc.paragraphs:
                    for rr in pp.runs:
                        rr.font.size = Pt(8.5)
                        if r._index < 2:
                            rr.bold = True
        docx_save_pdf(d, out)
        return truth
    # heldout: HTML landscape, colspan header, country column first merged down (rowspan)
    countries = ['CN', 'HK', 'IN', 'TH', 'MY', 'RS', 'UZ']
    ps = dr.take(n, countries=countries)
    ps.sort(key=lambda p: countries.index(p['iso']))
    groups = {}
    for p in ps:
        groups.setdefault(p['iso'], []).append(p)
    rows = []
    for iso, g in groups.items():
        for j, p in enumerate(g):
            al = pick_aliases(p, rnd, 3)
            hs = dr.hs_codes(rnd.choice([1, 2]))
            c0 = f'<td rowspan="{len(g)}" style="vertical-align:middle">{E(cname(iso, rnd, 0))}</td>' if j == 0 else ''
            rows.append(f'<tr>{c0}<td>{E(p["name"])}</td><td>{E("; ".join(al))}</td><td>{E(p["street"])}</td>'
                        f'<td>{E(p["city"])}</td><td>{", ".join(hsfmt(h, "hts8", rnd) for h in hs)}</td></tr>')
            truth.append(truth_party(p['name'], al, addr(p), iso, hs))
    t = ('<table><thead><tr><th rowspan="2">Country</th><th colspan="2">Entity</th><th colspan="2">Location</th>'
         '<th rowspan="2">Tariff lines</th></tr><tr><th>Name</th><th>Other names</th><th>Street</th><th>City</th></tr>'
         '</thead><tbody>' + ''.join(rows) + '</tbody></table>')
    html_to_pdf(html_letter(fb, t, page='A4', landscape_attach=True, attach_title='Appendix I',
                            font='DejaVu Serif', attach_font='DejaVu Sans', attach_size='8pt'), out)
    return truth


# ====================================================================== L10 one small key/value table per party
def l10_cards(v, dr, rnd, out):
    fb = frame_bits(rnd, 'guardian' if v == 'a' else 'redflag')
    n = 6 if v == 'a' else 8
    ps = dr.take(n)
    truth = []
    if v == 'a':
        from reportlab.platypus import Table, TableStyle, Paragraph, Spacer, KeepTogether
        from reportlab.lib import colors

        def flow(st):
            res = []
            for i, p in enumerate(ps, 1):
                al = pick_aliases(p, rnd, 5)
                hs = dr.hs_codes(rnd.choice([1, 2]))
                cn = cname(p['iso'], rnd, 1)
                data = [[Paragraph('Name', st['cellb']), Paragraph(E(p['name']), st['cell'])],
                        [Paragraph('Aliases', st['cellb']), Paragraph('<br/>'.join(E(a) for a in al) or 'None known', st['cell'])],
                        [Paragraph('Address', st['cellb']), Paragraph('<br/>'.join(E(x) for x in addr(p)), st['cell'])],
                        [Paragraph('Country', st['cellb']), Paragraph(E(cn), st['cell'])],
                        [Paragraph('HS codes', st['cellb']), Paragraph(', '.join(hsfmt(h, 'plain', rnd) for h in hs), st['cell'])]]
                t = Table(data, colWidths=[80, 370])
                t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black),
                                       ('BACKGROUND', (0, 0), (0, -1), colors.HexColor('#eeeeee')),
                                       ('VALIGN', (0, 0), (-1, -1), 'TOP')]))
                res.append(KeepTogether([Paragraph(f'<b>Party {i}</b>', st['body']), t, Spacer(1, 8)]))
                truth.append(truth_party(p['name'], al, addr(p), p['iso'], hs))
            return res
        rl_letter(out, fb, flow, attach_title='Attachment: Parties of Concern', font='LibSerif')
        return truth
    cards = []
    for p in ps:
        al = pick_aliases(p, rnd, 3)
        hs = dr.hs_codes(rnd.choice([1, 2, 3]))
        cn = cname(p['iso'], rnd, 2)
        cards.append(f'<table class="card"><tr><td colspan="2" class="nm">{E(p["name"])}</td></tr>'
                     f'<tr><td class="k">a.k.a.</td><td>{E("; ".join(al)) if al else "&mdash;"}</td></tr>'
                     f'<tr><td class="k">Address</td><td>{"<br>".join(E(x) for x in addr(p))}</td></tr>'
                     f'<tr><td class="k">Country</td><td>{E(cn)}</td></tr>'
                     f'<tr><td class="k">Tariff lines</td><td>{"; ".join(hsfmt(h, "hts8", rnd) for h in hs)}</td></tr></table>')
        truth.append(truth_party(p['name'], al, addr(p), p['iso'], hs))
    css = ('<style>.card{margin-bottom:10px;break-inside:avoid}.card td{border:0.5pt solid #777}'
           '.nm{background:#2b3e5c;color:#fff;font-weight:bold}.k{width:22%;color:#333;font-style:italic}</style>')
    html_to_pdf(html_letter(fb, css + ''.join(cards), page='Letter', attach_title='Customer Profiles',
                            font='Liberation Serif', attach_size='9pt'), out)
    return truth


# ====================================================================== L11 delimited register lines
def l11_register(v, dr, rnd, out):
    fb = frame_bits(rnd, 'supplier')
    n = 10 if v == 'a' else 12
    ps = dr.take(n)
    truth = []
    if v == 'a':
        pdf = fpdf_letter(fb, fmt='Letter', font='DejaVuSans')
        fpdf_sign(pdf, fb)
        pdf.add_page()
        pdf.set_font('DejaVuSans', 'B', 10)
        pdf.cell(0, 6, 'Attachment A - Register extract (parties of diversion concern)', new_x='LMARGIN', new_y='NEXT')
        pdf.ln(2)
        pdf.add_font('DejaVuSansMono', '', '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf')
        pdf.set_font('DejaVuSansMono', '', 7.5)
        for i, p in enumerate(ps, 1):
            al = pick_aliases(p, rnd, 3)
            cn = cname(p['iso'], rnd, 2)
            pdf.multi_cell(0, 3.6, f'{i:03d}  {p["name"]} -- {", ".join(addr(p))} -- {cn}', new_x='LMARGIN', new_y='NEXT')
            for a in al:
                pdf.multi_cell(0, 3.6, f'     AKA: {a}', new_x='LMARGIN', new_y='NEXT')
            pdf.ln(1.5)
            truth.append(truth_party(p['name'], al, addr(p), p['iso']))
        pdf.output(out)
        return truth
    lines = []
    for p in ps:
        al = pick_aliases(p, rnd, 2)
        hs = dr.hs_codes(rnd.choice([1, 2]))
        lines.append(' | '.join([p['name'], 'a.k.a. ' + ' / '.join(al) if al else 'a.k.a. -', ', '.join(addr(p)),
                                 p['iso'], ' '.join(hsfmt(h, 'plain', rnd) for h in hs)]))
        truth.append(truth_party(p['name'], al, addr(p), p['iso'], hs))
    pre = ('<p>Format: NAME | ALIASES | ADDRESS | ISO COUNTRY | HS-6</p><pre style="white-space:pre-wrap;'
           'font:7.5pt DejaVu Sans Mono;line-height:1.5">' + E('\n'.join(lines)) + '</pre>')
    html_to_pdf(html_letter(fb, pre, page='A4', attach_title='Annex (data extract)', font='Liberation Serif'), out)
    return truth


LAYOUTS = [('customs', l01_customs), ('onecell', l02_onecell), ('headerless', l03_headerless),
           ('paragraphs', l04_paragraphs), ('labels', l05_labels), ('sections', l06_sections),
           ('single', l07_single), ('twotables', l08_twotables), ('landscape_merged', l09_landscape_merged),
           ('cards', l10_cards), ('register', l11_register)]
SCANS = {'a': [('onecell', l02_onecell, 200, 45, dict(n=8)), ('sections', l06_sections, 250, 40, dict(n=9)),
               ('headerless', l03_headerless, 200, 50, dict(n=18))],
         'b': [('customs', l01_customs, 200, 45, {}), ('labels', l05_labels, 225, 42, dict(n=6)),
               ('landscape_merged', l09_landscape_merged, 200, 45, dict(n=8))]}


def main():
    pool = load_pool(SEED)
    dr = Drawer(pool, SEED)  # one drawer for both halves: no party in two letters
    for half, v, seed in [('dev', 'a', SEED + 1), ('heldout', 'b', SEED + 2)]:
        od = os.path.join(OUT, half)
        os.makedirs(od, exist_ok=True)
        rnd = random.Random(seed)
        for i, (nm, fn) in enumerate(LAYOUTS, 1):
            stem = f'g{"d" if v == "a" else "h"}{i:02d}_{nm}'
            lr = random.Random(f'{seed}-{nm}')
            truth = fn(v, dr, lr, os.path.join(od, stem + '.pdf'))
            write_truth(od, stem, truth)
            print(stem, len(truth), flush=True)
        for j, (nm, fn, dpi, q, kw) in enumerate(SCANS[v], 12):
            stem = f'g{"d" if v == "a" else "h"}{j:02d}_scan_{nm}'
            lr = random.Random(f'{seed}-scan-{nm}')
            tmp = os.path.join(od, '_born.pdf')
            truth = fn(v, dr, lr, tmp, **kw)
            scan_pdf(tmp, os.path.join(od, stem + '.pdf'), seed=j * 7 + len(v), dpi=dpi, quality=q)
            os.remove(tmp)
            write_truth(od, stem, truth)
            print(stem, len(truth), flush=True)


if __name__ == '__main__':
    main()
