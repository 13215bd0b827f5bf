from gen import *
# ---- L01 red flag, docx, merged header cells + shaded
def L01():
    ps = mix(['CN','HK','TR','AE','HK','CN'])
    d=Document(); landscape(d); letterhead_docx(d,'OEE-RF-2024-0187','July 22, 2024','Acme Microsystems Inc.\nAttn: Export Compliance Officer\n1200 Innovation Way, San Jose, CA 95134','Red Flag Notification – Possible Diversion to the Russian Federation')
    d.add_paragraph('The Office of Export Enforcement (OEE) has identified the following customers of your company who appear to have re-exported items of your manufacture to the Russian Federation. Customs data show shipments of the Common High Priority List (CHPL) items listed below. You are advised to exercise heightened due diligence and resolve these red flags before any further transaction.')
    t=d.add_table(rows=2, cols=7); t.style='Table Grid'
    a=t.cell(0,0).merge(t.cell(1,0)); hdr_cell(a,'No.')
    m=t.cell(0,1).merge(t.cell(0,3)); hdr_cell(m,'Party Information')
    for i,h in [(4,'Country'),(5,'HS Codes (CHPL)'),(6,'Shipments')]:
        c=t.cell(0,i).merge(t.cell(1,i)); hdr_cell(c,h)
    for i,h in [(1,'Name'),(2,'Also Known As'),(3,'Address')]: hdr_cell(t.cell(1,i),h)
    for n,p in enumerate(ps,1):
        codes=hs(random.randint(1,3)); fin(p,hs_=codes)
        r=t.add_row().cells
        vals=[str(n),p['name'],'; '.join(p['aliases']) or '—',addr(p),CNAME[p['iso']],'; '.join(codes),str(random.randint(3,60))]
        for c,v in zip(r,vals): c.text=v
    widths(t,[1,5,4.2,5.5,2.4,2.6,2.4])
    d.add_paragraph('\nPlease direct any questions to the OEE field office listed below.'); sign_docx(d)
    d.save(B/'L01_redflag_merged.docx'); soffice(B/'L01_redflag_merged.docx', OUT); truth('L01_redflag_merged.pdf', ps)
# ---- L02 supplier list docx: No. | Entity | Address | Country | Remarks (aliases + HS in remarks)
def L02():
    ps = mix(['CN','HK','HK','TR','AE','AE','IN','KG','AM','KZ','UZ','MY','RS','CN'])
    d=Document(); letterhead_docx(d,'BIS/OEE/SL-24-0412','August 5, 2024','Dear Industry Partner:','Parties of Diversion Concern')
    d.add_paragraph('BIS has identified the parties below as having supplied, or attempted to supply, items of U.S. origin to Russia. BIS requests that you scrutinize any transaction involving these parties and consider voluntarily ceasing shipments to them.')
    t=d.add_table(rows=1, cols=5); t.style='Table Grid'
    for c,h in zip(t.rows[0].cells,['No.','Entity Name','Address','Country','Remarks']): hdr_cell(c,h,)
    for n,p in enumerate(ps,1):
        codes = hs(random.randint(0,2)); fin(p, hs_=codes)
        rem=[]
        if p['aliases']: rem.append('Also known as: '+'; '.join(p['aliases']))
        if codes: rem.append('HS '+', '.join(codes))
        rem.append(f'{random.randint(2,90)} shipments 2023–2024')
        for c,v in zip(t.add_row().cells,[f'{n}.',p['name'],addr(p),CNAME[p['iso']],'. '.join(rem)]): c.text=v
    widths(t,[1.1,4.5,5,2.2,4.2])
    sign_docx(d,'Director, Office of Export Enforcement')
    d.save(B/'L02_supplier_remarks.docx'); soffice(B/'L02_supplier_remarks.docx', OUT); truth('L02_supplier_remarks.pdf', ps)
