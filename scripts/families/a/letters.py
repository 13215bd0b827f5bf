from gen import *

def L_labels_std(folder, stem, n, kind='red'):
    # Name / Also known as / Address / Country / HS codes, blocks separated
    ps=pick(n); story=header(kind,'OEE-RF-2024-%04d'%R.randint(1,9999)); tr=[]
    story.append(P('The following parties are identified:'))
    for i,p in enumerate(ps,1):
        c=cname(p['cc']); a=addr(p)
        lines=['<b>Party %d</b>'%i,'Name: '+E(p['name'])]
        if p['aliases']: lines.append('Also known as: '+E('; '.join(p['aliases'])))
        lines.append('Address: '+E(a)); lines.append('Country: '+E(c))
        if p['hs']: lines.append('HS codes: '+', '.join(p['hs']))
        story.append(KeepTogether([Spacer(1,6)]+[P(l) for l in lines]))
        tr.append(truth_party(p,a))
    story+=footer_par(); write(folder,stem,story,tr,onpage=pagenum)

def L_labels_shuffled(folder, stem, n, kind='pg'):
    # Entity / Location / AKA in varying order, country only as last address line
    ps=pick(n); story=header(kind,'PG-%d-%03d'%(R.randint(22,25),R.randint(1,999))); tr=[]
    for i,p in enumerate(ps,1):
        c=cname(p['cc'],0)
        loc=E(p['street'])+'<br/>'+E(p['city'])+'<br/>'+E(c)
        items=[('Location',loc)]
        if p['aliases']: items.append(('AKA',E(' / '.join(p['aliases']))))
        if p['hs']: items.append(('Items (HTS)',', '.join(hsfmt(h,'ten') for h in p['hs'])))
        R.shuffle(items)
        items.insert(R.choice([0,0,1]),('Entity','<b>'+E(p['name'])+'</b>'))
        story.append(KeepTogether([Spacer(1,8),P('%d.'%i)]+[P('%s: %s'%(k,v)) for k,v in items]))
        tr.append(truth_party(p,p['street']+', '+p['city']+', '+c,hsstyle='ten'))
    story+=footer_par(); write(folder,stem,story,tr)

def L_two_col(folder, stem, n, kind='inf'):
    # label left column, value right column, per party a borderless table
    ps=pick(n); story=header(kind,'744.21-%05d'%R.randint(1,99999)); tr=[]
    for i,p in enumerate(ps,1):
        rows=[[P('<b>Party name</b>',SM),P(E(p['name']),SM)]]
        if p['aliases']: rows.append([P('<b>Other names used</b>',SM),P('<br/>'.join(E(a) for a in p['aliases']),SM)])
        rows.append([P('<b>Street address</b>',SM),P(E(p['street'])+'<br/>'+E(p['city']),SM)])
        c=cname(p['cc']); rows.append([P('<b>Country</b>',SM),P(E(c),SM)])
        if p['hs']: rows.append([P('<b>Commodities</b>',SM),P('; '.join('HS '+h for h in p['hs']),SM)])
        t=Table(rows,colWidths=[1.4*inch,4.6*inch]); t.setStyle(TableStyle([('VALIGN',(0,0),(-1,-1),'TOP'),('LINEABOVE',(0,0),(-1,0),0.8,colors.black)]))
        story+= [Spacer(1,8),KeepTogether([P('Entry %d of %d'%(i,n),SM),t])]
        tr.append(truth_party(p,p['street']+', '+p['city']))
    story+=footer_par(); write(folder,stem,story,tr)

def el_cell(p, mixed=True):
    nm=title(p['name']) if mixed else p['name']; als=[title(a) if mixed else a for a in p['aliases']]
    s=E(nm)
    if len(als)==1: s+=', a.k.a., '+E(als[0])+'.'
    elif als:
        words={2:'two',3:'three'}[len(als)]
        s+=', a.k.a., the following %s aliases: '%words + '; '.join('—'+E(a) for a in als[:-1])+'; and —'+E(als[-1])+'.'
    elif not s.endswith('.'): s+='.'
    a=p['street']+', '+p['city']
    return nm, als, s+' '+E(a)+'.', a

