// Writes docs/rules/<id>.md for every lint rule from the rule files (their docs and examples).
// Usage: npm run docs:rules
import { mkdirSync, writeFileSync } from 'node:fs';
import { allRuleDocs } from '../src/core/lint/docs';
import { rules } from '../src/core/lint/rules/index';

mkdirSync('docs/rules', { recursive: true });
for (const [name, text] of allRuleDocs(rules)) writeFileSync(`docs/rules/${name}`, text);
console.log(`docs/rules: ${allRuleDocs(rules).size} pages`);
