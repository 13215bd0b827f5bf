from gen import *
import numpy as np
from PIL import Image, ImageFilter
pool.clear(); pool.update(json.load(open(B/'pool_left2.json'))); random.seed(23)
TMP=B/'scan_src'; TMP.mkdir(exist_ok=True)
def scan(pdf, out, angle, dpi=200, noise=10, blur=0.6):
    subprocess.run(['pdftoppm','-r',str(dpi),'-png',str(pdf),str(TMP/Path(pdf).stem)],check=True)
    pages=sorted(TMP.glob(Path(pdf).stem+'-*.png')); ims=[]
    rng=np.random.default_rng(1)
    for i,pg in enumerate(pages):
        im=Image.open(pg).convert('L').rotate(angle+0.3*i, resample=Image.BICUBIC, expand=True, fillcolor=255)
        a=np.asarray(im).astype(np.int16); a=a+rng.normal(0,noise,a.shape); a=np.where(rng.random(a.shape)<0.0015,0,a)
        im=Image.fromarray(np.clip(a*0.97+6,0,255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(blur)); ims.append(im)
    if out.suffix=='.pdf': ims[0].save(out, save_all=True, append_images=ims[1:], resolution=dpi)
    else: assert len(ims)==1, len(ims); ims[0].save(out)
def S01():  # table letter scanned to PDF
    ps=mix(['CN','HK','TR','AE','RU','IN'])
    d=Document(); letterhead_docx(d,'OEE-RF-2024-0311','October 28, 2024','Lumen Optics Inc.','Red Flag Letter')
    d.add_paragraph('OEE has identified the following customers as likely transshippers of your items to Russia.')
    t=d.add_table(rows=1, cols=5); t.style='Table Grid'
    for c,h in zip(t.rows[0].cells,['No.','Name','Also Known As','Address','Country / HS']): hdr_cell(c,h)
    for n,p in enumerate(ps,1):
        codes=hs(1); fin(p, aliases=p['aliases'][:1], hs_=codes)
        for c,v in zip(t.add_row().cells,[str(n),p['name'],p['aliases'][0] if p['aliases'] else '',addr(p),CNAME[p['iso']]+'\nHS '+codes[0]]): c.text=v
    widths(t,[1,4.5,3.5,5,2.5]); sign_docx(d)
    d.save(TMP/'S01.docx'); soffice(TMP/'S01.docx', TMP); scan(TMP/'S01.pdf', SC/'S01_scan_table.pdf', 0.8); truth('S01_scan_table.pdf', ps, SC)
def S02():  # running text one page, PNG
    ps=take('HK',2)+mix(['KZ','AE'])
    for p in ps: fin(p, aliases=[], address=None)
    a,b,c,e=ps
    h=f'''<html><head><meta charset="utf-8"><style>body{{font-family:"Liberation Serif";font-size:12pt;margin:0.9in}}</style></head><body>
<p>U.S. Department of Commerce<br>Bureau of Industry and Security<br>Office of Export Enforcement</p><p>May 30, 2024</p><p>Tidewater Controls, Inc.</p><p><b>Re: Project Guardian</b></p>
<p>Dear Sir or Madam:</p><p>BIS has received information that procurement networks supplying the Russian defense sector are seeking programmable logic devices. The networks include {html.escape(a["name"])} and {html.escape(b["name"])}, both located in Hong Kong.</p>
<p>A further intermediary, {html.escape(c["name"])}, located in Kazakhstan, has placed orders on behalf of the same end users, together with {html.escape(e["name"])} in the United Arab Emirates.</p>
<p>Please notify OEE of any inquiry involving these parties.</p><p>Sincerely,<br><br>Special Agent in Charge</p></body></html>'''
    chromium(h, TMP/'S02.pdf'); scan(TMP/'S02.pdf', SC/'S02_scan_running.png', -1.2, noise=14, blur=0.8); truth('S02_scan_running.png', ps, SC)
def S03():  # Attachment A scanned PDF
    ps=mix(['CN','TR','AE','RU','HK','IN','KG','TR']); rows=''
    for p in ps:
        fin(p); rows+=f'<tr><td>{html.escape(p["name"])}</td><td>{html.escape("; ".join(p["aliases"]))}</td><td>{html.escape(p["street"])}</td><td>{html.escape(p["city"])}</td><td>{CNAME[p["iso"]]}</td></tr>'
    h=f'''<html><head><meta charset="utf-8"><style>body{{font-family:"Liberation Sans";font-size:10pt;margin:0.6in}} table{{border-collapse:collapse;width:100%}} td,th{{border:1px solid #000;padding:4px;vertical-align:top}} th{{background:#ccc}}</style></head><body>
<h3 style="text-align:center">Attachment A</h3><p>Parties of diversion concern referenced in BIS letter of September 9, 2024.</p><table><tr><th>Entity</th><th>Also Known As</th><th>Street Address</th><th>City</th><th>Country</th></tr>{rows}</table></body></html>'''
    chromium(h, TMP/'S03.pdf'); scan(TMP/'S03.pdf', SC/'S03_scan_attachment_a.pdf', 0.5, dpi=200); truth('S03_scan_attachment_a.pdf', ps, SC)
def S04():  # bullets, PNG
    ps=mix(['RS','MY','CN','AE','TR']); li=''
    for p in ps:
        codes=hs(1); fin(p, aliases=p['aliases'][:1], hs_=codes)
        aka=f' (a.k.a. {p["aliases"][0]})' if p['aliases'] else ''
        li+=f'<li>{html.escape(p["name"])}{html.escape(aka)}, {html.escape(addr(p))}, {CNAME[p["iso"]]}; HS {codes[0]}</li>'
    h=f'''<html><head><meta charset="utf-8"><style>body{{font-family:"DejaVu Serif";font-size:11pt;margin:0.8in}} li{{margin-bottom:8px}}</style></head><body>
<p><b>BUREAU OF INDUSTRY AND SECURITY</b><br>Office of Export Enforcement</p><p>February 20, 2025</p><p>Redwood Microwave LLC</p><p><b>Re: Is-Informed Letter under 15 CFR 744.21(b)</b></p>
<p>You are informed that a license is required to export items on the Common High Priority List to the following parties:</p><ul>{li}</ul><p>Sincerely,<br>Director, Office of Export Enforcement</p></body></html>'''
    chromium(h, TMP/'S04.pdf'); scan(TMP/'S04.pdf', SC/'S04_scan_bullets.png', 1.5, noise=12, blur=0.7); truth('S04_scan_bullets.png', ps, SC)
for f in [S01,S02,S03,S04]: f(); print(f.__name__)