def L_entity_list_col(folder, stem, n, kind='sup'):
    ps=pick(n); ps.sort(key=lambda p:(p['cc'],p['name'])); story=header(kind,'EL-SUPP-%d'%R.randint(100,999)); tr=[]
    story.append(P('<b>Attachment: Entities</b>'))
    data=[[P('<b>Country</b>',SM),P('<b>Entity</b>',SM),P('<b>License requirement</b>',SM),P('<b>License review policy</b>',SM),P('<b>Federal Register citation</b>',SM)]]
    last=None
    for p in ps:
        p['hs']=[]
        nm,als,cell,a=el_cell(p)
        c=cname(p['cc'],2 if p['cc']!='HK' else 2).upper()
        data.append([P(E(c) if c!=last else '',SM),P(cell,SM),P('For all items subject to the EAR.',SM),P('Policy of denial.',SM),P('89 FR %d, %s.'%(R.randint(10000,90000),R.choice(['5/1/24','8/23/24','6/14/24'])),SM)])
        last=c
        tr.append(truth_party(p,a,name=nm,aliases=als))
    story.append(grid(data,[0.9*inch,2.9*inch,1.1*inch,1.0*inch,0.9*inch]))
    story+=footer_par(); write(folder,stem,story,tr,onpage=pagenum)

def L_entity_list_grouprow(folder, stem, n, kind='sup'):
    ps=pick(n); ps.sort(key=lambda p:(p['cc'],p['name'])); story=header(kind,'OEE/SL/%d'%R.randint(1000,9999)); tr=[]
    data=[['No.','Entity (name, aliases, address)','HS codes observed']]; st=[]; last=None; k=0
    for p in ps:
        if p['cc']!=last:
            data.append([cname(p['cc'],0).upper(),'','']); r=len(data)-1
            st+=[('SPAN',(0,r),(-1,r)),('BACKGROUND',(0,r),(-1,r),colors.whitesmoke),('FONTNAME',(0,r),(-1,r),'Helvetica-Bold'),('ALIGN',(0,r),(-1,r),'CENTER')]
            last=p['cc']
        k+=1; nm,als,cell,a=el_cell(p,mixed=False)
        data.append([str(k),P(cell,SM),P('<br/>'.join(p['hs']),SM)])
        tr.append(truth_party(p,a,name=nm,aliases=als))
    story.append(grid(data,[0.5*inch,4.6*inch,1.3*inch],st=st))
    story+=footer_par(); write(folder,stem,story,tr,onpage=pagenum)

def L_customs(folder, stem, n, kind='red'):
    ps=pick(n,hs=(1,3)); story=header(kind,'RF-%d'%R.randint(10000,99999)); tr=[]
    story.append(P('BIS review of export and import records indicates the following consignees received items you exported:'))
    data=[[P('<b>%s</b>'%h,SMB) for h in ['#','Cnee Name','Cnee Addr','Ctry','HS Cd','Shpts','Last Shp Dt']]]
    for i,p in enumerate(ps,1):
        iso=p['cc']
        data.append([str(i),P(E(p['name'])+(('<br/>(a/k/a '+E(', '.join(p['aliases']))+')') if p['aliases'] else ''),SM),P(E(addr(p)),SM),iso,P('<br/>'.join(hsfmt(h,'tenplain') for h in p['hs']),SM),str(R.randint(1,60)),'%02d/%02d/2023'%(R.randint(1,12),R.randint(1,28))])
        tr.append(truth_party(p,addr(p),hsstyle='tenplain'))
    story.append(grid(data,[0.3*inch,1.9*inch,2.2*inch,0.4*inch,0.8*inch,0.4*inch,0.7*inch]))
    story+=footer_par(); write(folder,stem,story,tr,onpage=pagenum)

