"""Family I helpers: party pool, HS draws, letter texts, PDF producers, scan simulation."""
import csv, glob, json, os, random, re, subprocess, tempfile, io
from pathlib import Path

SEED = 20261211
DATA = Path('/work/shared/data')
ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / 'tests' / 'fixtures' / 'families' / 'i'

ISO = {'China': 'CN', 'Hong Kong': 'HK', 'Turkey': 'TR', 'United Arab Emirates': 'AE', 'India': 'IN',
       'Kyrgyzstan': 'KG', 'Kazakhstan': 'KZ', 'Armenia': 'AM', 'Serbia': 'RS', 'Uzbekistan': 'UZ',
       'Thailand': 'TH', 'Singapore': 'SG', 'Malaysia': 'MY', 'Russia': 'RU', 'Belarus': 'BY',
       'Cyprus': 'CY', 'Switzerland': 'CH', 'Georgia': 'GE', 'Tajikistan': 'TJ', 'Azerbaijan': 'AZ',
       'Vietnam': 'VN', 'Israel': 'IL', 'Estonia': 'EE', 'Latvia': 'LV', 'Lithuania': 'LT',
       'Moldova': 'MD', 'Korea, South': 'KR', 'Taiwan': 'TW', 'Mongolia': 'MN', }
# how letters spell the country (two variants: a, b)
CNAME = {'CN': ('China', "People's Republic of China"), 'HK': ('Hong Kong', 'Hong Kong SAR'),
         'TR': ('Türkiye', 'Turkey'), 'AE': ('United Arab Emirates', 'U.A.E.'), 'IN': ('India', 'India'),
         'KG': ('Kyrgyzstan', 'Kyrgyz Republic'), 'KZ': ('Kazakhstan', 'Kazakhstan'), 'AM': ('Armenia', 'Armenia'),
         'RS': ('Serbia', 'Serbia'), 'UZ': ('Uzbekistan', 'Uzbekistan'), 'TH': ('Thailand', 'Thailand'),
         'SG': ('Singapore', 'Singapore'), 'MY': ('Malaysia', 'Malaysia'), 'RU': ('Russia', 'Russian Federation'),
         'BY': ('Belarus', 'Belarus'), 'CY': ('Cyprus', 'Cyprus'), 'CH': ('Switzerland', 'Switzerland'),
         'GE': ('Georgia', 'Georgia'), 'TJ': ('Tajikistan', 'Tajikistan'), 'AZ': ('Azerbaijan', 'Azerbaijan'),
         'VN': ('Vietnam', 'Vietnam'), 'IL': ('Israel', 'Israel'), 'EE': ('Estonia', 'Estonia'),
         'LV': ('Latvia', 'Latvia'), 'LT': ('Lithuania', 'Lithuania'), 'MD': ('Moldova', 'Moldova'),
         'KR': ('South Korea', 'Republic of Korea'), 'TW': ('Taiwan', 'Taiwan'), 'MN': ('Mongolia', 'Mongolia'),
         'IR': ('Iran', 'Iran')}

BAD_WORDS = re.compile(r'\b(\w*BANK|SHIP\w*|\w*SHIPMANAGEMENT|MARITIME|TANKER|VESSEL|CHARIT\w*|FOUNDATION|PETRO\w*|OIL|GAS|GEM|GOLD|'
                       r'DIAMOND\w*|INSURANCE|CAPITAL|INVEST\w*|FUND|LEASING|AIRLINES?|MINING|COAL|CREDIT|EXCHANGE|OLYMPIC|'
                       r'COMMITTEE|SPORTS?|CLUB|UNIVERSITY|HOSPITAL|MINISTRY|POTASH|NEFT\w*|BELARUSKALI|FERTILI\w*|HOTEL|'
                       r'TOBACCO|AGRO\w*|TELEVISION|MEDIA|NEWS|CHURCH|PARTY|ASSOCIATION|BELAVIA|REFIN\w*|STEEL|METALLURG\w*|COMMISSION|ELECTION|ASIGUR\w*|FINANS|FINANC\w*|ASIG)\b', re.I)
