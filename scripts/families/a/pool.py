import csv, random, re, json
SRC='/work/shared/data/lists/ofac/sdn_2026_addresses_joined.csv'
ISO={'China':'CN','Hong Kong':'HK','Turkey':'TR','United Arab Emirates':'AE','Kyrgyzstan':'KG','Armenia':'AM',
 'Russia':'RU','Kazakhstan':'KZ','India':'IN','Uzbekistan':'UZ','Serbia':'RS','Thailand':'TH','Malaysia':'MY',
 'Georgia':'GE','Singapore':'SG','Tajikistan':'TJ','Belarus':'BY'}
def load():
    rows=list(csv.DictReader(open(SRC,encoding='latin-1')))
    seen=set(); pool={}
    for r in rows:
        c=r['country']
        if c not in ISO or r['type']!='Entity' or not r['address'] or not r['city_state_postal']: continue
        if r['ent_num'] in seen: continue
        if not all(32<=ord(ch)<127 for ch in r['name']+r['address']+r['city_state_postal']+r['alt_names']): continue
        if len(r['name'])>70: continue
        cc=ISO[c]
        if cc=='CN' and 'hong kong' in (r['address']+r['city_state_postal']).lower(): cc='HK'
        seen.add(r['ent_num'])
        als=[a.strip()[4:].strip() for a in r['alt_names'].split('|') if a.strip().startswith('aka:')]
        als=[a for a in als if len(a)<60 and a.lower()!=r['name'].lower()][:3]
        pool.setdefault(cc,[]).append(dict(name=r['name'].strip(),aliases=als,street=r['address'].strip(),city=r['city_state_postal'].strip(),cc=cc))
    return pool
if __name__=='__main__':
    p=load()
    print({k:len(v) for k,v in p.items()})
