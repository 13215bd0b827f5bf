import sys, random; sys.path.insert(0,'/work/helperD/gen')
from common import *
from fpdf import FPDF
from fpdf.fonts import FontFace
FD='/usr/share/fonts/truetype/dejavu/'
SC='/work/helperD/gen/scansrc'
class Doc(FPDF):
    ref=''; head=True
    def header(self):
        if self.head and self.page_no()==1:
            self.set_fill_color(120,20,20); self.rect(15,12,14,14,'F'); self.set_fill_color(255,255,255); self.rect(19,16,6,6,'F')
            self.set_font('DVB',size=10); self.set_xy(32,12); self.cell(0,5,'U.S. Department of Commerce — Bureau of Industry and Security')
            self.set_font('DV',size=8); self.set_xy(32,18); self.cell(0,5,'Export Enforcement · 1401 Constitution Ave NW, Washington DC 20230'); self.ln(14)
    def footer(self):
        self.set_y(-12); self.set_font('DV',size=7); self.cell(0,5,f'{self.ref}    page {self.page_no()} of {{nb}}',align='C')
def new(ref, orient='P'):
    d=Doc(orientation=orient,format='A4'); d.ref=ref
    d.add_font('DV',fname=FD+'DejaVuSans.ttf'); d.add_font('DVB',fname=FD+'DejaVuSans-Bold.ttf'); d.add_font('DVI',fname=FD+'DejaVuSans-Oblique.ttf'); d.add_font('DV',style='B',fname=FD+'DejaVuSans-Bold.ttf')
    d.set_auto_page_break(True,18); d.add_page(); d.set_font('DV',size=10); return d
def para(d,t,size=10,font='DV',h=5):
    d.set_font(font,size=size); d.multi_cell(0,h,t,new_x='LMARGIN',new_y='NEXT'); d.ln(2)

# L05 no rules table, Party of Concern | Other Names | Address | Country | HS codes
r=random.Random(105); ref='OEE-SL-2024-0522'
ps=pick(20,{'CN','HK','TR','AE','MY','SG','TH','IN'},105)
d=new(ref)
for t in ['December 2, 2024',f'Our reference: {ref}','To: Export Compliance, Helix Semiconductor Corp.','Subject: Supplier list — parties of diversion concern',
 'The Bureau of Industry and Security has identified the parties below as having shipped CHPL items to Russia. We encourage you to cease shipments to them voluntarily.']: para(d,t)
d.set_font('DV',size=7.5)
with d.table(col_widths=(50,40,55,22,28),borders_layout='NONE',text_align='LEFT',headings_style=FontFace(emphasis='BOLD'),line_height=4) as tb:
    row=tb.row()
    for h in ['Party of Concern','Other Names','Address','Country','HS codes']: row.cell(h)
    for p in ps:
        p['hs']=hs(r,digits=6) if r.random()<0.8 else []
        row=tb.row()
        for v in [p['name'],'\n'.join(p['aliases']),p['address'] or '',cname(p['country'],r),' '.join(p['hs'])]: row.cell(v)
d.ln(5); para(d,'Sincerely,\n\n\nKaren P. Whitfield\nDirector, Office of Export Enforcement')
d.output(f'{OUT}/L05_fpdf_norules.pdf'); truth('L05_fpdf_norules.pdf',ps)

# L06 Entity-List style: Country | Entity (name, a.k.a., address in one cell) | License requirement | Review policy
r=random.Random(106); ref='EE-IS-2025-0102'
ps=pick(12,{'CN','HK','RU','AE','TR','AM','KG'},106,need_addr=True)
d=new(ref,'L')
for t in ['February 11, 2025',ref,'Re: Is-informed letter — license requirement for the parties listed in Attachment A',
  'Pursuant to 15 CFR 744.21(b), you are informed that a license is required for exports of items subject to the EAR to the parties below.','Attachment A']: para(d,t)