GOOD_PROGS = re.compile(r'RUSSIA|UKRAINE|BELARUS|IRAN|NPWMD|IFSR|DPRK|CYBER')
BAD_PROGS = re.compile(r'SDGT|SDNT|TCO|ILLICIT-DRUGS|FTO|CAATSA - IRAN|IRGC|HRIT|GLOMAG')


def _existing_names():
    names = set()
    for f in glob.glob('/work/main/tests/fixtures/**/*.json', recursive=True) + \
             glob.glob(str(ROOT / 'tests/fixtures/**/*.json'), recursive=True):
        if '/families/i/' in f:
            continue
        try:
            txt = open(f, encoding='utf-8').read()
        except Exception:
            continue
        for m in re.finditer(r'"(?:name|aliases)"\s*:\s*(\[[^\]]*\]|"[^"]*")', txt):
            v = m.group(1)
            try:
                v = json.loads(v)
            except Exception:
                continue
            for s in ([v] if isinstance(v, str) else v):
                if isinstance(s, str):
                    names.add(norm(s))
    return names


def norm(s):
    return re.sub(r'[^A-Z0-9]+', ' ', s.upper()).strip()


def load_pool():
    seen_ent = set()
    excl = _existing_names()
    pool = []
    with open(DATA / 'lists/ofac/sdn_2026_addresses_joined.csv', encoding='utf-8') as fh:
        for r in csv.DictReader(fh):
            if r['type'] != 'Entity' or r['ent_num'] in seen_ent:
                continue
            seen_ent.add(r['ent_num'])
            if not GOOD_PROGS.search(r['programs']):
                continue
            if BAD_PROGS.search(r['programs']) or BAD_WORDS.search(r['name']):
                continue
            c = ISO.get(r['country'])
            if not c or c == 'RU' and random.Random(int(r['ent_num'])).random() < 0.9:
                continue
            if not r['address'].strip() or not r['city_state_postal'].strip():
                continue
            name = r['name'].strip()
            if len(name) > 70 or not name.isascii():
                continue
            alts = [a.split(':', 1)[1].strip() for a in re.split(r'[|;]', r['alt_names']) if a.strip().startswith('aka:')]
            alts = [a for a in alts if a and a.isascii() and len(a) < 60 and norm(a) != norm(name)]
            if norm(name) in excl or any(norm(a) in excl for a in alts):
                continue
            addr = [r['address'].strip().rstrip(','), r['city_state_postal'].strip().rstrip(',')]
            if c == 'CN' and re.search(r'Hong Kong|Kowloon|Wan Chai|Kwun Tong', ' '.join(addr), re.I):
                c = 'HK'
            pool.append({'ent': r['ent_num'], 'name': name, 'alts': alts, 'addr': addr, 'country': c})
    pool.sort(key=lambda p: int(p['ent']))
    random.Random(SEED).shuffle(pool)
    return pool


class Drawer:
    def __init__(self):
        self.pool = load_pool()
        self.i = 0
        self.used = set()

    def take(self, n, rng, max_alias=3, countries=None):
        out = []
        while len(out) < n:
            p = self.pool[self.i]; self.i += 1
            if countries and p['country'] not in countries:
                self.pool.append(p)  # defer
                continue
            k = norm(p['name'])
            if k in self.used or any(norm(a) in self.used for a in p['alts']):
                continue
            self.used.add(k); self.used.update(norm(a) for a in p['alts'])
            q = dict(p)
            na = min(len(p['alts']), rng.choice([0, 1, 1, 2, 2, 3, max_alias]))
            q['alts'] = p['alts'][:max(0, min(na, max_alias))]
            out.append(q)
        return out


def load_chpl():
    with open(DATA / 'chpl/chpl_hs6_tiers.csv') as fh:
        return [r for r in csv.DictReader(fh)]


