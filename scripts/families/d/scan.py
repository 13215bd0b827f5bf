import subprocess, glob, json, random, shutil
from PIL import Image, ImageFilter
import numpy as np
SC='/work/helperD/gen/scansrc'; O='/work/helperD/letters/scanned'
def pages(pdf,dpi):
    subprocess.run(['pdftoppm','-r',str(dpi),'-gray','-png',pdf,f'{pdf[:-4]}_p'],check=True)
    return [Image.open(f) for f in sorted(glob.glob(f'{pdf[:-4]}_p*.png'))]
def degrade(im,ang,noise,blur,seed):
    rng=np.random.default_rng(seed)
    im=im.convert('L').rotate(ang,resample=Image.BICUBIC,expand=False,fillcolor=255)
    if blur: im=im.filter(ImageFilter.GaussianBlur(blur))
    a=np.asarray(im).astype(np.float32)+rng.normal(0,noise,(im.height,im.width))
    a=np.clip(a*0.95+8,0,255).astype(np.uint8)
    return Image.fromarray(a)
def jpeg(im,q):
    import io; b=io.BytesIO(); im.save(b,'JPEG',quality=q); b.seek(0); return Image.open(b).convert('L')
def cp(stem,newname):
    t=json.load(open(f'{SC}/{stem}.truth.json')); t['file']=newname
    json.dump(t,open(f'{O}/{stem}.truth.json','w'),ensure_ascii=False,indent=1)
ps=[jpeg(degrade(p,0.8,8,0.4,1),70) for p in pages(f'{SC}/S1_scan_grid.pdf',200)]
ps[0].save(f'{O}/S1_scan_grid.pdf',save_all=True,append_images=ps[1:],resolution=200); cp('S1_scan_grid','S1_scan_grid.pdf')
p=degrade(pages(f'{SC}/S2_scan_shaded.pdf',200)[0],-0.6,6,0.6,2); p.save(f'{O}/S2_scan_shaded.png'); cp('S2_scan_shaded','S2_scan_shaded.png')
ps=[jpeg(degrade(p,-1.2,10,0.8,3),60) for p in pages(f'{SC}/S3_scan_paragraphs.pdf',200)]
ps[0].save(f'{O}/S3_scan_paragraphs.pdf',save_all=True,append_images=ps[1:],resolution=200); cp('S3_scan_paragraphs','S3_scan_paragraphs.pdf')
p=degrade(pages(f'{SC}/S4_scan_docx.pdf',200)[0],1.0,9,0.5,4); p.save(f'{O}/S4_scan_docx.jpg',quality=75); cp('S4_scan_docx','S4_scan_docx.jpg')
