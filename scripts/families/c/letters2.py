import gen
from gen import *
pool.clear(); pool.update(json.load(open(B/'pool_left.json'))); random.seed(11)
TL=[('shch','щ'),('kh','х'),('zh','ж'),('ts','ц'),('ch','ч'),('sh','ш'),('ya','я'),('yu','ю'),('yo','ё'),('iy','ий'),('yy','ый'),
    ('a','а'),('b','б'),('v','в'),('g','г'),('d','д'),('e','е'),('z','з'),('i','и'),('y','ы'),('k','к'),('l','л'),('m','м'),('n','н'),
    ('o','о'),('p','п'),('r','р'),('s','с'),('t','т'),('u','у'),('f','ф'),('c','к'),('x','кс'),('w','в'),('h','х'),('j','дж'),('q','к')]
def cyr(s):
    out=''; i=0; s2=s.lower()
    while i<len(s2):
        for a,b in TL:
            if s2.startswith(a,i):
                out+=b; i+=len(a); break
        else: out+=s2[i]; i+=1
    return ' '.join(w[:1].upper()+w[1:] for w in out.split())
def L08():
    ru = take('RU',5,lambda x: re.match(r'^(LIMITED LIABILITY COMPANY|JOINT STOCK COMPANY) [A-Z]+( [A-Z]+)?$', x['name']) is not None)
    kz = take('KZ',1); kg = take('KG',1)
    cn = take('CN',2,lambda x: x['name'].startswith(('BEIJING','SHENZHEN','GUANGZHOU')))
    zh = {}
    d=Document(); letterhead_docx(d,'OEE-IS-24-0921','November 18, 2024','Polaris Sensor Technologies LLC','Notice of License Requirement (15 CFR 744.21(b))')
    d.add_paragraph('You are hereby informed that a license is required for the export or reexport of any item subject to the EAR to the following parties, which have acted as procurement agents for end users in Russia:')
    t=d.add_table(rows=1, cols=3); t.style='Table Grid'
    for c,h in zip(t.rows[0].cells,['Party (as registered)','Address','Country']): hdr_cell(c,h)
    ps=[]
    for p in ru:
        core = p['name'].split(' ',3)[-1] if p['name'].startswith('LIMITED') else p['name'].split(' ',3)[-1]
        lat = ('OOO ' if p['name'].startswith('LIMITED') else 'AO ')+core.title()
        nat = ('ООО «' if lat.startswith('OOO') else 'АО «')+cyr(core)+'»'
        fin(p, name=lat, aliases=[nat]); p['disp']=f'{lat} ({nat})'; ps.append(p)
    for p in kz+kg:
        fin(p, aliases=[]); p['disp']=p['name']; ps.append(p)
    CHN={'BEIJING':'北京','SHENZHEN':'深圳','GUANGZHOU':'广州'}
    for p in cn:
        w=p['name'].split()
        nat = CHN[w[0]]+'市'+cyr(w[1])[:0]+ {0:'路诚伟业科技发展有限公司',1:'星华恒诚科技发展有限公司'}[cn.index(p)]
        lat = mixed(p['name']); fin(p, name=lat, aliases=[nat]); p['disp']=f'{lat} {nat}'; ps.append(p)
    for p in ps:
        for c,v in zip(t.add_row().cells,[p['disp'],addr(p),CNAME[p['iso']]]): c.text=v
    widths(t,[7,7,2.5]); sign_docx(d)
    d.save(B/'L08_native_script.docx'); soffice(B/'L08_native_script.docx', OUT); truth('L08_native_script.pdf', ps)
