import json, sys
sys.argv=['x']
exec(open('make_letters2.py').read().split("letter_f(); letter_g()")[0])
G=[(["JSC NPP Radiosvyaz"],G[0][1],G[0][2],G[0][3]),(["Bright Future Components Ltd"],G[1][1],G[1][2],G[1][3])]+G[2:4]+[(["Shenzhen Yuante Sheng Co., Ltd."],G[4][1],G[4][2],G[4][3])]+G[5:]
import reportlab
def make(path, names_wrap, gap, country_col=True):
    c = canvas.Canvas(path, pagesize=A4); W, Hh = A4; y = Hh - 70
    def line(txt, x=70, font="LS", size=11, dy=14):
        nonlocal y
        c.setFont(font, size); c.drawString(x, y, txt); y -= dy
    line("UNITED STATES DEPARTMENT OF COMMERCE", font="LSB"); line("Bureau of Industry and Security"); y -= 8
    line("15 January 2025"); line("Ref.: OEE-SL-2025-0044"); y -= 8
    line("Re: Supplier list of parties of diversion concern", font="LSB")
    line("BIS asks that you voluntarily stop shipping to the parties of diversion concern listed below."); y -= 12
    xs = [70, 265, 470]; c.setFont("LSB", 10)
    hdr = ["Company", "Address", "Country"] if country_col else ["Company", "Address"]
    for x, h in zip(xs, hdr): c.drawString(x, y, h)
    y -= 14; c.setFont("LS", 10)
    for names, addr, ctry, _ in G:
        names = names if names_wrap else [" ".join(names)]
        if not country_col: addr = addr + [ctry]
        top = y
        for i, n in enumerate(names): c.drawString(xs[0], top - 12 * i, n)
        for i, a in enumerate(addr): c.drawString(xs[1], top - 12 * i, a)
        if country_col: c.drawString(xs[2], top, ctry)
        y = top - 12 * max(len(names), len(addr)) - gap
    y -= 20; line("Office of Export Enforcement"); c.showPage(); c.save()
T = json.load(open(f"{OUT}/truth.json"))
for nm, nw, gap, cc in [("Ga_tight_names1line", False, 0, True), ("Gd_tight_nocountry", False, 0, False), ("Ge_tight_wrap_short", True, 0, True)]:
    make(f"{OUT}/{nm}.pdf", nw, gap, cc)
    T[nm + ".pdf"] = [dict(name=" ".join(n), aliases=[], address=" ".join(a) + ("" if cc else ""), country=code, hs=[]) for n, a, _, code in G]
json.dump(T, open(f"{OUT}/truth.json", "w"), indent=1, ensure_ascii=False)
