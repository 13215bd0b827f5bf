import json, random, re, subprocess, os, csv, html
from pathlib import Path
from docx import Document
from docx.shared import Pt, Cm, RGBColor
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
from fpdf import FPDF
random.seed(7)
OUT = Path('/work/helperC/letters'); SC = OUT/'scanned'; B = Path('/work/helperC/build')
pool = json.load(open(B/'pool.json'))
# CN rows whose city is Hong Kong -> HK
for x in list(pool['CN']):
    if 'Hong Kong' in x['city'] or 'Kowloon' in x['city']:
        pool['CN'].remove(x); x['iso']='HK'; x['country']='Hong Kong'; pool['HK'].append(x)
for k in pool: random.shuffle(pool[k])
HS = [r['hs6_dotted'] for r in csv.DictReader(open('/work/shared/data/chpl/chpl_hs6_tiers.csv'))]
CNAME = {'CN':'China','HK':'Hong Kong','TR':'Türkiye','AE':'United Arab Emirates','RU':'Russia','KG':'Kyrgyzstan',
 'AM':'Armenia','KZ':'Kazakhstan','IN':'India','UZ':'Uzbekistan','RS':'Serbia','MY':'Malaysia','GE':'Georgia'}
def take(iso, n=1, pred=None):
    out=[]
    for x in list(pool[iso]):
        if pred and not pred(x): continue
        pool[iso].remove(x); out.append(dict(x)); 
        if len(out)==n: break
    assert len(out)==n, (iso,n)
    return out
def mix(countries):  # list of iso codes
    return [take(c)[0] for c in countries]
def addr(p, country=False):
    a = p['street'] + (', '+p['city'] if p['city'] else '')
    return a + (', '+CNAME[p['iso']] if country else '')
KEEP = {'LLC','LTD','LTD.','DOO','FZE','FZCO','DMCC','OOO','JSC','AO','PJSC','FZC','OPC','HK','UAE','CJSC','LLP','SDN','BHD','BHD.','TOO','II','(HK)','OAO','ZAO','JV'}
def mixed(n):
    w=[]
    for t in n.split():
        w.append(t if t.upper().strip(',') in KEEP else t.capitalize() if not t.startswith('(') else '('+t[1:].capitalize())
    return ' '.join(w)
def hs(n, fmt=6):
    cs = random.sample(HS, n)
    if fmt==6: return cs
    if fmt==8: return [c+'.00' for c in cs]
    return [c+'.'+random.choice(['0000','0040','0001','8000']) for c in cs]
truths = {}
def truth(fn, parties, folder=OUT):
    json.dump({'file':fn,'parties':[{'name':p['pname'],'aliases':p.get('palias',[]),'address':p.get('paddr'),
        'country':p.get('pc'),'hs_codes':p.get('phs',[])} for p in parties]}, open(folder/(Path(fn).stem+'.truth.json'),'w'), ensure_ascii=False, indent=1)
def fin(p, name=None, aliases=None, address='__', country='__', hs_=None):
    p['pname'] = name if name is not None else p['name']
    p['palias'] = aliases if aliases is not None else p['aliases']
    p['paddr'] = addr(p) if address=='__' else address
    p['pc'] = p['iso'] if country=='__' else country
    p['phs'] = hs_ or []
    return p
# ---------- renderers
def soffice(src, outdir):
    subprocess.run(['soffice','--headless','--convert-to','pdf','--outdir',str(outdir),str(src)],check=True,capture_output=True,timeout=180)
def chromium(htmltext, pdf):
    h = B/(Path(pdf).stem+'.html'); h.write_text(htmltext, encoding='utf-8')
    subprocess.run(['chromium','--headless','--no-sandbox','--disable-gpu','--no-pdf-header-footer','--print-to-pdf-no-header',
                    f'--print-to-pdf={pdf}', h.as_uri()],check=True,capture_output=True,timeout=120)
def shade(cell, color='D9D9D9'):
    tcPr = cell._tc.get_or_add_tcPr(); s = OxmlElement('w:shd')
    s.set(qn('w:val'),'clear'); s.set(qn('w:color'),'auto'); s.set(qn('w:fill'),color); tcPr.append(s)
def letterhead_docx(d, ref, date, recipient, subject):
    st = d.styles['Normal']; st.font.name='Times New Roman'; st.font.size=Pt(11)
    p=d.add_paragraph(); r=p.add_run('UNITED STATES DEPARTMENT OF COMMERCE\nBureau of Industry and Security\nOffice of Export Enforcement\nWashington, D.C. 20230'); r.bold=True
    d.add_paragraph(f'{date}\n\nRef: {ref}')
    d.add_paragraph(recipient)
    p=d.add_paragraph(); r=p.add_run(f'Re: {subject}'); r.bold=True
def sign_docx(d, who='Special Agent in Charge'):
    d.add_paragraph('Sincerely,\n\n\n'+who+'\nOffice of Export Enforcement')
def hdr_cell(c, text):
    c.text=''; r=c.paragraphs[0].add_run(text); r.bold=True; shade(c)
def widths(t, cms):
    t.autofit = False
    grid = t._tbl.tblGrid
    for gc,w in zip(grid.findall(qn('w:gridCol')), cms): gc.set(qn('w:w'), str(int(w*567)))
    for row in t.rows:
        for c,w in zip(row.cells, cms): c.width = Cm(w)
def landscape(d):
    s=d.sections[0]; s.orientation=WD_ORIENT.LANDSCAPE; s.page_width, s.page_height = s.page_height, s.page_width
    s.left_margin=s.right_margin=Cm(1.8)