def L09():  # numbered Entity-List-style paragraphs, 10-digit HTS
    ps = mix(['CN','HK','AE','TR','RU','AM','IN'])
    pdf=FPDF(); pdf.add_font('lt','', '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf'); pdf.add_font('lt','B','/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf')
    pdf.add_page(); pdf.set_font('lt','B',12); pdf.cell(0,6,'UNITED STATES DEPARTMENT OF COMMERCE',align='C',new_x='LMARGIN',new_y='NEXT'); pdf.set_font('lt','',11)
    pdf.cell(0,6,'Bureau of Industry and Security',align='C',new_x='LMARGIN',new_y='NEXT'); pdf.ln(6)
    pdf.multi_cell(0,5.5,'December 2, 2024\n\nBY ELECTRONIC MAIL\n\nCobalt Test & Measurement, Inc.\n\nSubject: "Is Informed" Letter\n\nPursuant to Sections 744.21(b) and 744.6(c) of the Export Administration Regulations, you are informed that there is an unacceptable risk of use in, or diversion to, a military end use or end user in Russia of the items described below when destined to the following parties:\n')
    for n,p in enumerate(ps,1):
        codes=hs(random.randint(1,3),10); fin(p, aliases=p['aliases'], hs_=codes)
        al=''
        if len(p['aliases'])==1: al=f', a.k.a. {p["aliases"][0]}'
        elif len(p['aliases'])>1: al=', a.k.a., the following two aliases: -'+'; and -'.join(p['aliases'])
        pdf.multi_cell(0,5.5,f'({n}) {p["name"]}{al}. {addr(p)}, {CNAME[p["iso"]]}.\n      Items: HTS {", ".join(codes)}.'); pdf.ln(2)
    pdf.multi_cell(0,5.5,'\nThis requirement remains in effect until further notice.\n\nSincerely,\n\nDirector, Office of Export Enforcement')
    pdf.output(str(OUT/'L09_is_informed_numbered.pdf')); truth('L09_is_informed_numbered.pdf', ps)
def L10():  # Project Guardian key-value blocks, chromium, 8-digit
    ps = mix(['AE','UZ','GE','KZ','HK']); blocks=''
    for n,p in enumerate(ps,1):
        codes=hs(random.randint(1,2),8); fin(p, hs_=codes)
        blocks+=f'<div class="b"><b>Party {n}</b><br>Name: {html.escape(p["name"])}<br>Alias(es): {html.escape(", ".join(p["aliases"]) or "None known")}<br>Address: {html.escape(addr(p))}<br>Country: {CNAME[p["iso"]]}<br>Items of interest: {", ".join(codes)}</div>'
    h=f'''<html><head><meta charset="utf-8"><style>body{{font-family:"Liberation Sans";font-size:10.5pt;margin:0.8in}} .b{{margin:10px 0;padding:6px;border-left:3px solid #555}}</style></head><body>
<p style="text-align:right">Office of Export Enforcement<br>Dallas Field Office<br>March 11, 2024</p><p>Meridian RF Components LLC<br>Attention: Trade Compliance</p><p><b>PROJECT GUARDIAN – REQUEST FOR NOTIFICATION</b></p>
<p>OEE requests that you notify this office immediately if you receive any inquiry or order from the parties described below. Please do not proceed with any such transaction.</p>{blocks}<p>Thank you for your cooperation.</p><p>Special Agent in Charge</p></body></html>'''
    chromium(h, OUT/'L10_guardian_blocks.pdf'); truth('L10_guardian_blocks.pdf', ps)
def L11():  # Entity-List style table, country v-merged
    groups=[('CHINA, PEOPLE\'S REPUBLIC OF','CN',3),('RUSSIA','RU',2),('TÜRKIYE','TR',2),('UNITED ARAB EMIRATES','AE',2)]
    d=Document(); landscape(d); letterhead_docx(d,'BIS-IS-2024-0057','April 29, 2024','Helix Avionics Corp.','License Requirement for Listed Parties')
    d.add_paragraph('The parties below are subject to the license requirement described in this letter. Entries follow the format of Supplement No. 4 to Part 744.')
    t=d.add_table(rows=1, cols=5); t.style='Table Grid'
    for c,h in zip(t.rows[0].cells,['Country','Entity','License requirement','License review policy','Federal Register citation']): hdr_cell(c,h)
    allp=[]
    for cname,iso,n in groups:
        ps=take(iso,n, lambda x: True); start=len(t.rows)
        for p in ps:
            fin(p); r=t.add_row().cells
            al=p['aliases']
            if len(al)==1: txt=f'{p["name"]}, a.k.a. {al[0]}. {addr(p)}.'
            elif len(al)==2: txt=f'{p["name"]}, a.k.a., the following two aliases:\n—{al[0]}; and\n—{al[1]}.\n{addr(p)}.'
            else: txt=f'{p["name"]}, {addr(p)}.'
            r[1].text=txt; r[2].text='For all items subject to the EAR. (See §744.11 of the EAR)'; r[3].text='Presumption of denial.'; r[4].text='89 FR 28594, 4/19/24.'
        m=t.cell(start,0).merge(t.cell(len(t.rows)-1,0)); m.text=cname
        allp+=ps
    widths(t,[3,10,4,3.5,3.5]); sign_docx(d)
    d.save(B/'L11_entity_list_style.docx'); soffice(B/'L11_entity_list_style.docx', OUT); truth('L11_entity_list_style.pdf', allp)