# ---- L03 running text, fpdf2
def L03():
    hk = take('HK',3); rest = mix(['AE','TR','CN'])
    pdf=FPDF(); pdf.add_font('dv','', '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'); pdf.add_font('dv','B','/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf')
    pdf.add_page(); pdf.set_font('dv','B',11)
    pdf.multi_cell(0,6,'U.S. Department of Commerce\nBureau of Industry and Security\nOffice of Export Enforcement'); pdf.ln(4)
    pdf.set_font('dv','',10.5)
    for x in hk: fin(x, aliases=[], address=None, country='HK')
    a,b,c = rest
    ca = hs(2); fin(a, aliases=a['aliases'][:1], address=None, country='AE', hs_=ca)
    fin(b, aliases=[], address=None, country='TR'); fin(c, aliases=[], address=None, country='CN')
    aka = f' (also known as {a["aliases"][0]})' if a['aliases'] else ''
    txt = ['September 3, 2024','Ref. 744.21(b)-IS-2024-033','','Northfield Instruments LLC\n55 Harbor Drive\nBoston, MA 02110','',
     'Re: "Is Informed" Notice Pursuant to 15 CFR 744.21(b)','',
     'Dear Mr. Halvorsen:',
     f'This letter informs you that a license is required for the export, reexport or transfer (in-country) of items subject to the EAR to the parties identified below. Our investigation has established that several of your distributors have forwarded integrated circuits to end users in the Russian Federation, including {hk[0]["name"]}, {hk[1]["name"]} and {hk[2]["name"]}, all located in Hong Kong.',
     f'In addition, {a["name"]}{aka}, a trading company in the United Arab Emirates, received shipments of items classified under HS {ca[0]} and {ca[1]} that were subsequently consigned to a Moscow freight forwarder.',
     f'We have further determined that {b["name"]}, of Türkiye, and {c["name"]}, located in the People\'s Republic of China, acted as intermediate consignees for the same transactions.',
     'Accordingly, you may not export any item subject to the EAR to these parties without first obtaining a license from BIS. License applications will be reviewed under a policy of denial.',
     'Sincerely,','','Assistant Director, Office of Export Enforcement']
    for l in txt: pdf.multi_cell(0,5.5,l); pdf.ln(1.5)
    pdf.output(str(OUT/'L03_running_text.pdf')); truth('L03_running_text.pdf', hk+rest)
# ---- L04 attachment A, chromium
def L04():
    ps = mix(['CN','HK','TR','AE','RU','KG','KZ','AM','IN','HK','TR','CN'])
    rows=''
    for p in ps:
        fin(p, address=p['street']+(', '+p['city'] if p['city'] else ''))
        rows+=f'<tr><td>{html.escape(p["name"])}</td><td>{html.escape("; ".join(p["aliases"]))}</td><td>{html.escape(p["street"])}</td><td>{html.escape(p["city"])}</td><td>{CNAME[p["iso"]]}</td></tr>'
    h=f'''<html><head><meta charset="utf-8"><style>body{{font-family:"Liberation Serif";font-size:11pt;margin:0.6in}} table{{border-collapse:collapse;width:100%;font-size:9pt}} td,th{{border:1px solid #000;padding:3px;vertical-align:top}} th{{background:#ddd}} .pb{{page-break-before:always}}</style></head><body>
<p><b>UNITED STATES DEPARTMENT OF COMMERCE</b><br>Bureau of Industry and Security<br>Washington, D.C. 20230</p><p>June 14, 2024</p>
<p>To: Export Compliance Department, Orion Semiconductor Corp.</p><p><b>Subject: Supplier List – Parties of Diversion Concern</b></p>
<p>The parties listed in Attachment A have been identified through commercial and customs data as having shipped CHPL items to Russia since February 2022. BIS requests that you review your transactions with these parties.</p><p>Sincerely,<br><br>Office of Export Enforcement</p>
<div class="pb"><h3 style="text-align:center">Attachment A</h3><table><tr><th>Entity</th><th>Also Known As</th><th>Street Address</th><th>City</th><th>Country</th></tr>{rows}</table></div></body></html>'''
    chromium(h, OUT/'L04_attachment_a.pdf'); truth('L04_attachment_a.pdf', ps)
