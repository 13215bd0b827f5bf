import sys, random, subprocess, html; sys.path.insert(0,'/work/helperD/gen')
from common import *
E_=html.escape
SC='/work/helperD/gen/scansrc'
CSS='''body{font-family:"Liberation Serif",serif;font-size:11pt;margin:0} .lh{display:flex;align-items:center;border-bottom:2px solid #223;padding-bottom:6px;margin-bottom:14px}
.logo{width:46px;height:46px;border-radius:50%;background:radial-gradient(#fff 30%,#1a3a6a 32%);margin-right:12px;border:3px solid #1a3a6a}
table{border-collapse:collapse;width:100%;font-family:"Liberation Sans",sans-serif;font-size:8.5pt} td,th{vertical-align:top;padding:3px 4px;text-align:left}
@page{size:Letter;margin:18mm 16mm 20mm 16mm}'''
HEAD='<div class="lh"><div class="logo"></div><div><b>U.S. DEPARTMENT OF COMMERCE</b><br>Bureau of Industry and Security<br><small>Office of Export Enforcement</small></div></div>'
def render(fname, body, folder=OUT, css=''):
    h=f'<html><head><meta charset="utf-8"><style>{CSS}{css}</style></head><body>{HEAD}{body}</body></html>'
    src=f'/work/helperD/gen/{fname}.html'; open(src,'w').write(h)
    subprocess.run(['chromium','--headless','--no-sandbox','--disable-gpu','--no-pdf-header-footer',f'--print-to-pdf={folder}/{fname}',src],check=True,capture_output=True,timeout=120)
def P(t): return f'<p>{E_(t)}</p>'

# L08 header shading, Country first
r=random.Random(108); ref='OEE-SL-2025-0031'
ps=pick(25,{'CN','HK','AE','TR','RU','KG','KZ','SG'},108)
b=P('January 28, 2025')+P('Reference No. '+ref)+P('Subject: Supplier list of parties of diversion concern')+P('The parties identified below have been observed shipping CHPL items to the Russian Federation. HS classifications are as reported in customs data.')
b+='<table><thead><tr style="background:#3b5b8c;color:#fff">'+''.join(f'<th>{h}</th>' for h in ['Country','Consignee','Address','Aliases','HS Code(s)'])+'</tr></thead><tbody>'
for p in ps:
    p['hs']=hs(r,digits=10)
    b+='<tr style="border-bottom:1px solid #999">'+''.join(f'<td>{E_(v)}</td>' for v in [cname(p['country'],r),p['name'],p['address'] or '',', '.join(p['aliases']),'<br>'.join(p['hs'])]).replace('&lt;br&gt;','<br>')+'</tr>'
b+='</tbody></table>'+P('Sincerely,')+'<br><br>'+P('Thomas W. Garrity, Special Agent in Charge')
render('L08_chrome_shaded.pdf',b,css='thead{display:table-header-group}'); truth('L08_chrome_shaded.pdf',ps)

# L09 Project Guardian cards
r=random.Random(109); ref='PG-2024-0913'
ps=pick(6,{'CN','HK','AE','IN','MY','TH'},109,need_addr=True)
b=P('September 13, 2024')+P('PROJECT GUARDIAN — REQUEST FOR INFORMATION')+P(f'Ref: {ref}')+P('The Office of Export Enforcement requests that you notify your local field office of any inquiry or order from the parties described below. Please do not ship to these parties.')
for i,p in enumerate(ps,1):
    p['hs']=hs(r,k=1)
    b+=f'<div style="border:1px solid #444;padding:6px;margin:8px 0;font-family:Liberation Sans;font-size:9.5pt"><b>Party {i}</b><br>Name: {E_(p["name"])}<br>'
    if p['aliases']: b+='Other names: '+E_('; '.join(p['aliases']))+'<br>'
    b+=f'Address: {E_(p["address"])}<br>Country: {E_(cname(p["country"],r))}<br>Item of interest: HS {p["hs"][0]}</div>'
b+=P('Thank you for your cooperation.')+P('Special Agent, Boston Field Office')
render('L09_chrome_guardian_cards.pdf',b); truth('L09_chrome_guardian_cards.pdf',ps)

