// Writes what is generated from the rule files and course packs: the rule and pack registries,
// package.json's rule and course contributions, package.nls.json defaults (see scripts/manifest.ts).
// Usage: npm run gen:manifest (then npm run docs:rules for docs/rules).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generatedSources } from './manifest';

const text = (file: string) => readFileSync(file, 'utf8');
for (const [file, source] of Object.entries(generatedSources(text, (dir) => readdirSync(dir)))) writeFileSync(file, source);

// package.json is computed from the registries just written: load them now.
async function contributions(): Promise<void> {
  const { withGeneratedContributions } = await import('./manifest');
  const read = (file: string) => JSON.parse(text(file)) as Record<string, unknown>;
  const { pkg, nls } = withGeneratedContributions(read('package.json'), read('package.nls.json'));
  writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync('package.nls.json', `${JSON.stringify(nls, null, 2)}\n`);
  console.log('generated: rule and pack registries, package.json contributions');
}
void contributions();