def L_annex_numbered(folder, stem, n, kind='sup'):
    ps=pick(n); story=header(kind,'Annex to letter %d-%d'%(R.randint(1,99),R.randint(100,999))); tr=[]
    story+= [PageBreak(),P('<b>ANNEX A — PARTIES OF DIVERSION CONCERN</b>',H)]
    ind=ParagraphStyle('i',parent=N,leftIndent=22,firstLineIndent=-22,fontSize=10,leading=12)
    for i,p in enumerate(ps,1):
        c=cname(p['cc'])
        t='%d.&nbsp;&nbsp;%s'%(i,E(p['name']))
        if p['aliases']: t+='<br/>also known as '+' and '.join('"%s"'%E(a) for a in p['aliases'])
        t+='<br/>'+E(p['street'])+'<br/>'+E(p['city'])+', '+E(c)
        if p['hs']: t+='<br/>Commodities: '+', '.join(p['hs'])
        story+=[P(t,ind),Spacer(1,7)]
        tr.append(truth_party(p,p['street']+', '+p['city']))
    write(folder,stem,story,tr,onpage=pagenum)

def L_grouped_country(folder, stem, n, kind='red'):
    ccs=R.sample(['CN','HK','TR','AE','KG','AM','KZ','IN','RU'],5)
    ps=pick(n,countries=ccs); ps.sort(key=lambda p:p['cc']); story=header(kind,'OEE-%d'%R.randint(100000,999999)); tr=[]
    last=None; bul=ParagraphStyle('bu',parent=N,leftIndent=14,bulletIndent=2)
    for p in ps:
        if p['cc']!=last:
            story.append(P(E(cname(p['cc'],1 if p['cc'] in('TR','KG','RU') else 0)),H)); last=p['cc']
        t='<b>'+E(p['name'])+'</b>'
        if p['aliases']: t+=' (a.k.a. '+E('; '.join(p['aliases']))+')'
        t+=' — '+E(p['street']+', '+p['city'])
        if p['hs']: t+='. Items: HS '+', '.join(hsfmt(h,'plain') for h in p['hs'])
        story.append(Paragraph(t,bul,bulletText='•')); story.append(Spacer(1,3))
        tr.append(truth_party(p,p['street']+', '+p['city']))
    story+=footer_par(); write(folder,stem,story,tr)

