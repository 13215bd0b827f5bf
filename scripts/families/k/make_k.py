"""Build family K: `python scripts/families/k/make_k.py` (writes tests/fixtures/families/k/{dev,heldout})."""
import os, sys, random, tempfile
sys.path.insert(0, os.path.dirname(__file__))
import common as C, raster, design1 as D1, design2 as D2

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../../tests/fixtures/families/k"))


def run(D, half, prefix, seed):
    out = os.path.join(ROOT, half); os.makedirs(out, exist_ok=True)
    pk = C.Picker(seed); rng = random.Random(seed)
    P = lambda n: os.path.join(out, f"{prefix}{n}")
    tmp = tempfile.mkdtemp()
    D.k_columns(P("01_split_address.pdf"), pk.take(rng.randint(14, 22)))
    D.k_long(P("02_long_supplier_list.pdf"), pk.take(rng.randint(95, 130), hs=(0, 2)))
    # 3. searchable scan (image + invisible OCR layer)
    src = os.path.join(tmp, "s3.pdf"); tr = D.k_plain(src, pk.take(12), "OEE-K-2025-0103")
    raster.searchable(src, P("03_searchable_scan.pdf"), 200, 0.6 if half == "dev" else -0.9, seed)
    C.truth(P("03_searchable_scan.pdf"), tr)
    # 4. text converted to outlines: clean 300 dpi raster, no text layer
    src = os.path.join(tmp, "s4.pdf"); tr = D.k_plain(src, pk.take(11), "OEE-K-2025-0104")
    raster.textless(src, P("04_outlined_text.pdf")); C.truth(P("04_outlined_text.pdf"), tr)
    # 5. image letter
    src = os.path.join(tmp, "s5.pdf"); tr = D.k_plain(src, pk.take(10 if half == "dev" else 16), "OEE-K-2025-0105")
    img = P("05_image_letter.png" if half == "dev" else "05_image_letter.tif")
    raster.image_letter(src, img, 150 if half == "dev" else 200, seed, skew=0.4)
    C.truth(img, tr)
    D.k_country(P("06_country_variants.pdf"), pk.take(rng.randint(16, 24), countries={"RU", "CN", "HK", "AE", "TR", "KG", "AM", "KZ"}), rng)
    D.k_script(P("07_original_script.pdf"), pk.take(rng.randint(12, 18), countries={"RU"}, pred=C.russian_style))
    D.k_prose(P("08_numbered_prose.pdf"), pk.take(rng.randint(10, 14)))
    (D.k_rotated if D is D1 else D.k_band)(P("09_rotated_zebra_eccn.pdf" if D is D1 else "09_band_zebra_eccn.pdf"),
                                          pk.take(rng.randint(14, 20)), rng)
    D.k_annex(P("10_two_annexes.pdf"), pk.take(rng.randint(12, 18), hs=(1, 3)), rng)
    # scans without a text layer
    specs = [("11_scan_gray_jpeg.pdf", 200, 0.8, dict(noise=0.003)),
             ("12_scan_fax_1bit.pdf", 200, -1.3, dict(blur=0.6, bw=True)),
             ("13_scan_150dpi_blur.pdf", 150, 0.35, dict(blur=0.8, noise=0.002))]
    builders = [D1.k_plain, D.k_columns_src if hasattr(D, "k_columns_src") else D.k_plain, D.k_plain]
    for j, (name, dpi, skew, kw) in enumerate(specs):
        src = os.path.join(tmp, f"sc{j}.pdf"); tr = D.k_plain(src, pk.take(rng.randint(10, 16)), f"OEE-K-2025-01{11+j}")
        raster.scan(src, P(name), dpi, skew if half == "dev" else -skew, seed + j, **kw)
        C.truth(P(name), tr)


if __name__ == "__main__":
    which = sys.argv[1:] or ["dev", "heldout"]
    if "dev" in which: run(D1, "dev", "ka", 7101)
    if "heldout" in which: run(D2, "heldout", "kb", 7202)
