import json,glob,os,sys
sys.path.insert(0,'/work/main/src')
from redletter.evaluation import pair_parties, fold
for t in sorted(glob.glob('/work/helperA/dev/*.truth.json')):
    stem=os.path.basename(t)[:-11]
    T=json.load(open(t))['parties']; o=json.load(open(f'/tmp/out_{stem}.json'))
    Pp=o['parties']
    print(f'===== {stem} type={o.get("notice_type")} truth={len(T)} pred={len(Pp)}')
    pairs=pair_parties(T,Pp); mt={i for i,_,_ in pairs}; mp={j for _,j,_ in pairs}
    for i,j,r in pairs:
        a,b=T[i],Pp[j]
        if fold(a['name'])!=fold(b['name']): print('  NAME  %r -> %r'%(a['name'],b['name']))
        if a['country']!=b['country']: print('  CTRY  %s: %s -> %s (printed %r)'%(a['name'][:30],a['country'],b['country'],b.get('country_printed')))
        lost=[x for x in a['aliases'] if fold(x) not in {fold(y) for y in b['aliases']}]
        if lost: print('  ALIAS %s: lost %r got %r'%(a['name'][:30],lost,b['aliases']))
        d=lambda c:''.join(ch for ch in c if ch.isdigit())
        lh=[h for h in a['hs_codes'] if d(h) not in {d(x) for x in b['hs_codes']}]
        if lh: print('  HS    %s: lost %r got %r'%(a['name'][:30],lh,b['hs_codes']))
    for i,a in enumerate(T):
        if i not in mt: print('  MISS  %r'%a['name'])
    for j,b in enumerate(Pp):
        if j not in mp: print('  SPUR  %r (addr %r)'%(b['name'],(b.get('address') or '')[:60]))