CHPL = load_chpl()
HS_DESC = {'8542': 'Electronic integrated circuits', '8541': 'Semiconductor devices', '8471': 'Data-processing machines',
           '8517': 'Telephone / data transmission apparatus', '8526': 'Radar / radio navigation apparatus',
           '8525': 'Transmission apparatus; cameras', '8807': 'Parts of aircraft / UAVs', '8803': 'Parts of aircraft',
           '8532': 'Capacitors', '8533': 'Resistors', '8504': 'Static converters', '8507': 'Accumulators',
           '9013': 'Optical devices / lasers', '9014': 'Navigational instruments', '8536': 'Connectors',
           '8486': 'Semiconductor manufacturing machines', '8548': 'Electrical parts n.e.s.',
           '8482': 'Ball bearings', '8411': 'Turbojets', '8409': 'Engine parts', '9030': 'Oscilloscopes / analysers',
           '8529': 'Parts of 8525-8528 apparatus', '8473': 'Parts of computers', '8456': 'Machine tools (laser)',
           '8457': 'Machining centres', '8458': 'Lathes', '8459': 'Drilling / milling machines', '8466': 'Parts of machine tools',
           '8543': 'Electrical machines n.e.s.', '9026': 'Flow / pressure instruments', '9027': 'Analysis instruments',
           '9031': 'Measuring instruments n.e.s.', '8531': 'Signalling apparatus', '8544': 'Insulated wire / cable',
           '8479': 'Machines n.e.s.', '8802': 'Aircraft', '8805': 'Aircraft launching gear', '9306': 'Ammunition parts',
           '8801': 'Balloons / gliders', '8523': 'Storage media', '9032': 'Regulating instruments'}


def hs_draw(rng, k):
    return sorted({r['hs6'] for r in rng.sample(CHPL, k)})


def dotted(h):
    return h[:4] + '.' + h[4:]


def hs_form(h, form, rng):
    if form == 'dot':
        return dotted(h)
    if form == 'plain':
        return h
    if form == 'hts8':
        return dotted(h) + '.' + rng.choice(['00', '10', '40', '80'])
    if form == 'hts10':
        return dotted(h) + '.' + rng.choice(['00', '40', '80']) + '%02d' % rng.randint(0, 95)
    raise ValueError(form)


def party_truth(p, name=None, address=None, aliases=None, hs=()):
    return {'name': name if name is not None else p['name'],
            'aliases': list(aliases if aliases is not None else p['alts']),
            'address': address if address is not None else ', '.join(p['addr']),
            'country': p['country'], 'hs_codes': [dotted(h) for h in hs]}


def write_truth(path_pdf, parties):
    path_pdf = Path(path_pdf)
    with open(path_pdf.with_suffix('.truth.json'), 'w', encoding='utf-8') as fh:
        json.dump({'file': path_pdf.name, 'parties': parties}, fh, indent=1, ensure_ascii=False)
        fh.write('\n')


# ---------------------------------------------------------------- letter texts
OFFICES = [('Office of Export Enforcement', 'New York Field Office', '1200 South Avenue, Suite 104', 'Staten Island, NY 10314'),
           ('Office of Export Enforcement', 'Chicago Field Office', '2040 Corporate Lane, Suite 100', 'Naperville, IL 60563'),
           ('Office of Export Enforcement', 'San Jose Field Office', '160 West Santa Clara Street, Suite 725', 'San Jose, CA 95113'),
           ('Office of Export Enforcement', 'Dallas Field Office', '1100 Commerce Street, Room 1024', 'Dallas, TX 75242'),
           ('Office of Export Enforcement', 'Boston Field Office', '10 Causeway Street, Suite 253', 'Boston, MA 02222'),
           ('Office of Export Enforcement', 'Los Angeles Field Office', '2601 Main Street, Suite 310', 'Irvine, CA 92614')]
