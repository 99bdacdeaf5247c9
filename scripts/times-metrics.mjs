// Derives the Times (URW Nimbus Roman) advance widths used by the page estimator from the
// font's published AFM metrics (Debian package fonts-urw-base35), and writes them as data:
// src/core/layout/metrics/times-roman.json. Run: node scripts/times-metrics.mjs [AFM_DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/usr/share/fonts/type1/urw-base35';
const faces = { regular: 'NimbusRoman-Regular', bold: 'NimbusRoman-Bold', italic: 'NimbusRoman-Italic' };
// Glyph names for ASCII 32..126 where Adobe StandardEncoding differs from ASCII.
const asciiName = { 39: 'quotesingle', 96: 'grave' };
const extra = {
  '\u2013': 'endash', '\u2014': 'emdash', '\u2018': 'quoteleft', '\u2019': 'quoteright',
  '\u201c': 'quotedblleft', '\u201d': 'quotedblright', '\u2026': 'ellipsis', '\u00e9': 'eacute',
  '\u00fc': 'udieresis', '\u00f6': 'odieresis', '\u00e4': 'adieresis', '\u2022': 'bullet',
};

function readAfm(name) {
  const byName = new Map();
  const byCode = new Map();
  for (const line of readFileSync(join(dir, `${name}.afm`), 'latin1').split('\n')) {
    const m = /^C (-?\d+) ; WX (\d+) ; N (\S+) ;/.exec(line);
    if (!m) continue;
    byName.set(m[3], Number(m[2]));
    if (Number(m[1]) >= 0) byCode.set(Number(m[1]), Number(m[2]));
  }
  return { byName, byCode };
}

const out = {
  source: 'URW Nimbus Roman (Times) AFM advance widths, fonts-urw-base35; units: 1/1000 em',
  firstCode: 32,
};
for (const [face, file] of Object.entries(faces)) {
  const { byName, byCode } = readAfm(file);
  const ascii = [];
  for (let c = 32; c <= 126; c++) {
    const w = asciiName[c] !== undefined ? byName.get(asciiName[c]) : byCode.get(c);
    ascii.push(w ?? 500);
  }
  const more = {};
  for (const [ch, glyph] of Object.entries(extra)) more[ch] = byName.get(glyph) ?? 500;
  out[face] = { ascii, extra: more };
}
writeFileSync(new URL('../src/core/layout/metrics/times-roman.json', import.meta.url), JSON.stringify(out) + '\n');
console.log('wrote times-roman.json');
