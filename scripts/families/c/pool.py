import csv, json, random, re, collections
R = list(csv.DictReader(open('/work/shared/data/lists/ofac/sdn_2026_addresses_joined.csv', encoding='latin-1')))
ISO = {'China':'CN','Hong Kong':'HK','Turkey':'TR','United Arab Emirates':'AE','Russia':'RU','Kyrgyzstan':'KG',
       'Armenia':'AM','Kazakhstan':'KZ','India':'IN','Uzbekistan':'UZ','Serbia':'RS','Malaysia':'MY','Georgia':'GE'}
pool = collections.defaultdict(list); seen=set()
for x in R:
    if x['type']!='Entity' or x['country'] not in ISO or not x['address'].strip(): continue
    if x['ent_num'] in seen: continue
    if not re.search('RUSSIA|UKRAINE', x['programs']): 
        if x['country'] not in ('Armenia','Georgia','Kazakhstan','Uzbekistan','Kyrgyzstan','Serbia','Malaysia','Hong Kong'): continue
    name = ' '.join(x['name'].split())
    if len(name) > 70 or not re.match(r'^[A-Za-z0-9 .,&()\'"/-]+$', name): continue
    al = [' '.join(a.split(':',1)[1].split()) for a in x['alt_names'].split(' | ') if a.startswith('aka:')]
    al = [a for a in al if len(a) < 60 and a.upper()!=name.upper() and re.match(r'^[A-Za-z0-9 .,&()\'"/-]+$', a)][:2]
    addr = ' '.join(x['address'].split()).strip(' ,')
    city = ' '.join(x['city_state_postal'].split())
    seen.add(x['ent_num'])
    pool[ISO[x['country']]].append(dict(name=name, aliases=al, street=addr, city=city, country=x['country'], iso=ISO[x['country']]))
json.dump(pool, open('pool.json','w'), ensure_ascii=False, indent=0)
for k,v in pool.items(): print(k, len(v), v[0]['name'], '|', v[0]['street'], '|', v[0]['city'])
