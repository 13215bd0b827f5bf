import sys, random; sys.path.insert(0,'/work/helperD/gen')
from common import *
from xml.sax.saxutils import escape as X
from reportlab.lib.pagesizes import letter, A4, landscape
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak, KeepTogether
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
pdfmetrics.registerFont(TTFont('DV','/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))
pdfmetrics.registerFont(TTFont('DVB','/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'))
pdfmetrics.registerFont(TTFont('DS','/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'))
ss=getSampleStyleSheet()
B=ParagraphStyle('b',fontName='DS',fontSize=10.5,leading=14,spaceAfter=7)
C=ParagraphStyle('c',fontName='DV',fontSize=8,leading=10)
CH=ParagraphStyle('ch',fontName='DVB',fontSize=8,leading=10)
H=ParagraphStyle('h',fontName='DVB',fontSize=11,leading=14,spaceAfter=6,spaceBefore=6)
def P(t,s=C): return Paragraph(X(t),s)
def mk_onpage(ref, logo=True):
    def f(cv,doc):
        w,h=doc.pagesize
        cv.saveState()
        if logo:
            cv.setStrokeColor(colors.HexColor('#1f3864')); cv.setLineWidth(2); cv.circle(70,h-62,24)
            cv.setFillColor(colors.HexColor('#1f3864')); cv.circle(70,h-62,14,fill=1)
            cv.setFont('DVB',11); cv.drawString(104,h-55,'UNITED STATES DEPARTMENT OF COMMERCE')
            cv.setFont('DV',9); cv.drawString(104,h-68,'Bureau of Industry and Security · Office of Export Enforcement')
            cv.drawString(104,h-80,'Washington, D.C. 20230')
            cv.line(50,h-95,w-50,h-95)
        cv.setFont('DV',8); cv.drawCentredString(w/2,30,f'{ref} — Page {doc.page}')
        cv.restoreState()
    return f
def build(fname, story, ref, pagesize=letter, folder=OUT, logo=True):
    doc=SimpleDocTemplate(f'{folder}/{fname}',pagesize=pagesize,topMargin=1.5*inch,bottomMargin=0.8*inch,leftMargin=0.7*inch,rightMargin=0.7*inch)
    doc.build(story,onFirstPage=mk_onpage(ref,logo),onLaterPages=mk_onpage(ref,logo))
def cover(kind, ref, date, recipient, extra=[]):
    s=[P(date,B),P(f'Ref: {ref}',B),P(recipient,B),P('Re: '+kind,H)]
    s+= [P(x,B) for x in extra]
    return s
SIG=lambda name,title:[Spacer(1,14),P('Sincerely,',B),Spacer(1,20),P(name,B),P(title,B),P('Office of Export Enforcement',B)]
def addr_or(p,blank=''): return p['address'] or blank

# L01 supplier list grid, 40 parties
r=random.Random(101); ref='OEE-SL-2024-0147'
ps=pick(40,{'CN','HK','TR','AE','IN','KG','KZ','AM','UZ','MY','SG','TH'},101)
st=cover('Parties of Diversion Concern — Supplier List',ref,'July 22, 2024','Compliance Department\nAcme Microdevices Inc.\n400 Industrial Way, Austin, TX 78701',
 ['The Bureau of Industry and Security (BIS) has identified the foreign parties listed in the attached Annex as parties of diversion concern. These parties have been observed in trade data shipping Common High Priority List (CHPL) items, including items classified under HS 8542.31, 8542.32 and 8517.62, to Russia.',
  'BIS requests that your company review its transactions with the listed parties and consider voluntarily ceasing shipments to them. This letter does not create a licence requirement.'])
st+=SIG('Jonathan R. Meyers','Special Agent in Charge')+[PageBreak(),P('ANNEX A — PARTIES OF DIVERSION CONCERN',H)]
rows=[[P(h,CH) for h in ['No.','Entity','Also Known As','Address','Country']]]
for i,p in enumerate(ps,1):
    rows.append([P(str(i)),P(p['name']),P('; '.join(p['aliases'])),P(addr_or(p)),P(cname(p['country'],r))])
t=Table(rows,colWidths=[28,150,130,150,70],repeatRows=1)
t.setStyle(TableStyle([('GRID',(0,0),(-1,-1),0.5,colors.black),('VALIGN',(0,0),(-1,-1),'TOP')]))
st.append(t); build('L01_rl_supplier_grid.pdf',st,ref); truth('L01_rl_supplier_grid.pdf',ps)

# L02 red flag zebra, aliases in name cell, HS 10-digit
r=random.Random(102); ref='OEE-RF-2024-2231'
ps=pick(8,{'TR','AE','HK','RS','GE'},102,need_addr=True)
st=cover('Red Flag Notification — Possible Diversion to Russia',ref,'15 August 2024','Ms. Laura Chen\nExport Compliance Officer\nNortel Sensor Systems LLC',
 ['Our review of export and import records indicates that the following customers of your company appear to have re-exported items you supplied to the Russian Federation. Please treat each as an unresolved red flag under 15 CFR Part 732, Supplement No. 3.'])
rows=[[P(h,CH) for h in ['Customer','Location','Jurisdiction','Commodity (HS)']]]
for p in ps:
    p['hs']=hs(r,digits=10)
    nm=p['name']+(' (a.k.a. '+'; '.join(p['aliases'])+')' if p['aliases'] else '')
    rows.append([P(nm),P(p['address']),P(cname(p['country'],r)),P(', '.join(p['hs']))])
t=Table(rows,colWidths=[170,170,80,100],repeatRows=1)
sty=[('BACKGROUND',(0,0),(-1,0),colors.HexColor('#1f3864')),('TEXTCOLOR',(0,0),(-1,0),colors.white),('VALIGN',(0,0),(-1,-1),'TOP')]
for i in range(1,len(rows)):
    if i%2==0: sty.append(('BACKGROUND',(0,i),(-1,i),colors.HexColor('#e8eef7')))
t.setStyle(TableStyle(sty))
rows[0]=[Paragraph(X(h),ParagraphStyle('w',parent=CH,textColor=colors.white)) for h in ['Customer','Location','Jurisdiction','Commodity (HS)']]
t=Table(rows,colWidths=[170,170,80,100],repeatRows=1); t.setStyle(TableStyle(sty))
st+=[t,Spacer(1,10),P('Please contact the undersigned within 30 days to describe the steps taken to resolve these red flags.',B)]+SIG('Maria D. Alvarez','Assistant Director')
build('L02_rl_redflag_zebra.pdf',st,ref); truth('L02_rl_redflag_zebra.pdf',ps)

# L03 is-informed numbered paragraphs
r=random.Random(103); ref='EE-IS-2024-0058'
ps=pick(5,{'RU','KZ','KG','UZ','AM'},103,need_addr=True)
st=cover('"Is Informed" Notification Pursuant to 15 CFR 744.21(b)',ref,'September 3, 2024','Quantum Embedded Corp.\nAttn: Legal Department',
 ['1. You are hereby informed that a license is required for the export, reexport or transfer (in-country) of the items described below to the following parties, because there is an unacceptable risk of use in or diversion to Russia:'])
for i,p in enumerate(ps,1):
    p['hs']=hs(r,k=r.randint(1,2))
    al=(', also known as '+' and '.join(p['aliases'])) if p['aliases'] else ''
    st.append(P(f'1.{i} {p["name"]}{al}, located at {p["address"]}, {cname(p["country"],r)}. Items: HS {", ".join(p["hs"])}.',ParagraphStyle('ind',parent=B,leftIndent=24)))
st+=[P('2. This requirement is effective immediately and remains in effect until further notice.',B),P('3. Applications will be reviewed under a policy of denial.',B)]+SIG('Director','Office of Exporter Services')
build('L03_rl_isinformed_numbered.pdf',st,ref); truth('L03_rl_isinformed_numbered.pdf',ps)

# L04 two tables, different orders
r=random.Random(104); ref='OEE-SL-2024-0311'
p1=pick(6,{'CN','HK'},1041); p2=pick(7,{'TR','AE','KG','AM','GE'},1042,need_addr=True)
st=cover('Supplier List — Parties of Diversion Concern',ref,'October 9, 2024','Vector Components Inc.',['BIS identified the parties in Tables 1 and 2 below as parties of diversion concern.'])
st.append(P('Table 1. Parties located in the PRC and Hong Kong',H))
rows=[[P(h,CH) for h in ['Company Name','Other Names','Location','Jurisdiction']]]
for p in p1: rows.append([P(p['name']),P(', '.join(p['aliases']) or '—'),P(addr_or(p,'—')),P(cname(p['country'],r))])
t=Table(rows,colWidths=[150,150,150,70],repeatRows=1); t.setStyle(TableStyle([('BOX',(0,0),(-1,-1),1,colors.black),('LINEBELOW',(0,0),(-1,0),1,colors.black),('BACKGROUND',(0,0),(-1,0),colors.lightgrey),('VALIGN',(0,0),(-1,-1),'TOP')]))
st+=[t,Spacer(1,12),P('Table 2. Parties located in Türkiye, the UAE and the Caucasus/Central Asia',H)]
rows=[[P(h,CH) for h in ['Jurisdiction','Consignee','Address','Commodity (HS)']]]
for p in p2:
    p['hs']=hs(r,digits=8); p['aliases']=[]
    rows.append([P(cname(p['country'],r)),P(p['name']),P(p['address']),P(' / '.join(p['hs']))])
t=Table(rows,colWidths=[75,160,180,105],repeatRows=1); t.setStyle(TableStyle([('INNERGRID',(0,0),(-1,-1),0.25,colors.grey),('BOX',(0,0),(-1,-1),0.25,colors.grey),('VALIGN',(0,0),(-1,-1),'TOP')]))
st+=[t]+SIG('R. K. Thompson','Special Agent')
build('L04_rl_two_tables.pdf',st,ref); truth('L04_rl_two_tables.pdf',p1+p2)

# L13 landscape wide table, split street/city, undotted HS
r=random.Random(113); ref='BIS/OEE/2025/0022'
ps=pick(35,{'CN','HK','RU','AE','TR','IN','SG','MY','TH'},113)
st=[P('March 4, 2025',B),P('Reference: '+ref,B),P('Attachment 1: Parties of diversion concern identified in customs data (HS-6 codes as observed)',H)]
rows=[[P(h,CH) for h in ['#','Entity Name','Aliases','Street Address','City','Country','HS-6']]]
for i,p in enumerate(ps,1):
    p['hs']=hs(r,k=r.randint(1,3))
    a=p['address'] or ''
    street,city=(a.rsplit(', ',1) if ', ' in a else ('',a))
    rows.append([P(str(i)),P(p['name']),P(' | '.join(p['aliases'])),P(street),P(city),P(cname(p['country'],r)),P(', '.join(h.replace('.','') for h in p['hs']))])
t=Table(rows,colWidths=[22,160,150,150,90,70,75],repeatRows=1); t.setStyle(TableStyle([('LINEBELOW',(0,0),(-1,-1),0.3,colors.grey),('BACKGROUND',(0,0),(-1,0),colors.HexColor('#d9d9d9')),('VALIGN',(0,0),(-1,-1),'TOP')]))
st.append(t); build('L13_rl_landscape_wide.pdf',st,ref,pagesize=landscape(letter),logo=False); truth('L13_rl_landscape_wide.pdf',ps)

# S1 scan source: grid, Party of Concern | Country | Address | Other Names
SC='/work/helperD/gen/scansrc'; os.makedirs(SC,exist_ok=True)
r=random.Random(201); ref='OEE-SL-2024-0488'
ps=pick(12,{'CN','HK','AE','TR','KZ','UZ'},201)
st=cover('Supplier List',ref,'November 18, 2024','Delta Power Electronics Inc.',['Please find below the parties of diversion concern identified by BIS.'])
rows=[[P(h,CH) for h in ['Party of Concern','Country','Address','Other Names']]]
for p in ps: rows.append([P(p['name']),P(cname(p['country'],r)),P(addr_or(p)),P('; '.join(p['aliases']))])
t=Table(rows,colWidths=[160,80,150,130],repeatRows=1); t.setStyle(TableStyle([('GRID',(0,0),(-1,-1),0.8,colors.black),('BACKGROUND',(0,0),(-1,0),colors.HexColor('#cccccc')),('VALIGN',(0,0),(-1,-1),'TOP')]))
st+=[t]+SIG('Jonathan R. Meyers','Special Agent in Charge')
build('S1_scan_grid.pdf',st,ref,folder=SC); truth('S1_scan_grid.pdf',ps,folder=SC)
import pickle; pickle.dump(used,open('/work/helperD/gen/used.pkl','wb'))