d.set_font('DV',size=8)
with d.table(col_widths=(25,120,45,45),text_align='LEFT',headings_style=FontFace(emphasis='BOLD',fill_color=(220,220,220)),line_height=4.2) as tb:
    row=tb.row()
    for h in ['Country','Entity','License requirement','License review policy']: row.cell(h)
    lastc=None
    for p in sorted(ps,key=lambda p:p['country']):
        cn=cname(p['country'],random.Random(p['country'])).upper()
        al=''
        if len(p['aliases'])==1: al=f', a.k.a., {p["aliases"][0]}'
        elif p['aliases']:
            al=', a.k.a., the following '+['','one','two','three'][len(p['aliases'])]+' aliases: —'+'; and —'.join(p['aliases'])
        row=tb.row(); row.cell(cn if cn!=lastc else ''); lastc=cn
        row.cell(f'{p["name"]}{al}. {p["address"]}.'); row.cell('For all items subject to the EAR.'); row.cell('Policy of denial.')
d.output(f'{OUT}/L06_fpdf_entitylist_style.pdf'); truth('L06_fpdf_entitylist_style.pdf',ps)

# L07 single-column annex list, no address
r=random.Random(107); ref='OEE-SL-2024-0699'
ps=pick(30,{'CN','HK','TR','AE','IN','KZ','UZ','KG','AM','GE','RS','MY'},107)
d=new(ref)
for t in ['30 September 2024',ref,'Dear Sir or Madam:','Further to our meeting, the Office of Export Enforcement provides the following list of parties of diversion concern. Shipments of CHPL Tier 1 and Tier 2 items to these parties warrant particular scrutiny.','Sincerely,','Office of Export Enforcement']: para(d,t)
d.add_page(); para(d,'ANNEX — LIST OF PARTIES',12,'DVB')
for i,p in enumerate(ps,1):
    para(d,f'{i}. {p["name"]} ({cname(p["country"],r)})',9.5,'DVB',4.6)
    if p['aliases']: d.set_x(20); para(d,'Also known as: '+'; '.join(p['aliases']),8.5,'DVI',4.2)
    p['address']=None
d.output(f'{OUT}/L07_fpdf_single_column.pdf'); truth('L07_fpdf_single_column.pdf',ps)

# L14 country section headings, no country column; Name | Address | HS Code
r=random.Random(114); ref='OEE-RF-2025-0417'
ps=pick(18,{'CN','HK','AE','TR','SG','TH'},114,need_addr=True)
d=new(ref)
for t in ['April 17, 2025','Ref. '+ref,'Subject: Red flags — customers with apparent re-exports to Russia','The parties below, grouped by country, appear in Russian import records as consignors of items produced by your company.']: para(d,t)
by={}
for p in ps: by.setdefault(p['country'],[]).append(p)
for c,lst in by.items():
    para(d,cname(c,r).upper(),11,'DVB')
    d.set_font('DV',size=8)
    with d.table(col_widths=(60,85,35),text_align='LEFT',headings_style=FontFace(emphasis='BOLD'),borders_layout='HORIZONTAL_LINES',line_height=4.2) as tb:
        row=tb.row(); [row.cell(h) for h in ['Importer','Address','HS Code']]
        for p in lst:
            p['hs']=hs(r,k=1,digits='mix'); p['aliases']=[]
            row=tb.row(); row.cell(p['name']); row.cell(p['address']); row.cell(p['hs'][0])
    d.ln(4)
para(d,'Special Agent in Charge, Chicago Field Office')
d.output(f'{OUT}/L14_fpdf_country_headings.pdf'); truth('L14_fpdf_country_headings.pdf',ps)

# S3 scan source: is-informed paragraphs in fpdf
r=random.Random(203); ref='EE-IS-2024-0077'
ps=pick(6,{'RU','KZ','KG','UZ','RS','TR'},203,need_addr=True)
d=new(ref)
for t in ['December 19, 2024',ref,'Subject: Is-informed notification','You are informed that a license is required for exports to the following parties of the items noted:']: para(d,t)
for i,p in enumerate(ps,1):
    p['hs']=hs(r,k=2)
    al=f' (also known as {", ".join(p["aliases"])})' if p['aliases'] else ''
    para(d,f'({chr(96+i)}) {p["name"]}{al}, {p["address"]}, {cname(p["country"],r)} — HS {", ".join(p["hs"])}')
para(d,'Sincerely,\n\nDirector, Office of Exporter Services')
d.output(f'{SC}/S3_scan_paragraphs.pdf'); truth('S3_scan_paragraphs.pdf',ps,folder=SC)
save_used()
