// The preview's HTML for every LaTeX fixture writeup, one file each (a tag a line), so two
// versions of the preview can be compared with `diff -r`:
//
//   node --import tsx scripts/preview-html.ts OUT_DIR
//
// Each writeup is analysed as the CLI does (its bibliography, course and page estimate); images
// resolve to `img:<path>`.
import { globSync } from 'glob';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliService } from '../src/cli/analysisHost';
import { loadBundledPacks } from '../src/core/courses/loader';
import { renderPreview } from '../src/core/preview/render';
import { citationResolver } from '../src/core/preview/resolve';

function run(): void {
  const root = process.cwd();
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: node --import tsx scripts/preview-html.ts OUT_DIR\n');
    process.exitCode = 2;
    return;
  }
  const service = cliService({ packs: loadBundledPacks(), cwd: root, warn: () => undefined });
  const files = globSync('{test/fixtures,example}/**/*.tex', { cwd: root, posix: true }).sort();
  for (const file of files) {
    const abs = path.join(root, file);
    const analysis = service.analyze({ text: readFileSync(abs, 'utf8'), file: abs, format: 'latex' });
    const { pages } = analysis;
    const html = renderPreview(analysis.writeup, {
      resolveCitation: citationResolver(analysis.bib, analysis.course, analysis.packs),
      resolveImage: (p) => `img:${p}`,
      ...(pages ? { pages } : {}),
    }).body;
    const dest = path.join(out, `${file}.html`);
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, `${html.replace(/></g, '>\n<')}\n`);
  }
  process.stdout.write(`${files.length} writeups\n`);
}

run();