# L10 customs data red flag: Importer | Importer Address | Country | Shipments | First | Last | HS Code (8-digit)
r=random.Random(110); ref='OEE-RF-2024-1187'
ps=pick(10,{'TR','AE','AM','GE','KZ','KG','UZ','RS'},110,need_addr=True)
b=P('June 5, 2024')+P(ref)+P('Dear Export Compliance Officer:')+P('Customs data indicate that the following importers received items produced by your company and re-exported them to Russia. Each is an unresolved red flag.')
b+='<table border="1"><tr>'+''.join(f'<th>{h}</th>' for h in ['Importer','Importer Address','Country','Shipments','First Shipment','Last Shipment','HS Code'])+'</tr>'
for p in ps:
    p['hs']=hs(r,k=r.randint(1,2),digits=8); p['aliases']=[]
    n=r.randint(2,60)
    b+='<tr>'+''.join(f'<td>{E_(v)}</td>' for v in [p['name'],p['address'],cname(p['country'],r),str(n),f'2023-0{r.randint(1,9)}-1{r.randint(0,9)}',f'2024-0{r.randint(1,4)}-2{r.randint(0,8)}','; '.join(p['hs'])])+'</tr>'
b+='</table>'+P('Sincerely,')+P('Office of Export Enforcement, Dallas Field Office')
render('L10_chrome_customs_importer.pdf',b); truth('L10_chrome_customs_importer.pdf',ps)

# L15 no country column; country at end of address
r=random.Random(115); ref='OEE-SL-2025-0250'
ps=pick(12,{'CN','HK','AE','TR','IN','SG','MY','TH'},115,need_addr=True)
b=P('May 20, 2025')+P('Ref.: '+ref)+P('Attachment: parties of diversion concern')
b+='<table style="font-size:9pt">'+'<tr style="border-bottom:2px solid black">'+''.join(f'<th>{h}</th>' for h in ['Item','Entity','AKA','Full Address'])+'</tr>'
for i,p in enumerate(ps,1):
    p['address']=p['address']+', '+cname(p['country'],r)
    b+=f'<tr style="background:{"#f2f2f2" if i%2 else "#fff"}">'+''.join(f'<td>{E_(v)}</td>' for v in [str(i),p['name'],' / '.join(p['aliases']),p['address']])+'</tr>'
b+='</table>'
render('L15_chrome_country_in_address.pdf',b); truth('L15_chrome_country_in_address.pdf',ps)

# L16 names only, no country given (Project Guardian short)
r=random.Random(116); ref='PG-2025-0071'
ps=pick(4,{'CN','RU','AE','TR'},116)
b=P('July 1, 2025')+P('Project Guardian — '+ref)+P('Please alert us to any inquiry from the following companies, which we believe are procuring HS 8542.31 integrated circuits on behalf of Russian end users:')
b+='<ol>'+''.join(f'<li>{E_(p["name"])}</li>' for p in ps)+'</ol>'+P('Special Agent, Miami Field Office')
for p in ps: p['aliases']=[]; p['address']=None; p['country_given']=False
render('L16_chrome_names_only.pdf',b); truth('L16_chrome_names_only.pdf',ps)

# S2 scan: shaded single page table
r=random.Random(202); ref='OEE-RF-2025-0300'
ps=pick(8,{'CN','HK','TR','AE','MY','SG'},202,need_addr=True)
b=P('March 12, 2025')+P(ref)+P('The following customers appear to have re-exported your items to Russia:')
b+='<table style="font-size:9.5pt"><tr style="background:#bbb">'+''.join(f'<th>{h}</th>' for h in ['Company Name','Also Known As','Location','Country','Commodity (HS)'])+'</tr>'
for p in ps:
    p['hs']=hs(r,k=1); 
    b+='<tr style="border-bottom:1px solid #666">'+''.join(f'<td>{E_(v)}</td>' for v in [p['name'],'; '.join(p['aliases']),p['address'],cname(p['country'],r),p['hs'][0]])+'</tr>'
b+='</table>'+P('Sincerely, Office of Export Enforcement')
render('S2_scan_shaded.pdf',b,folder=SC); truth('S2_scan_shaded.png',ps,folder=SC)
save_used()