def L12():  # odt via odfpy, mixed-case names
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TableColumnProperties, TextProperties, TableCellProperties
    from odf.text import P
    from odf.table import Table, TableColumn, TableRow, TableCell
    ps = mix(['KZ','UZ','AM','KG','RS','MY','IN','TR'])
    doc=OpenDocumentText()
    bold=Style(name='B',family='paragraph'); bold.addElement(TextProperties(fontweight='bold')); doc.automaticstyles.addElement(bold)
    cs=Style(name='C',family='table-cell'); cs.addElement(TableCellProperties(border='0.5pt solid #000000',padding='0.05cm')); doc.automaticstyles.addElement(cs)
    hs_=Style(name='H',family='table-cell'); hs_.addElement(TableCellProperties(border='0.5pt solid #000000',backgroundcolor='#c0c0c0',padding='0.05cm')); doc.automaticstyles.addElement(hs_)
    for l in ['U.S. Department of Commerce – Bureau of Industry and Security','Office of Export Enforcement','','January 16, 2025','','Sierra Embedded Systems, Inc.','','Re: Red Flag Letter – Transshipment Risk','',
              'Our review of trade data indicates that the following customers of your company received CHPL items that were subsequently shipped to Russia. Please resolve these red flags before any further exports.','']:
        doc.text.addElement(P(text=l, stylename=bold if l.startswith('Re:') else None))
    ts=Style(name='TS',family='table'); from odf.style import TableProperties; ts.addElement(TableProperties(width='18cm',align='left')); doc.automaticstyles.addElement(ts)
    tb=Table(name='Parties',stylename=ts)
    for i,w in enumerate(['5.2cm','5.2cm','2.3cm','2cm','3.3cm']):
        st=Style(name=f'col{i}',family='table-column'); st.addElement(TableColumnProperties(columnwidth=w)); doc.automaticstyles.addElement(st); tb.addElement(TableColumn(stylename=st))
    tr=TableRow(); 
    for h in ['Customer','Address','Country','HS Codes','Remarks']:
        c=TableCell(stylename=hs_); c.addElement(P(text=h, stylename=bold)); tr.addElement(c)
    tb.addElement(tr)
    for p in ps:
        codes=hs(random.randint(1,3)); nm=mixed(p['name']); al=[mixed(a) for a in p['aliases']]
        fin(p, name=nm, aliases=al, hs_=codes)
        rem = ('Formerly/also: '+' / '.join(al)+'. ' if al else '')+f'Last shipment {random.randint(1,12):02d}/2024'
        tr=TableRow()
        for v in [nm, addr(p), CNAME[p['iso']], ', '.join(c.replace('.','') for c in codes), rem]:
            c=TableCell(stylename=cs); c.addElement(P(text=v)); tr.addElement(c)
        tb.addElement(tr)
    doc.text.addElement(tb); doc.text.addElement(P(text='')); doc.text.addElement(P(text='Sincerely, Special Agent in Charge'))
    doc.save(str(B/'L12_odt_mixed_case.odt')); soffice(B/'L12_odt_mixed_case.odt', OUT); truth('L12_odt_mixed_case.pdf', ps)
def L13():  # customs-data landscape fpdf, repeated parties across rows
    ps = mix(['HK','CN','AE','TR','IN','KZ'])
    rows=[]
    for p in ps:
        k=random.choice([1,2,2,3]); codes=hs(k); fin(p, aliases=[], hs_=codes)
        for c in codes: rows.append((p['name'], addr(p), CNAME[p['iso']], c.replace('.',''), str(random.randint(1,40)), f'2023-{random.randint(1,12):02d}-{random.randint(1,28):02d}'))
    pdf=FPDF(orientation='L'); pdf.add_font('dv','', '/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf'); pdf.add_font('dv','B','/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf')
    pdf.add_page(); pdf.set_font('dv','B',11); pdf.multi_cell(0,5,'Office of Export Enforcement – Red Flag Notification\nRef. OEE-NY-RF-25-004   February 3, 2025'); pdf.ln(2)
    pdf.set_font('dv','',9.5); pdf.multi_cell(0,5,'To: Keystone Interconnect Corp.\n\nThe table below summarises customs records in which your products, shipped to the consignees listed, were re-exported to the Russian Federation. Each row is one HS subheading for one consignee.'); pdf.ln(3)
    pdf.set_font('dv','',8)
    import fpdf as F
    with pdf.table(col_widths=(55,95,30,22,18,25), headings_style=F.FontFace(emphasis='BOLD', fill_color=(200,200,200))) as tb:
        r=tb.row(); [r.cell(h) for h in ('Consignee','Consignee Address','Country','HS Code','Shipments','First Seen')]
        for row in rows:
            r=tb.row(); [r.cell(v) for v in row]
    pdf.ln(3); pdf.set_font('dv','',9.5); pdf.multi_cell(0,5,'Special Agent in Charge, New York Field Office')
    pdf.output(str(OUT/'L13_customs_rows.pdf')); truth('L13_customs_rows.pdf', ps)