EXPORTERS = [('Halvorsen Microwave Components, Inc.', 'Attn: Trade Compliance Department', '4410 Meridian Parkway', 'Aurora, IL 60504'),
             ('Brightwater Instruments LLC', 'Attn: Export Compliance Officer', '77 Technology Drive', 'Andover, MA 01810'),
             ('Castellan Semiconductor Corp.', 'Attn: Director, Global Trade', '2900 Orchard Parkway', 'San Jose, CA 95134'),
             ('Norbeck Precision Bearings Co.', 'Attn: Empowered Official', '1515 Industrial Boulevard', 'Garland, TX 75041'),
             ('Pinecrest Avionics, Inc.', 'Attn: General Counsel', '800 Airport Road', 'Wichita, KS 67209'),
             ('Tamarack Data Systems Corp.', 'Attn: Compliance', '31 Harbor Point Blvd.', 'Stamford, CT 06902'),
             ('Redwood Signal Technologies', 'Attn: Export Control Manager', '5600 Great America Pkwy', 'Santa Clara, CA 95054'),
             ('Ashgrove Machine Tool Company', 'Attn: Legal Department', '12 Mill Street', 'Rockford, IL 61101')]
SIGNERS = [('Margaret L. Ostrowski', 'Special Agent in Charge'), ('David K. Renfroe', 'Assistant Special Agent in Charge'),
           ('Elena M. Vasquez-Hart', 'Director, Office of Export Enforcement'), ('Thomas R. Achebe', 'Special Agent'),
           ('Karen J. Lindqvist', 'Supervisory Special Agent'), ('Robert E. Tanaka', 'Deputy Assistant Secretary for Export Enforcement')]
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']


def letter_meta(rng, kind):
    d = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.choice([2024, 2025, 2026])}"
    ref = rng.choice(['OEE-NY', 'OEE-CH', 'OEE-SJ', 'OEE-DA', 'BIS/OEE', 'EE-PG']) + '-%02d-%04d' % (rng.randint(24, 26), rng.randint(10, 9999))
    return {'kind': kind, 'date': d, 'ref': ref, 'office': rng.choice(OFFICES), 'to': rng.choice(EXPORTERS),
            'signer': rng.choice(SIGNERS)}


BODY = {
 'supplier': [
  "The Bureau of Industry and Security (BIS), Office of Export Enforcement (OEE), is contacting your company as part of its "
  "continuing effort to prevent the diversion of U.S.-origin items to the Russian Federation in support of its war against Ukraine.",
  "BIS has identified the foreign parties listed in the attachment to this letter as parties of diversion concern. Commercial and "
  "customs data indicate that these parties have shipped items on the Common High Priority List (CHPL) to Russia since February 2022.",
  "BIS requests that your company exercise heightened due diligence on any transaction involving the listed parties and, "
  "where appropriate, voluntarily refrain from further shipments to them. This letter does not impose a license requirement.",
 ],
 'redflag': [
  "This letter informs you of a red flag concerning one or more of your company's foreign customers. Information available to BIS "
  "indicates that items your company exported were subsequently re-exported to the Russian Federation.",
  "Under the Export Administration Regulations (EAR), a red flag must be resolved before proceeding with a transaction. Your company "
  "should not ship to the parties identified below until the red flag has been resolved, which may include applying for a license.",
  "The items concerned are on the Common High Priority List. Please review your records of sales to these parties since 2022.",
 ],
 'informed': [
  "Pursuant to Sections 744.21(b) and 744.6(c) of the Export Administration Regulations (15 CFR parts 730-774), you are hereby "
  "informed that a license is required for the export, reexport or transfer (in-country) of any item subject to the EAR to the "
  "parties named in this letter, because there is an unacceptable risk of diversion to the Russian Federation.",
  "This requirement takes effect upon receipt of this letter and remains in effect until rescinded in writing by BIS. License "
  "applications will be reviewed under a policy of denial.",
 ],
 'guardian': [
  "Under Project Guardian, BIS works with U.S. companies to identify items and parties of concern before an unlawful export occurs.",
  "BIS requests that your company notify this office promptly of any enquiry, quotation request or order from the parties listed "
  "below, and that you not ship to them without first consulting the undersigned. Your cooperation will be noted.",
 ],
}
SUBJECT = {'supplier': 'Parties of Diversion Concern - Supplier List', 'redflag': 'Red Flag Notification - Diversion to Russia',
           'informed': "\"Is Informed\" Notice under 15 CFR 744.21(b)", 'guardian': 'Project Guardian Request'}