# ---- L05 city only, fpdf table
def L05():
    cityp = lambda cities: (lambda x: any(x['city'].startswith(c) for c in cities))
    ps = take('AE',2,cityp(['Dubai']))+take('RU',3,cityp(['Moscow']))+take('CN',1,cityp(['Shenzhen','Guangzhou','Beijing']))+take('HK',1,lambda x:x['city']=='Hong Kong')+take('TR',1,cityp(['Istanbul']))+take('KG',1,cityp(['Bishkek']))
    random.shuffle(ps)
    pdf=FPDF(); pdf.add_font('dv','', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'); pdf.add_font('dv','B','/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf')
    pdf.add_page(); pdf.set_font('dv','B',11); pdf.multi_cell(0,5,'BUREAU OF INDUSTRY AND SECURITY\nOffice of Export Enforcement – Chicago Field Office'); pdf.ln(3)
    pdf.set_font('dv','',10); pdf.multi_cell(0,5,'October 1, 2024\n\nGreatLakes Avionics Inc.\n\nRe: Red Flag Letter\n\nOEE has reviewed export data and identified transactions in which your items were received by the following parties and later appeared in shipments to Russia. The items involved are identified by HS code.'); pdf.ln(3)
    data=[]
    for p in ps:
        codes=hs(random.randint(1,2)); fin(p, hs_=codes); data.append((p['name']+('\na.k.a. '+'; '.join(p['aliases']) if p['aliases'] else ''), addr(p), '\n'.join(codes)))
    pdf.set_font('dv','',8.5)
    with pdf.table(col_widths=(60,90,30), headings_style=__import__('fpdf').FontFace(emphasis='BOLD', fill_color=(220,220,220))) as tb:
        r=tb.row(); [r.cell(h) for h in ('Company','Address','HS Code')]
        for row in data:
            r=tb.row(); [r.cell(v) for v in row]
    pdf.ln(4); pdf.set_font('dv','',10); pdf.multi_cell(0,5,'Sincerely,\n\nSpecial Agent in Charge')
    pdf.output(str(OUT/'L05_city_only.pdf')); truth('L05_city_only.pdf', ps)
# ---- L06 table + bullets, docx
def L06():
    t1 = mix(['HK','CN','AE']); bl = mix(['TR','IN','MY','RS'])
    d=Document(); letterhead_docx(d,'PG-2024-118','May 9, 2024','Vertex Photonics, Inc.','Project Guardian Request')
    d.add_paragraph('Under Project Guardian, BIS requests that you notify the Office of Export Enforcement of any inquiry or order from the following parties, which have been linked to procurement for the Russian military-industrial base.')
    t=d.add_table(rows=1, cols=3); t.style='Light Grid Accent 1'
    for c,h in zip(t.rows[0].cells,['Name','Address','Country']): c.text=h
    for p in t1:
        fin(p, aliases=[]); 
        for c,v in zip(t.add_row().cells,[p['name'],addr(p),CNAME[p['iso']]]): c.text=v
    widths(t,[5.5,7.5,3])
    d.add_paragraph('\nThe following parties were also identified:')
    for p in bl:
        codes=hs(1); fin(p, hs_=codes, aliases=p['aliases'][:1])
        aka = f' (a.k.a. {p["aliases"][0]})' if p['aliases'] else ''
        d.add_paragraph(f'{p["name"]}{aka}, {addr(p)}, {CNAME[p["iso"]]} – HS {codes[0]}', style='List Bullet')
    d.add_paragraph('Do not ship to these parties. Contact your local OEE field office with any information.'); sign_docx(d)
    d.save(B/'L06_table_bullets.docx'); soffice(B/'L06_table_bullets.docx', OUT); truth('L06_table_bullets.pdf', t1+bl)
# ---- L07 30 parties, 3 pages, header not repeated (chromium)
def L07():
    cs = ['CN','HK','TR','AE','RU','IN','KZ','KG','UZ','AM','MY','RS','GE','CN','HK','AE','TR','RU','CN','HK','AE','TR','IN','RU','CN','HK','AE','RU','TR','MY']
    ps = mix(cs); rows=''
    for n,p in enumerate(ps,1):
        fin(p, address=addr(p))
        rows += f'<tr><td>{n}</td><td>{html.escape(p["name"])}</td><td>{html.escape("; ".join(p["aliases"]))}</td><td>{html.escape(addr(p))}</td><td>{CNAME[p["iso"]]}</td></tr>'
    h=f'''<html><head><meta charset="utf-8"><style>body{{font-family:"DejaVu Sans";font-size:8.5pt;margin:0.6in}} table{{border-collapse:collapse;width:100%}} td{{border:1px solid #444;padding:4px;vertical-align:top}} tr.h td{{font-weight:bold;background:#ccc}}</style></head><body>
<p><b>Bureau of Industry and Security — Office of Export Enforcement</b></p><p>Supplier List Annex, Ref. SL-2024-07</p><p>The following parties of diversion concern are provided for your screening. Rows continue on the following pages.</p>
<table><tbody><tr class="h"><td>#</td><td>Name</td><td>Aliases</td><td>Address</td><td>Country</td></tr>{rows}</tbody></table></body></html>'''
    chromium(h, OUT/'L07_long_table.pdf'); truth('L07_long_table.pdf', ps)
for f in [L01,L02,L03,L04,L05,L06,L07]: f(); print(f.__name__)
json.dump(pool, open(B/'pool_left.json','w'))
