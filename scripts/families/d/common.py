import json, random, os
pool=json.load(open('/work/helperD/gen/pool.json'))
CH=[l.split(',') for l in open('/work/shared/data/chpl/chpl_hs6_tiers.csv').read().split()[1:]]
HS6=[c[1] for c in CH]
OUT='/work/helperD/letters'
CNAME={'CN':["China","People's Republic of China","PRC"],'HK':["Hong Kong","Hong Kong SAR","China (Hong Kong)"],
 'TR':["Türkiye","Turkey"],'AE':["United Arab Emirates","UAE"],'RU':["Russia","Russian Federation"],
 'KG':["Kyrgyzstan","Kyrgyz Republic"],'AM':["Armenia"],'KZ':["Kazakhstan"],'IN':["India"],'UZ':["Uzbekistan"],
 'RS':["Serbia"],'MY':["Malaysia"],'GE':["Georgia"],'TH':["Thailand"],'SG':["Singapore"]}
used=set()
def pick(n, countries, seed, need_addr=None, max_aliases=3, need_alias_frac=None):
    r=random.Random(seed)
    cand=[p for p in pool if p['country'] in countries and p['name'] not in used
          and all(';' not in a for a in p['aliases'])]
    if need_addr is True: cand=[p for p in cand if p['address']]
    r.shuffle(cand)
    # spread across countries
    out=[]; byc={}
    for p in cand: byc.setdefault(p['country'],[]).append(p)
    cs=list(byc)
    i=0
    while len(out)<n and any(byc.values()):
        c=cs[i%len(cs)]; i+=1
        if byc[c]: out.append(dict(byc[c].pop()))
    for p in out:
        used.add(p['name']); p['aliases']=p['aliases'][:max_aliases]
    return out
def cname(c, r): return r.choice(CNAME[c])
def hs(r, k=None, digits=6):
    k=k or r.randint(1,3)
    codes=r.sample(HS6,k); out=[]
    for c in codes:
        d=digits if digits!='mix' else r.choice([6,8,10])
        if d==6: out.append(c)
        elif d==8: out.append(c+'.'+r.choice(['00','10','80']))
        else: out.append(c+'.'+r.choice(['0000','0010','4000']))
    return out
def truth(fname, parties, folder=OUT, country=True):
    t={"file":fname,"parties":[{"name":p['name'],"aliases":p.get('aliases',[]),"address":p.get('address'),
        "country":p['country'] if country and p.get('country_given',True) else None,"hs_codes":p.get('hs',[])} for p in parties]}
    json.dump(t,open(os.path.join(folder,fname.rsplit('.',1)[0]+'.truth.json'),'w'),ensure_ascii=False,indent=1)
import pickle
if os.path.exists('/work/helperD/gen/used.pkl'): used|=pickle.load(open('/work/helperD/gen/used.pkl','rb'))
def save_used(): pickle.dump(used,open('/work/helperD/gen/used.pkl','wb'))
