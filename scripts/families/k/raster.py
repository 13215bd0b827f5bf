"""Family K: turning born-digital letters into scans, text-less PDFs, searchable scans, PNG/TIFF letters."""
import os, random, subprocess, tempfile
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from playwright.sync_api import sync_playwright


def html_pdf(html, path, landscape=False):
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path="/usr/bin/chromium")
        pg = b.new_page()
        pg.set_content(html)
        pg.pdf(path=path, format="Letter", landscape=landscape, print_background=True,
               margin={"top": "0.6in", "bottom": "0.6in", "left": "0.5in", "right": "0.5in"})
        b.close()


def pages(pdf, dpi):
    doc = pdfium.PdfDocument(pdf)
    return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]


def degrade(im, rng, skew, blur=0.0, noise=0.0, bw=False):
    im = im.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if blur:
        im = im.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        px = im.load(); w, h = im.size
        for _ in range(int(w * h * noise)):
            x, y = rng.randrange(w), rng.randrange(h)
            px[x, y] = rng.choice((0, 40, 200, 255))
    if bw:
        im = im.point(lambda v: 255 if v > 150 else 0).convert("1")
    return im


def save_pdf(ims, path, dpi, quality=55):
    ims2 = []
    for im in ims:
        if im.mode == "L":
            tmp = tempfile.NamedTemporaryFile(suffix=".jpg", delete=False).name
            im.save(tmp, quality=quality); ims2.append(Image.open(tmp))
        else:
            ims2.append(im)
    ims2[0].save(path, save_all=True, append_images=ims2[1:], resolution=dpi)


def scan(src, path, dpi, skew, seed, **kw):
    rng = random.Random(seed)
    ims = [degrade(im, rng, skew * (1 if i % 2 == 0 else -0.7), **kw) for i, im in enumerate(pages(src, dpi))]
    save_pdf(ims, path, dpi)


def textless(src, path, dpi=300):
    """Clean raster of a born-digital page: no text layer at all (as after 'convert text to outlines' + flatten)."""
    ims = [im.point(lambda v: 255 if v > 170 else 0).convert("1") for im in pages(src, dpi)]
    ims[0].save(path, save_all=True, append_images=ims[1:], resolution=dpi)


def searchable(src, path, dpi, skew, seed):
    rng = random.Random(seed)
    out = pdfium.PdfDocument.new()
    with tempfile.TemporaryDirectory() as d:
        for i, im in enumerate(pages(src, dpi)):
            im = degrade(im, rng, skew, blur=0.4, noise=0.002)
            f = os.path.join(d, f"p{i}.jpg"); im.save(f, quality=60, dpi=(dpi, dpi))
            subprocess.run(["tesseract", f, os.path.join(d, f"p{i}"), "-c", "textonly_pdf=0", "pdf"],
                           check=True, capture_output=True)
            out.import_pages(pdfium.PdfDocument(os.path.join(d, f"p{i}.pdf")))
        out.save(path)


def image_letter(src, path, dpi, seed, skew=0.0):
    rng = random.Random(seed)
    ims = [degrade(im, rng, skew) for im in pages(src, dpi)]
    if path.endswith(".png"):
        ims[0].save(path, dpi=(dpi, dpi), optimize=True)
    else:
        ims = [im.point(lambda v: 255 if v > 160 else 0).convert("1") for im in ims]
        ims[0].save(path, save_all=True, append_images=ims[1:], compression="group4", dpi=(dpi, dpi))
