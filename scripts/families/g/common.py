"""Shared helpers for family G: party pool, HS codes, letter frame, PDF producers, scans."""
import csv, glob, html, json, os, random, re, subprocess, tempfile, shutil

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
SHARED = '/work/shared/data'
SDN = f'{SHARED}/lists/ofac/sdn_2026_addresses_joined.csv'
CHPL = f'{SHARED}/chpl/chpl_hs6_tiers.csv'

ISO = {'Russia': 'RU', 'China': 'CN', 'Hong Kong': 'HK', 'United Arab Emirates': 'AE', 'Turkey': 'TR',
       'India': 'IN', 'Kazakhstan': 'KZ', 'Kyrgyzstan': 'KG', 'Armenia': 'AM', 'Georgia': 'GE',
       'Uzbekistan': 'UZ', 'Thailand': 'TH', 'Malaysia': 'MY', 'Singapore': 'SG', 'Serbia': 'RS'}
# printed country names, several per country
CNAMES = {'RU': ['Russia', 'Russian Federation', 'RUSSIA'], 'CN': ['China', "People's Republic of China", 'P.R. China'],
          'HK': ['Hong Kong', 'Hong Kong SAR', 'HONG KONG'], 'AE': ['United Arab Emirates', 'U.A.E.', 'UAE'],
          'TR': ['Turkey', 'Türkiye', 'TÜRKİYE'], 'IN': ['India', 'INDIA', 'India'],
          'KZ': ['Kazakhstan', 'Republic of Kazakhstan', 'KAZAKHSTAN'], 'KG': ['Kyrgyzstan', 'Kyrgyz Republic', 'KYRGYZSTAN'],
          'AM': ['Armenia', 'Republic of Armenia', 'ARMENIA'], 'GE': ['Georgia', 'Georgia', 'GEORGIA'],
          'UZ': ['Uzbekistan', 'Republic of Uzbekistan', 'UZBEKISTAN'], 'TH': ['Thailand', 'Kingdom of Thailand', 'THAILAND'],
          'MY': ['Malaysia', 'Malaysia', 'MALAYSIA'], 'SG': ['Singapore', 'Republic of Singapore', 'SINGAPORE'],
          'RS': ['Serbia', 'Republic of Serbia', 'SERBIA']}
ISO3 = {'RU': 'RUS', 'CN': 'CHN', 'HK': 'HKG', 'AE': 'ARE', 'TR': 'TUR', 'IN': 'IND', 'KZ': 'KAZ', 'KG': 'KGZ',
        'AM': 'ARM', 'GE': 'GEO', 'UZ': 'UZB', 'TH': 'THA', 'MY': 'MYS', 'SG': 'SGP', 'RS': 'SRB'}

GOOD_PROGS = ('RUSSIA-EO14024', 'UKRAINE-EO', 'NPWMD', 'CAATSA - RUSSIA', 'BELARUS', 'CYBER', 'IRAN-EO13846',
              'IRAN-EO13902', 'PEESA')
BAD_PROGS = {'SDGT', 'TCO', 'SDNTK', 'ILLICIT-DRUGS-EO14059', 'GLOMAG', 'FTO', 'IRGC', 'SOMALIA'}
SKIP_WORDS = ('SHIPPING', 'TANKER', 'SHIP MANAGEMENT', 'SHIPMANAGEMENT', 'MARITIME', 'NAVIGATION', 'ASSOCIATION',
              'FOUNDATION', 'CHARITY', 'MONEY EXCHANGE', 'TOBACCO', 'GEMS', 'JEWEL', 'PETROLEUM', 'PETROCHEM', 'IRAN', 'BANK', 'HEZBOLLAH', 'HIZBALLAH', 'MINISTRY', 'ISLAMIC', 'REVOLUTIONARY', 'KOREA', 'SYRIA')


def used_names():
    """Names and aliases of every party in other families' truth files (never reused)."""
    out = set()
    for f in glob.glob(f'{ROOT}/tests/fixtures/families/*/**/*.truth.json', recursive=True):
        if '/families/g/' in f:
            continue
        try:
            d = json.load(open(f))
        except Exception:
            continue
        for p in d.get('parties', []):
            out.add(norm(p.get('name', '')))
            for a in p.get('aliases', []) or []:
                out.add(norm(a))
    return out


