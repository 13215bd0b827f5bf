import json
exec(open('make_letters2.py').read().split("letter_f(); letter_g()")[0])
T = json.load(open(f"{OUT}/truth.json"))
P = [("Zhongshan Leiyuan Electronics Co., Ltd.", ["Leiyuan Electronics"], "No. 23 Xingzhong Road, Zhongshan, Guangdong 528400", "China", "CN"),
     ("Polar Star Trading Limited", [], "Flat 5, 12/F, Hang Seng Building, 77 Des Voeux Road Central, Central", "Hong Kong", "HK"),
     ("Aeromarine Supply FZCO", ["AMS FZCO"], "Dubai Silicon Oasis, Building A1, Office 305, Dubai", "United Arab Emirates", "AE"),
     ("Tashkent Avia Servis MChJ", [], "Amir Temur Street 107B, Tashkent 100084", "Uzbekistan", "UZ")]
# K: (a) (b) enumeration inside a paragraph
doc = SimpleDocTemplate(f"{OUT}/K_prose_lettered.pdf", pagesize=LETTER)
st = head("OEE-IS-2025-0555", "April 9, 2025", "Is-informed letter: license requirement")
enum = "; ".join(f"({chr(97+i)}) {n}{' (a.k.a. ' + al[0] + ')' if al else ''}, located at {ad}, {c}" for i, (n, al, ad, c, _) in enumerate(P))
st.append(Paragraph("You are hereby informed, pursuant to 15 CFR 744.21(b), that a license is required to export any item subject to the EAR to the following parties: " + enum + ".", body))
doc.build(st)
T["K_prose_lettered.pdf"] = [dict(name=n, aliases=al, address=ad, country=cc, hs=[]) for n, al, ad, _, cc in P]
# L: bullets "NAME - address, Country"
doc = SimpleDocTemplate(f"{OUT}/L_bullets_dash.pdf", pagesize=LETTER)
st = head("OEE-RF-2025-0777", "August 19, 2025", "Red Flag Notification")
st.append(Paragraph("BIS has identified the following customers of yours whose purchases of your items were re-exported to Russia. This is a red flag; resolve the red flag before any further shipment:", body))
for n, al, ad, c, _ in P:
    st.append(Paragraph(f"\u2022 {n.upper()} \u2013 {ad}, {c}" + (f" (also known as {al[0]})" if al else ""), body))
doc.build(st)
T["L_bullets_dash.pdf"] = [dict(name=n.upper(), aliases=al, address=ad, country=cc, hs=[]) for n, al, ad, _, cc in P]
json.dump(T, open(f"{OUT}/truth.json", "w"), indent=1, ensure_ascii=False)
