import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskHost } from '../src/cli/fileHost';
import { diskImageSize } from '../src/cli/imageSize';
import { readWriteup } from '../src/core/readers';
const m = JSON.parse(readFileSync('/work/shared/real-reports/manifest.json', 'utf8'));
for (const r of m) {
  if (process.argv[2] && !r.repo.includes(process.argv[2])) continue;
  const root = join(tmpdir(), 'writeup-real-reports', `${r.repo.replace('/', '+')}-${r.commit.slice(0, 10)}`);
  const file = join(root, r.main_tex);
  const w = readWriteup(readFileSync(file, 'utf8'), { file, host: diskHost });
  const sz = diskImageSize(file, [root]);
  console.log('##', r.repo, 'figs', r.figures_total, 'tables', r.tables_total);
  for (const b of w.blocks) if (b.type === 'figure') console.log('  fig', JSON.stringify(b.path), b.width, JSON.stringify(sz(b.path)), (b.caption??'').slice(0,30));
}