def norm(s):
    return re.sub(r'[^a-z0-9]', '', s.lower())


def load_pool(seed):
    used = used_names()
    rows = list(csv.DictReader(open(SDN, encoding='utf-8')))
    seen, pool = set(), []
    for r in rows:
        if not r['type'].lower().startswith('entity'):
            continue
        if r['country'] not in ISO or not r['address'].strip():
            continue
        if r['ent_num'] in seen:
            continue
        seen.add(r['ent_num'])
        name = r['name'].strip()
        progs = {x.strip() for x in r['programs'].split(';')}
        if progs & BAD_PROGS:
            continue
        if any(w in name.upper() for w in SKIP_WORDS):
            continue
        if norm(name) in used or len(name) > 90:
            continue
        akas = [a.strip()[4:].strip() for a in r['alt_names'].split('|') if a.strip().lower().startswith('aka:')]
        akas = [a for a in akas if a and norm(a) != norm(name) and norm(a) not in used and len(a) < 90]
        if any(norm(a) in used for a in akas):
            continue
        iso = ISO[r['country']]
        where = (r['address'] + ' ' + r['city_state_postal']).lower()
        if iso == 'CN' and any(k in where for k in ('hong kong', 'kowloon', 'wan chai', 'wanchai', 'tsim sha tsui',
                                                     'mong kok', 'kwun tong', 'sheung wan', 'causeway bay')):
            iso = 'HK'  # SDN places some Hong Kong addresses under China: the letter's country follows the address
        pool.append(dict(ent=r['ent_num'], name=name, aliases=akas, street=r['address'].strip().rstrip(','),
                         city=r['city_state_postal'].strip(), iso=iso))
    rnd = random.Random(seed)
    rnd.shuffle(pool)
    pool = pool[37:]  # skip the head of the shuffled order (other testers may draw from the top)
    return pool


class Drawer:
    """Draws parties without replacement, with a per-letter country mix."""
    def __init__(self, pool, seed):
        self.pool = pool
        self.rnd = random.Random(seed)
        self.by = {}
        for p in pool:
            self.by.setdefault(p['iso'], []).append(p)
        self.hs = [r['hs6_dotted'] for r in csv.DictReader(open(CHPL))]

    def take(self, n, countries=None, want_alias=None):
        out = []
        weights = {'RU': 5, 'CN': 4, 'HK': 2, 'AE': 4, 'TR': 2, 'IN': 2, 'KZ': 1, 'KG': 1, 'AM': 1, 'GE': 1,
                   'UZ': 1, 'TH': 1, 'MY': 1, 'SG': 1, 'RS': 1}
        cs = countries or list(weights)
        while len(out) < n:
            c = self.rnd.choices(cs, [weights.get(x, 1) for x in cs])[0]
            lst = self.by.get(c)
            if not lst:
                cs = [x for x in cs if x != c]
                continue
            idx = None
            if want_alias is not None:
                for i, p in enumerate(lst[:40]):
                    if bool(p['aliases']) == want_alias:
                        idx = i
                        break
            p = lst.pop(idx or 0)
            out.append(dict(p))
        return out

    def hs_codes(self, k):
        return sorted(self.rnd.sample(self.hs, k))


def addr(p, with_country=None):
    lines = [p['street']] + ([p['city']] if p['city'] else [])
    if with_country:
        lines.append(with_country)
    return lines


def title_name(s):
    keep = {'LLC', 'OOO', 'JSC', 'AO', 'PAO', 'OAO', 'ZAO', 'FZE', 'FZCO', 'FZC', 'LTD', 'PTE', 'CO', 'SDN', 'BHD',
            'TOO', 'OSOO', 'DMCC', 'LLP', 'HK', 'PJSC', 'CJSC', 'NPO', 'NPP', 'DOO', 'D.O.O.', 'L.L.C', 'L.L.C.', 'FZ'}
    out = []
    for w in s.split(' '):
        core = w.strip('.,()')
        if core.upper() in keep or core.upper().rstrip('.') in keep:
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:].lower())
    return ' '.join(out)


