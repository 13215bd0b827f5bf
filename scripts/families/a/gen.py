import random, json, os, sys
sys.path.insert(0,'/work/helperA')
from pool import load
from reportlab.lib.pagesizes import letter, landscape, A4
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak, KeepTogether
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas
from xml.sax.saxutils import escape as E
import csv

R=random.Random(20240710)
POOL=load()
for v in POOL.values(): R.shuffle(v)
USED=set()
CHPL=[r['hs6_dotted'] for r in csv.DictReader(open('/work/shared/data/chpl/chpl_hs6_tiers.csv'))]
WEIGHTS={'CN':6,'HK':6,'TR':5,'AE':5,'RU':4,'KG':2,'AM':1,'KZ':1,'IN':2,'UZ':1,'RS':1,'TH':1,'MY':1,'SG':1,'GE':1}
CNAME={'CN':['China',"People's Republic of China",'CHINA','P.R. China'],'HK':['Hong Kong','Hong Kong SAR','HONG KONG'],
 'TR':['Turkey','Türkiye','TURKEY','Republic of Türkiye'],'AE':['United Arab Emirates','UAE','U.A.E.','UNITED ARAB EMIRATES'],
 'RU':['Russia','Russian Federation','RUSSIA'],'KG':['Kyrgyzstan','Kyrgyz Republic','KYRGYZSTAN'],'AM':['Armenia','ARMENIA','Republic of Armenia'],
 'KZ':['Kazakhstan','KAZAKHSTAN'],'IN':['India','INDIA'],'UZ':['Uzbekistan','UZBEKISTAN'],'RS':['Serbia','SERBIA'],'TH':['Thailand','THAILAND'],
 'MY':['Malaysia','MALAYSIA'],'SG':['Singapore','SINGAPORE'],'GE':['Georgia','GEORGIA']}
def cname(cc, i=None):
    v=CNAME[cc]; return v[i if i is not None and i<len(v) else R.randrange(len(v))]
def pick(n, countries=None, hs=(0,3)):
    out=[]
    ccs=list(WEIGHTS) if countries is None else countries
    w=[WEIGHTS.get(c,1) for c in ccs]
    while len(out)<n:
        cc=R.choices(ccs,w)[0]
        lst=[p for p in POOL[cc] if p['name'] not in USED]
        if not lst: continue
        p=dict(lst[0]); USED.add(p['name'])
        k=R.randint(*hs); p['hs']=R.sample(CHPL,k)
        out.append(p)
    return out
def hsfmt(h, style):
    d=h.replace('.','')
    return {'dot':h,'plain':d,'ten':h+'.0000','tenplain':d+'0000','hts':h+'.00'}[style]
def title(s):
    small={'and','of','the','for'}
    out=[]
    for w in s.split(' '):
        if w.lower() in small and out: out.append(w.lower())
        elif w.upper() in ('LLC','LTD','LTD.','FZE','FZCO','LLP','JSC','OOO','CO.,','CO.','FZ-LLC','DMCC','L.L.C','L.L.C.','OJSC','PJSC','AO','TOO','DOO','SDN.','BHD.','PTE.','PTE','SDN','BHD','JV','CJSC','AS','A.S.'): out.append(w)
        else: out.append(w[:1].upper()+w[1:].lower())
    return ' '.join(out)
