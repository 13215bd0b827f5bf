import csv, json, random, re, collections
L='/work/shared/data/lists/'
ISO={'China':'CN','Hong Kong':'HK','Turkey':'TR','United Arab Emirates':'AE','Russia':'RU','Kyrgyzstan':'KG','Armenia':'AM','Kazakhstan':'KZ','India':'IN','Uzbekistan':'UZ','Serbia':'RS','Malaysia':'MY','Georgia':'GE','Thailand':'TH','Singapore':'SG'}
T=set(ISO.values())
sdn=list(csv.DictReader(open(L+'ofac/sdn_2026_addresses_joined.csv')))
byname=collections.defaultdict(list)
for s in sdn:
    byname[s['name'].upper()].append(s)
def addr(s):
    parts=[p.strip() for p in (s['address'],s['city_state_postal']) if p.strip()]
    return ', '.join(parts) if parts else None
def ok_alias(a):
    return 2<len(a)<=55 and not a.lower().startswith(('the following','and '))
pool=[]
seen=set()
for r in csv.DictReader(open(L+'csl/csl_trade_gov_2026-07-31_flat.csv')):
    if r['source_code']!='EL' or r['address_countries'] not in T or r['type']=='Individual': continue
    n=r['name'].strip()
    if len(n)>80 or n.upper() in seen: continue
    al=[a.strip() for a in r['alt_names'].split(' | ') if a.strip() and ok_alias(a.strip())][:3]
    al=[a for a in al if a.upper()!=n.upper()]
    a=None
    for s in byname.get(n.upper(),[]):
        if ISO.get(s['country'])==r['address_countries'] and addr(s): a=addr(s); break
    pool.append(dict(name=n,aliases=al,address=a,country=r['address_countries'],src='EL'))
    seen.add(n.upper())
ents=collections.defaultdict(list)
for s in sdn:
    if s['type']=='Entity' and s['country'] in ISO and addr(s) and s['city_state_postal'].strip():
        ents[s['ent_num']].append(s)
for e,ss in ents.items():
    s=ss[0]; n=s['name'].strip()
    if n.upper() in seen or len(n)>80: continue
    al=[x.split(':',1)[1].strip() for x in re.split(r' \| |;',s['alt_names']) if ':' in x]
    al=[x for x in al if ok_alias(x) and x.upper()!=n.upper()][:3]
    c=ISO[s['country']]
    if c=='CN' and 'hong kong' in addr(s).lower(): c='HK'
    pool.append(dict(name=n,aliases=al,address=addr(s),country=c,src='SDN'))
    seen.add(n.upper())
print(len(pool), collections.Counter((p['country'],p['src'],p['address'] is not None) for p in pool))
json.dump(pool,open('pool.json','w'),ensure_ascii=False,indent=0)
