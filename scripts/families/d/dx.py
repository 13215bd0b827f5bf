import sys, random, subprocess, os; sys.path.insert(0,'/work/helperD/gen')
from common import *
from docx import Document
from docx.shared import Pt, Cm, RGBColor
from docx.enum.section import WD_ORIENT
SC='/work/helperD/gen/scansrc'
def base(ref,date):
    d=Document(); s=d.sections[0]; s.left_margin=s.right_margin=Cm(2)
    hp=s.header.paragraphs[0]; hp.text='BUREAU OF INDUSTRY AND SECURITY — OFFICE OF EXPORT ENFORCEMENT'; hp.runs[0].bold=True
    fp=s.footer.paragraphs[0]; fp.text=f'{ref} | For official use by the addressee'
    st=d.styles['Normal']; st.font.name='Liberation Serif'; st.font.size=Pt(11)
    d.add_paragraph(date); d.add_paragraph('Our ref.: '+ref); return d
def conv(docx, folder):
    subprocess.run(['soffice','--headless','--convert-to','pdf','--outdir',folder,docx],check=True,capture_output=True,timeout=180)

# L11 Word table supplier list
r=random.Random(111); ref='OEE-SL-2024-0815'
ps=pick(15,{'CN','HK','TR','AE','IN','UZ','KZ','AM','GE'},111)
d=base(ref,'August 15, 2024')
d.add_paragraph('Orion Photonics, Inc.\nAttn: Trade Compliance\n1200 Harbor Blvd, San Diego, CA')
d.add_paragraph('Re: Parties of diversion concern').runs[0].bold=True
d.add_paragraph('BIS has identified the following companies as parties of diversion concern. We request that you voluntarily stop shipping to them and review past transactions.')
t=d.add_table(rows=1,cols=5); t.style='Light Grid Accent 1'
for c,h in zip(t.rows[0].cells,['Company Name','AKA','Location','Country','Tier / HS']): c.text=h
for p in ps:
    p['hs']=hs(r,k=r.randint(1,2)) if r.random()<0.7 else []
    cells=t.add_row().cells
    for c,v in zip(cells,[p['name'],'\n'.join(p['aliases']),p['address'] or 'Not available',cname(p['country'],r),', '.join(p['hs'])]):
        c.text=v
        for para in c.paragraphs:
            for run in para.runs: run.font.size=Pt(8.5)
d.add_paragraph(); d.add_paragraph('Sincerely,\n\n\nDaniel S. Okafor\nSpecial Agent in Charge, Los Angeles Field Office')
d.save('/work/helperD/gen/L11_docx_table.docx'); conv('/work/helperD/gen/L11_docx_table.docx',OUT); truth('L11_docx_table.pdf',ps)

# L12 is-informed bullet list
r=random.Random(112); ref='EE-IS-2025-0009'
ps=pick(4,{'RU','HK','CN','KG'},112,need_addr=True)
d=base(ref,'January 9, 2025')
d.add_paragraph('Subject: Is-informed notice under 15 CFR 744.6(c) and 744.21(b)').runs[0].bold=True
d.add_paragraph('You are hereby informed that a license is required for the export of any item subject to the EAR listed in Supplement No. 6 to Part 746 to the following parties:')
for p in ps:
    p['hs']=hs(r,k=2,digits=8)
    al=f', also known as {" and ".join(p["aliases"])}' if p['aliases'] else ''
    d.add_paragraph(f'{p["name"]}{al}; {p["address"]}; {cname(p["country"],r)} (items: {", ".join(p["hs"])})',style='List Bullet')
d.add_paragraph('This notice is effective immediately.'); d.add_paragraph('Sincerely,\n\nMatthew Li\nDirector, Office of Export Enforcement')
d.save('/work/helperD/gen/L12_docx_bullets.docx'); conv('/work/helperD/gen/L12_docx_bullets.docx',OUT); truth('L12_docx_bullets.pdf',ps)

# S4 docx single-page table (to JPEG)
r=random.Random(204); ref='OEE-RF-2024-0963'
ps=pick(7,{'AE','TR','CN','HK','IN','SG'},204,need_addr=True)
d=base(ref,'October 21, 2024')
d.add_paragraph('Re: Red flag — possible diversion').runs[0].bold=True
d.add_paragraph('The following customers of your company appear to have re-exported your items to Russia:')
t=d.add_table(rows=1,cols=4); t.style='Table Grid'
for c,h in zip(t.rows[0].cells,['Customer','Other Names','Address','Jurisdiction']): c.text=h
for p in ps:
    cells=t.add_row().cells
    for c,v in zip(cells,[p['name'],', '.join(p['aliases']),p['address'],cname(p['country'],r)]):
        c.text=v
        for para in c.paragraphs:
            for run in para.runs: run.font.size=Pt(9)
d.add_paragraph(); d.add_paragraph('Sincerely,\nOffice of Export Enforcement')
d.save('/work/helperD/gen/S4_scan_docx.docx'); conv('/work/helperD/gen/S4_scan_docx.docx',SC); truth('S4_scan_docx.jpg',ps,folder=SC)
save_used()