# ---------------------------------------------------------------- producers
def chromium_pdf(html, out):
    out = Path(out)
    with tempfile.TemporaryDirectory() as td:
        f = Path(td) / 'x.html'
        f.write_text(html, encoding='utf-8')
        subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                        f'--print-to-pdf={out}', f.as_uri()], check=True, capture_output=True, timeout=120)


def soffice_pdf(src, out):
    out = Path(out)
    with tempfile.TemporaryDirectory() as td:
        subprocess.run(['soffice', '--headless', f'-env:UserInstallation=file://{td}/u', '--convert-to', 'pdf',
                        '--outdir', td, str(src)], check=True, capture_output=True, timeout=180)
        pdf = Path(td) / (Path(src).stem + '.pdf')
        out.write_bytes(pdf.read_bytes())


def scan_pdf(src_pdf, out_pdf, rng, dpi=200, quality=45):
    """Rasterise, tilt, blur, add noise, JPEG, wrap back into a PDF (fpdf2)."""
    import numpy as np
    from PIL import Image, ImageFilter
    from fpdf import FPDF
    with tempfile.TemporaryDirectory() as td:
        subprocess.run(['pdftoppm', '-gray', '-r', str(dpi), str(src_pdf), f'{td}/p'], check=True)
        pages = sorted(Path(td).glob('p*.pgm'))
        nrng = np.random.default_rng(rng.randint(0, 10**6))
        pdf = FPDF(unit='pt')
        for i, pg in enumerate(pages):
            im = Image.open(pg).convert('L')
            w, h = im.size
            ang = rng.uniform(0.3, 1.5) * rng.choice([-1, 1])
            im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=255)
            im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8)))
            a = np.asarray(im).astype(np.float32)
            a += nrng.normal(0, 9, a.shape)
            specks = nrng.random(a.shape) < 0.0004
            a[specks] = 40
            a = a * 0.93 + 12  # grey paper
            im = Image.fromarray(np.clip(a, 0, 255).astype('uint8'))
            jp = Path(td) / f'j{i}.jpg'
            im.save(jp, 'JPEG', quality=quality)
            wpt, hpt = w * 72 / dpi, h * 72 / dpi
            pdf.add_page(format=(wpt, hpt))
            pdf.image(str(jp), 0, 0, wpt, hpt)
        pdf.output(str(out_pdf))


def esc(s):
    import html
    return html.escape(s)


def html_cover(meta, css='', extra_before_sig='', annex_note=True):
    o = meta['office']; t = meta['to']; s = meta['signer']; k = meta['kind']
    body = ''.join(f'<p>{esc(p)}</p>' for p in BODY[k])
    note = '<p>The parties concerned are identified in the Attachment to this letter.</p>' if annex_note else ''
    return f"""
<div class="lh"><div class="seal">U.S. DEPARTMENT OF COMMERCE</div>
<div class="bis">Bureau of Industry and Security</div><div class="off">{o[0]} &middot; {o[1]}<br>{o[2]}, {o[3]}</div></div>
<p class="date">{meta['date']}</p><p class="ref">Our reference: {meta['ref']}</p>
<p class="to">{t[0]}<br>{t[1]}<br>{t[2]}<br>{t[3]}</p>
<p class="subj"><b>Re: {esc(SUBJECT[k])}</b></p><p>Dear Sir or Madam:</p>{body}{note}{extra_before_sig}
<p>Questions regarding this letter may be directed to the undersigned.</p>
<p class="sig">Sincerely,<br><br><br>{s[0]}<br>{s[1]}<br>{o[0]}</p>"""