SS=getSampleStyleSheet()
N=ParagraphStyle('n',parent=SS['Normal'],fontName='Times-Roman',fontSize=10.5,leading=13)
SM=ParagraphStyle('s',parent=N,fontName='Helvetica',fontSize=7.5,leading=9)
SMB=ParagraphStyle('sb',parent=SM,fontName='Helvetica-Bold')
B=ParagraphStyle('b',parent=N,fontName='Times-Bold')
H=ParagraphStyle('h',parent=N,fontName='Helvetica-Bold',fontSize=11,leading=14,spaceBefore=8,spaceAfter=4)
def P(t,st=N): return Paragraph(t,st)
KINDS={'red':('Red Flag Notification','This letter notifies you that BIS has identified transactions in which items you exported appear to have been re-exported to the Russian Federation. The parties listed below are customers of your company. Before any further shipment to these parties you should resolve the red flags in accordance with Supplement No. 3 to Part 732 of the EAR.'),
 'sup':('Parties of Diversion Concern','Enclosed is a list of foreign parties that have shipped Common High Priority List items to Russia. BIS requests that you voluntarily stop shipping to these parties and scrutinise any transaction involving them.'),
 'inf':('"Is Informed" Notice under 15 CFR 744.21(b)','You are hereby informed that a license is required for the export, reexport or transfer (in-country) of any item subject to the EAR to the parties identified below, because there is an unacceptable risk of diversion to Russia.'),
 'pg':('Project Guardian Request','Under Project Guardian BIS asks that you notify your local Export Enforcement field office of any enquiry or order involving the parties or items identified below, and that you do not ship without first contacting BIS.')}
def header(kind, ref, recipient='Compliance Officer\nNorthfield Microsystems, Inc.\n2100 Research Blvd, Austin, TX 78758'):
    t,body=KINDS[kind]
    f=[P('<b>UNITED STATES DEPARTMENT OF COMMERCE</b><br/>Bureau of Industry and Security<br/>Office of Export Enforcement<br/>Washington, D.C. 20230',ParagraphStyle('c',parent=N,alignment=1)),Spacer(1,10),
       P(R.choice(['July 22, 2024','September 3, 2024','March 14, 2024','November 8, 2024','January 27, 2025'])),P('Ref: '+ref),Spacer(1,6),
       P(recipient.replace('\n','<br/>')),Spacer(1,8),P('<b>Subject: %s</b>'%t),Spacer(1,6),P('Dear Sir or Madam:'),Spacer(1,4),P(body),Spacer(1,6)]
    return f
def footer_par():
    return [Spacer(1,10),P('If you have questions regarding this letter, please contact the Office of Export Enforcement at (202) 482-1208.'),Spacer(1,8),P('Sincerely,<br/><br/>Special Agent in Charge<br/>Office of Export Enforcement')]
def addr(p, with_country=None):
    a=p['street']+', '+p['city']
    if with_country: a+=', '+with_country
    return a
def truth_party(p, address, country=True, name=None, aliases=None, hsstyle='dot'):
    suf={'dot':'','plain':'','ten':'.0000','tenplain':'.0000','hts':'.00'}[hsstyle]
    hs=[h+suf for h in p['hs']]
    return {'name': name or p['name'], 'aliases': p['aliases'] if aliases is None else aliases, 'address': address,
            'country': p['cc'] if country else None, 'hs': hs, 'hs_codes': list(hs)}
def write(folder, stem, story, parties, pagesize=letter, onpage=None, margins=54):
    path=f'/work/helperA/{folder}/{stem}.pdf'
    doc=SimpleDocTemplate(path,pagesize=pagesize,leftMargin=margins,rightMargin=margins,topMargin=54,bottomMargin=54)
    if onpage: doc.build(story,onFirstPage=onpage,onLaterPages=onpage)
    else: doc.build(story)
    json.dump({'file':stem+'.pdf','parties':parties},open(f'/work/helperA/{folder}/{stem}.truth.json','w'),indent=1,ensure_ascii=False)
def grid(data, widths, head=1, st=None):
    t=Table(data,colWidths=widths,repeatRows=head)
    s=[('GRID',(0,0),(-1,-1),0.5,colors.black),('VALIGN',(0,0),(-1,-1),'TOP'),('FONTSIZE',(0,0),(-1,-1),7.5)]
    if head: s.append(('BACKGROUND',(0,0),(-1,head-1),colors.lightgrey))
    t.setStyle(TableStyle(s+(st or []))); return t
def pagenum(c,doc):
    c.saveState(); c.setFont('Helvetica',8); c.drawRightString(doc.pagesize[0]-54,30,'Page %d'%doc.page); c.drawString(54,30,'LAW ENFORCEMENT SENSITIVE'); c.restoreState()
