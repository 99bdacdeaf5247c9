// Writes the generated contributions into package.json and package.nls.json (see scripts/manifest.ts).
// Usage: npm run gen:manifest
import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedContributions } from './manifest';

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const { pkg, nls } = withGeneratedContributions(read('package.json'), read('package.nls.json'));
writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync('package.nls.json', `${JSON.stringify(nls, null, 2)}\n`);
console.log('package.json: writeup.lint.rules and writeup.course generated from the rules and packs');
