// Writes the images of the construct fixtures of the page estimator (test/fixtures/calibration/
// tex-construct-*.tex): a PNG that records 150 dpi, a PNG without a resolution, a one-page PDF
// and an EPS, all drawn here. Run: node scripts/calibration-constructs.mjs. Then `npm run calibrate`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { greyPng } from './png.mjs';
import { Buffer } from 'node:buffer';

const out = new URL('../test/fixtures/calibration/figures/', import.meta.url);
mkdirSync(out, { recursive: true });

/** A grey-gradient PNG; `dpi` adds a pHYs chunk. */
const png = (width, height, dpi) => greyPng(width, height, (x, y) => ((x + y) * 255) / (width + height), dpi);
/** A one-page PDF of `w` x `h` bp holding a filled rectangle. */
function pdf(w, h) {
  const content = `0.6 g 0 0 ${w} ${h} re f`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Contents 4 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => { offsets.push(body.length); body += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
writeFileSync(new URL('dpi150.png', out), png(450, 300, 150));
writeFileSync(new URL('plain72.png', out), png(200, 160));
writeFileSync(new URL('chart.pdf', out), pdf(288, 144));
writeFileSync(new URL('sketch.eps', out), Buffer.from('%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 216 108\n0.5 setgray 0 0 216 108 rectfill\nshowpage\n%%EOF\n', 'latin1'));