def L14():  # grouped by country: section rows merged across columns, docx
    groups=[('HONG KONG','HK',3),('INDIA','IN',2),('KYRGYZSTAN','KG',2),('UNITED ARAB EMIRATES','AE',2),('UZBEKISTAN','UZ',1)]
    d=Document(); letterhead_docx(d,'SL-2024-ANNEX-2','July 8, 2024','Distribution: Industry Partners','Annex 2 – Parties of Diversion Concern by Jurisdiction')
    d.add_paragraph('Parties are grouped by jurisdiction. The jurisdiction heading applies to all entries beneath it.')
    t=d.add_table(rows=1, cols=5); t.style='Table Grid'
    for c,h in zip(t.rows[0].cells,['No.','Name','Alias','Address','HS (CHPL)']): hdr_cell(c,h)
    allp=[]; n=0
    for cname,iso,k in groups:
        r=t.add_row(); m=r.cells[0].merge(r.cells[4]); m.text=''; rr=m.paragraphs[0].add_run(cname); rr.bold=True; shade(m,'EDEDED')
        for p in take(iso,k):
            n+=1; codes=hs(random.randint(0,2)); fin(p, aliases=p['aliases'][:1], hs_=codes)
            for c,v in zip(t.add_row().cells,[str(n),p['name'],p['aliases'][0] if p['aliases'] else '',addr(p),'\n'.join(codes)]): c.text=v
            allp.append(p)
    widths(t,[1,5,3.5,5.5,2]); sign_docx(d)
    d.save(B/'L14_grouped_by_country.docx'); soffice(B/'L14_grouped_by_country.docx', OUT); truth('L14_grouped_by_country.pdf', allp)
def L15():  # running text, city-only, mixed case, fpdf
    cityp = lambda cities: (lambda x: any(x['city'].startswith(c) for c in cities))
    a=take('CN',1,cityp(['Shenzhen','Guangzhou','Shanghai','Beijing']))[0]; b=take('RU',1,cityp(['Moscow']))[0]; c=take('AE',1,cityp(['Dubai']))[0]; e=take('RU',1,cityp(['Saint Petersburg','St. Petersburg']))[0]; f=take('TR',1,cityp(['Istanbul']))[0]
    for p in (a,b,c,e,f): fin(p, name=mixed(p['name']), aliases=[], address=None)
    city=lambda p: re.sub(r'\s*\d.*$','',p['city']).split(',')[0]
    ha=hs(2); a['phs']=ha; hb=hs(1); b['phs']=hb
    txt=['Office of Export Enforcement','San Francisco Field Office','','August 19, 2024','','Bayview Circuits Inc.','','Dear Compliance Officer:',
      f'OEE has reviewed shipments made by your company during 2023. Our review indicates that your customer {a["pname"]} of {city(a)} received printed circuit assemblies (HS {ha[0]} and {ha[1]}) and, within weeks, re-exported them to {b["pname"]} in {city(b)}.',
      f'The same goods were invoiced through {c["pname"]}, a trading house in {city(c)}. Shipping documents list {e["pname"]}, {city(e)}, as the notify party; {b["pname"]} also imported items under HS {hb[0]}.',
      f'Separately, freight records show {f["pname"]} ({city(f)}) arranging onward transport by road through Georgia.',
      'These facts present red flags of diversion. Please resolve them before proceeding with any further transaction involving these parties.','','Respectfully,','Special Agent in Charge']
    pdf=FPDF(); pdf.add_font('dv','', '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'); pdf.add_page(); pdf.set_font('dv','',10.5)
    for l in txt: pdf.multi_cell(0,5.5,l); pdf.ln(1)
    pdf.output(str(OUT/'L15_running_city_only.pdf')); truth('L15_running_city_only.pdf', [a,b,c,e,f])
for f in [L08,L09,L10,L11,L12,L13,L14,L15]: f(); print(f.__name__)
json.dump(pool, open(B/'pool_left2.json','w'))