def L_rotated(folder, stem, n, kind='sup', pagerot=False):
    # cover letter portrait, then table drawn rotated 90 degrees on portrait pages (landscape content)
    ps=pick(n); tr=[]
    path=f'/work/helperA/{folder}/{stem}.pdf'
    from reportlab.platypus import Frame
    c=canvas.Canvas(path,pagesize=letter)
    f=Frame(54,54,letter[0]-108,letter[1]-108)
    story=header(kind,'SL-%d'%R.randint(1000,9999))+[P('The list of parties is attached.')]+footer_par()
    f.addFromList(story,c); c.showPage()
    rows_per=12
    for start in range(0,n,rows_per):
        c.saveState()
        if pagerot: c.setPageSize(landscape(letter)); c.setPageRotation(90)
        c.translate(letter[0],0); c.rotate(90)
        W,Hh=letter[1],letter[0]
        data=[[P('<b>%s</b>'%h,SMB) for h in ['Item','Company Name','Alternate Names','Address','Country','HS Code(s)']]]
        for i,p in enumerate(ps[start:start+rows_per],start+1):
            data.append([str(i),P(E(p['name']),SM),P('<br/>'.join(E(a) for a in p['aliases']),SM),P(E(addr(p)),SM),P(E(cname(p['cc'],0)),SM),P(', '.join(p['hs']),SM)])
        t=grid(data,[0.4*inch,2.3*inch,2.0*inch,3.0*inch,0.9*inch,1.1*inch])
        w,h=t.wrapOn(c,W-72,Hh-72); t.drawOn(c,36,Hh-40-h)
        c.setFont('Helvetica',8); c.drawString(36,20,'Attachment 1 — page %d'%(start//rows_per+1))
        c.restoreState(); c.showPage()
    c.save()
    for p in ps: tr.append(truth_party(p,addr(p)))
    json.dump({'file':stem+'.pdf','parties':tr},open(f'/work/helperA/{folder}/{stem}.truth.json','w'),indent=1,ensure_ascii=False)

def L_country_first(folder, stem, n, kind='inf'):
    ps=pick(n); story=header(kind,'IS-INF-%d'%R.randint(100,999)); tr=[]
    data=[[P('<b>%s</b>'%h,SMB) for h in ['Country','HS','Address','Party','Aliases']]]
    for p in ps:
        data.append([P(E(cname(p['cc'])),SM),P('<br/>'.join(p['hs']) or '—',SM),P(E(addr(p)),SM),P(E(p['name']),SM),P('<br/>'.join(E(a) for a in p['aliases']) or '—',SM)])
        tr.append(truth_party(p,addr(p)))
    story.append(grid(data,[0.9*inch,0.7*inch,2.2*inch,1.6*inch,1.6*inch]))
    story+=footer_par(); write(folder,stem,story,tr,onpage=pagenum)

def L_prose(folder, stem, n, kind='inf'):
    ps=pick(n,hs=(0,2)); story=header(kind,'744.21(b)-%d'%R.randint(100,999)); tr=[]
    for p in ps:
        c=cname(p['cc'],0)
        t='You are informed that a license is required for any export, reexport or transfer to <b>%s</b>'%E(p['name'])
        if p['aliases']: t+=' (also known as %s)'%E(', '.join(p['aliases']))
        t+=', located at %s, %s'%(E(addr(p)),E(c))
        if p['hs']: t+=', of items classified under HTS subheadings %s'%' and '.join(p['hs'])
        t+='.'
        story+= [P(t),Spacer(1,6)]
        tr.append(truth_party(p,addr(p)))
    story+=footer_par(); write(folder,stem,story,tr)

def L_supplier_long(folder, stem, n, kind='sup'):
    ps=pick(n,hs=(0,2)); story=header(kind,'SUPPLIER-LIST-%d'%R.randint(1,9)); tr=[]
    story.append(PageBreak())
    data=[[P('<b>%s</b>'%h,SMB) for h in ['Ser.','Name / a.k.a.','Full address','Country']]]
    for i,p in enumerate(ps,1):
        nm=E(p['name'])+''.join('<br/><i>aka</i> '+E(a) for a in p['aliases'])
        data.append([str(i),P(nm,SM),P(E(p['street'])+'<br/>'+E(p['city']),SM),P(E(cname(p['cc'],0)),SM)])
        tr.append(truth_party(p,addr(p)))
        p['hs'][:]=[]; tr[-1]['hs']=[]; tr[-1]['hs_codes']=[]
    story.append(grid(data,[0.4*inch,2.6*inch,2.8*inch,1.0*inch],st=[('ROWBACKGROUNDS',(0,1),(-1,-1),[colors.white,colors.Color(0.93,0.93,0.93)])]))
    write(folder,stem,story,tr,onpage=pagenum)

# ---------------- heldout variants ----------------
def H_inline_labels(folder, stem, n, kind='red'):
    ps=pick(n); story=header(kind,'RF/%d/%d'%(R.randint(10,99),R.randint(100,999))); tr=[]
    for p in ps:
        c=cname(p['cc'])
        parts=['<b>Party:</b> '+E(p['name'])]
        if p['aliases']: parts.append('<b>Trading as:</b> '+E(' | '.join(p['aliases'])))
        parts.append('<b>Registered address:</b> '+E(addr(p))+' ('+E(c)+')')
        if p['hs']: parts.append('<b>HS:</b> '+' '.join(hsfmt(h,'plain') for h in p['hs']))
        story+=[P('; '.join(parts)),Spacer(1,5)]
        tr.append(truth_party(p,addr(p)))
    story+=footer_par(); write(folder,stem,story,tr)

def H_entity_list_multiaddr(folder, stem, n, kind='inf'):
    ps=pick(n); ps.sort(key=lambda p:p['cc']); story=header(kind,'EL-INF-%d'%R.randint(100,999)); tr=[]
    data=[[P('<b>%s</b>'%h,SM) for h in ['Country','Entity','License requirement','License review policy','Federal Register citation']]]
    full={'CN':"CHINA, PEOPLE'S REPUBLIC OF",'HK':'HONG KONG','TR':'TURKEY','AE':'UNITED ARAB EMIRATES','RU':'RUSSIA','KG':'KYRGYZSTAN','AM':'ARMENIA','KZ':'KAZAKHSTAN','IN':'INDIA','UZ':'UZBEKISTAN','RS':'SERBIA','TH':'THAILAND','MY':'MALAYSIA','SG':'SINGAPORE','GE':'GEORGIA'}
    for p in ps:
        p['hs']=[]
        nm,als,cell,a=el_cell(p)
        if R.random()<0.4:
            other=R.choice(POOL[p['cc']][-50:]); cell=cell[:-1]+'; and '+E(other['street']+', '+other['city'])+'.'
            a=a+'; and '+other['street']+', '+other['city']
        data.append([P(full[p['cc']],SM),P(cell,SM),P('For all items subject to the EAR. (See §744.21(b))',SM),P('Policy of denial.',SM),P('89 FR %d'%R.randint(10000,90000),SM)])
        tr.append(truth_party(p,a,name=nm,aliases=als))
    story.append(grid(data,[1.0*inch,3.0*inch,1.0*inch,0.9*inch,0.8*inch]))
    story+=footer_par(); write(folder,stem,story,tr,onpage=pagenum)

ISO3={'CN':'CHN','HK':'HKG','TR':'TUR','AE':'ARE','RU':'RUS','KG':'KGZ','AM':'ARM','KZ':'KAZ','IN':'IND','UZ':'UZB','RS':'SRB','TH':'THA','MY':'MYS','SG':'SGP','GE':'GEO'}
def H_customs_hsfirst(folder, stem, n, kind='red'):
    ps=pick(n,hs=(1,3)); story=header(kind,'CBP-XREF-%d'%R.randint(1000,9999)); tr=[]
    data=[[P('<b>%s</b>'%h,SMB) for h in ['HTS','Qty Shpts','Consignee','Cnee Cntry','Consignee Address','Alt. Names']]]
    for p in ps:
        data.append([P('<br/>'.join(hsfmt(h,'hts') for h in p['hs']),SM),str(R.randint(1,99)),P(E(p['name']),SM),ISO3[p['cc']],P(E(addr(p)),SM),P('; '.join(E(a) for a in p['aliases']),SM)])
        tr.append(truth_party(p,addr(p),hsstyle='hts'))
    story.append(grid(data,[0.8*inch,0.45*inch,1.8*inch,0.5*inch,2.0*inch,1.4*inch]))
    story+=footer_par(); write(folder,stem,story,tr)

def H_landscape(folder, stem, n, kind='sup'):
    ps=pick(n); tr=[]
    story=[P('<b>Attachment A to BIS letter of %s — Parties of Diversion Concern</b>'%R.choice(['June 2024','August 2024']),H)]
    data=[[P('<b>%s</b>'%h,SMB) for h in ['Country of address','Commodity (HS-6)','Address(es)','Alternate names','Listed party']]]
    for p in ps:
        data.append([P(E(cname(p['cc'])),SM),P(', '.join(hsfmt(h,'plain') for h in p['hs']),SM),P(E(addr(p)),SM),P(', '.join(E(a) for a in p['aliases']),SM),P('<b>'+E(p['name'])+'</b>',SM)])
        tr.append(truth_party(p,addr(p)))
    story.append(grid(data,[1.1*inch,1.1*inch,3.3*inch,2.2*inch,2.2*inch]))
    write(folder,stem,story,tr,pagesize=landscape(letter),onpage=pagenum,margins=36)

def H_annex_grouped_roman(folder, stem, n, kind='pg'):
    ccs=R.sample(['CN','HK','TR','AE','KG','AM','KZ','RU','UZ','RS'],4)
    ps=pick(n,countries=ccs); ps.sort(key=lambda p:p['cc']); story=header(kind,'PG-ANNEX-%d'%R.randint(10,99)); tr=[]
    romans=['I','II','III','IV','V','VI']; ind=ParagraphStyle('i2',parent=N,leftIndent=30,firstLineIndent=-18,fontSize=10)
    last=None; g=0; k=0
    for p in ps:
        if p['cc']!=last:
            story.append(P('%s. Parties located in %s'%(romans[g],E(cname(p['cc'],0))),H)); g+=1; last=p['cc']; k=0
        k+=1
        t='(%s)&nbsp;%s'%(chr(96+k),E(p['name']))
        if p['aliases']: t+=' (also: '+' / '.join(E(a) for a in p['aliases'])+')'
        t+='<br/>'+E(addr(p))
        if p['hs']: t+='<br/>HS: '+'; '.join(p['hs'])
        story+=[P(t,ind),Spacer(1,5)]
        tr.append(truth_party(p,addr(p)))
    story+=footer_par(); write(folder,stem,story,tr)

def H_cards(folder, stem, n, kind='red'):
    ps=pick(n); story=header(kind,'RF-CARD-%d'%R.randint(10,99)); tr=[]
    cards=[]
    for p in ps:
        t='<font size=8.5><b>'+E(p['name'])+'</b></font><br/>'
        if p['aliases']: t+='<i>Aliases:</i> '+E('; '.join(p['aliases']))+'<br/>'
        t+=E(p['street'])+'<br/>'+E(p['city'])+'<br/>'+E(cname(p['cc']).upper())
        if p['hs']: t+='<br/><i>HS:</i> '+', '.join(hsfmt(h,'ten') for h in p['hs'])
        cards.append(P(t,SM)); tr.append(truth_party(p,addr(p),hsstyle='ten'))
    if len(cards)%2: cards.append('')
    rows=[cards[i:i+2] for i in range(0,len(cards),2)]
    t=Table(rows,colWidths=[3.2*inch,3.2*inch]); t.setStyle(TableStyle([('BOX',(0,0),(-1,-1),0.5,colors.black),('INNERGRID',(0,0),(-1,-1),0.5,colors.grey),('VALIGN',(0,0),(-1,-1),'TOP'),('TOPPADDING',(0,0),(-1,-1),6),('BOTTOMPADDING',(0,0),(-1,-1),6)]))
    story.append(t); story+=footer_par(); write(folder,stem,story,tr)

if __name__=='__main__':
    D='dev'; Hd='heldout'
    L_labels_std(D,'d01_redflag_labels',6)
    L_labels_shuffled(D,'d02_pg_entity_location',8)
    L_two_col(D,'d03_informed_twocol',7)
    L_entity_list_col(D,'d04_el_table_countrycol',22)
    L_entity_list_grouprow(D,'d05_el_table_grouprows',18)
    L_customs(D,'d06_customs_consignees',14)
    L_annex_numbered(D,'d07_annex_numbered',25)
    L_grouped_country(D,'d08_grouped_by_country',16)
    L_rotated(D,'d09_rotated_table',30)
    L_country_first(D,'d10_country_first',12)
    L_prose(D,'d11_informed_prose',5)
    L_supplier_long(D,'d12_supplier_list_long',40)
    L_labels_std(D,'d13_redflag_labels_many',11,kind='sup')
    L_rotated(D,'d14_pagerotate_table',20,kind='red',pagerot=True)
    H_inline_labels(Hd,'h01_inline_labels',9)
    H_entity_list_multiaddr(Hd,'h02_el_multiaddr',15)
    H_customs_hsfirst(Hd,'h03_customs_hsfirst_iso3',12)
    H_landscape(Hd,'h04_landscape_countryfirst',28)
    H_annex_grouped_roman(Hd,'h05_annex_grouped_roman',14)
    H_cards(Hd,'h06_cards_grid',10)