def truth_party(name, aliases, address_lines, iso, hs=()):
    return {'name': name, 'aliases': list(aliases), 'address': ', '.join(l for l in address_lines if l),
            'country': iso, 'hs_codes': list(hs)}


def write_truth(outdir, stem, parties):
    json.dump({'file': stem + '.pdf', 'parties': parties},
              open(os.path.join(outdir, stem + '.truth.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)


E = html.escape

# ---------------------------------------------------------------- letter frame text
OFFICES = [
    ('Office of Export Enforcement', '1401 Constitution Avenue, NW, Room 4508', 'Washington, DC 20230'),
    ('Office of Export Enforcement, Chicago Field Office', '2001 Butterfield Road, Suite 1170', 'Downers Grove, IL 60515'),
    ('Office of Export Enforcement, Dallas Field Office', '225 East John Carpenter Freeway, Suite 820', 'Irving, TX 75062'),
    ('Office of Export Enforcement, San Jose Field Office', '160 West Santa Clara Street, Suite 725', 'San Jose, CA 95113'),
    ('Office of Export Enforcement, Boston Field Office', '15 New Sudbury Street, Room 350', 'Boston, MA 02203'),
]
EXPORTERS = [
    ('Cascade Motion Controls, Inc.', 'Attn: Trade Compliance Manager', '4410 SW Industrial Parkway', 'Beaverton, OR 97005'),
    ('Norvale Semiconductor Corporation', 'Attn: Director, Global Trade', '2250 Mission College Blvd., Bldg. 3', 'Santa Clara, CA 95054'),
    ('Hadley-Brooks Instruments LLC', 'Attn: Export Compliance Officer', '77 Research Drive', 'Andover, MA 01810'),
    ('Prairie Wire & Cable Co.', 'Attn: Legal Department', '1900 North Hampton Road', 'DeSoto, TX 75115'),
    ('Kestrel Embedded Systems, Inc.', 'Attn: Empowered Official', '310 Technology Way, Suite 200', 'Huntsville, AL 35806'),
    ('Silverline Optoelectronics Corp.', 'Attn: Compliance', '5600 Airport Road', 'Boulder, CO 80301'),
    ('Greystone Precision Bearings, Inc.', 'Attn: Trade Compliance', '1148 Commerce Circle', 'Greenville, SC 29607'),
]
SIGNERS = [('John R. Whitfield', 'Special Agent in Charge'), ('Maria L. Okafor', 'Director, Office of Export Enforcement'),
           ('Daniel P. Reyes', 'Assistant Director, Export Enforcement'), ('Karen T. Lindqvist', 'Special Agent in Charge'),
           ('Steven M. Abernathy', 'Deputy Assistant Secretary for Export Enforcement')]
DATES = ['March 14, 2025', 'July 2, 2024', 'September 19, 2024', 'January 8, 2025', 'November 22, 2024', 'May 30, 2025',
         'August 11, 2025', 'October 3, 2024', 'February 27, 2025', 'June 16, 2025', 'December 9, 2024', 'April 24, 2025']

BODY = {
    'supplier': [
        "The Bureau of Industry and Security (BIS) is writing to provide your company with information regarding "
        "foreign parties that present a risk of diverting items subject to the Export Administration Regulations (EAR) "
        "to Russia. BIS has identified these parties through analysis of commercial and customs data, including "
        "shipments of Common High Priority List (CHPL) items.",
        "BIS encourages your company to exercise heightened caution and to consider voluntarily ceasing shipments to the "
        "parties listed in the attachment to this letter. Continued transactions with these parties may raise red flags "
        "within the meaning of Supplement No. 3 to Part 732 of the EAR.",
        "This letter does not impose a licence requirement by itself. It is provided to assist your compliance program. "
        "Please do not share this letter or its attachment outside your company without BIS's consent.",
    ],
    'redflag': [
        "Our review of export and import records indicates that items your company exported were subsequently "
        "re-exported to the Russian Federation by one or more of your customers identified below. The items include "
        "Common High Priority List items classified under the Harmonized System subheadings shown.",
        "This information constitutes a red flag. Before proceeding with any further transaction involving these "
        "customers, your company should resolve the red flag by conducting additional due diligence, and should "
        "consider whether a licence application is required.",
    ],
    'informed': [
        "Pursuant to Sections 744.21(b) and 744.6(c) of the Export Administration Regulations (EAR), 15 C.F.R. Parts "
        "730-774, you are hereby informed that a licence is required for the export, re-export or transfer (in-country) "
        "of any item subject to the EAR to the parties identified below, because there is an unacceptable risk of use "
        "in or diversion to a military end use or military end user in Russia or Belarus.",
        "This requirement is effective immediately and remains in effect until further notice. Licence applications "
        "will be reviewed under a policy of denial.",
    ],
    'guardian': [
        "As part of Project Guardian, the Office of Export Enforcement is asking for your help. We have reason to "
        "believe that the parties identified below may attempt to acquire items from U.S. companies for diversion to "
        "prohibited end users.",
        "If your company receives an enquiry or order from any of these parties, please do not ship; contact the "
        "field office shown below. Your cooperation will be taken into account as a mitigating factor.",
    ],
}


def frame_bits(rnd, kind):
    off = rnd.choice(OFFICES)
    exp = rnd.choice(EXPORTERS)
    sig = rnd.choice(SIGNERS)
    date = rnd.choice(DATES)
    ref = f"OEE-{rnd.choice(['WF','CH','DL','SJ','BO','HQ'])}-{rnd.randint(2024, 2025)}-{rnd.randint(1000, 9999)}"
    subj = {'supplier': 'Parties of Diversion Concern', 'redflag': 'Red Flag Notification Regarding Your Customers',
            'informed': "'Is Informed' Notification Under 15 C.F.R. 744.21(b)", 'guardian': 'Project Guardian Request'}[kind]
    return dict(office=off, exp=exp, sig=sig, date=date, ref=ref, subject=subj, body=BODY[kind])


# ---------------------------------------------------------------- producers
def chromium_pdf(html_text, out_pdf):
    with tempfile.TemporaryDirectory() as td:
        src = os.path.join(td, 'x.html')
        open(src, 'w', encoding='utf-8').write(html_text)
        subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                        f'--print-to-pdf={out_pdf}', 'file://' + src], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def soffice_pdf(docx_path, out_pdf):
    with tempfile.TemporaryDirectory() as td:
        subprocess.run(['soffice', f'-env:UserInstallation=file://{td}/u', '--headless', '--convert-to', 'pdf',
                        '--outdir', td, docx_path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.move(os.path.join(td, os.path.splitext(os.path.basename(docx_path))[0] + '.pdf'), out_pdf)


def scan_pdf(src_pdf, out_pdf, seed, dpi=200, quality=45):
    from PIL import Image, ImageFilter
    import numpy as np
    from fpdf import FPDF
    rnd = random.Random(seed)
    nrnd = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as td:
        subprocess.run(['pdftoppm', '-gray', '-r', str(dpi), src_pdf, f'{td}/p'], check=True)
        pages = sorted(glob.glob(f'{td}/p*.pgm'))
        pdf = FPDF(unit='pt')
        for i, pg in enumerate(pages):
            im = Image.open(pg).convert('L')
            w, h = im.size
            ang = rnd.uniform(0.2, 1.2) * rnd.choice([-1, 1])
            im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=255)
            im = im.filter(ImageFilter.GaussianBlur(rnd.uniform(0.4, 0.8)))
            a = np.asarray(im).astype(np.float32)
            a += nrnd.normal(0, rnd.uniform(4, 7), a.shape)
            specks = nrnd.random(a.shape) < 0.0004
            a[specks] = 40
            a = np.clip(a * 0.97 + 6, 0, 255).astype(np.uint8)
            im = Image.fromarray(a)
            jp = f'{td}/s{i}.jpg'
            im.save(jp, 'JPEG', quality=quality)
            wpt, hpt = w * 72.0 / dpi, h * 72.0 / dpi
            pdf.add_page(format=(wpt, hpt))
            pdf.image(jp, 0, 0, wpt, hpt)
        pdf.output(out_pdf)
