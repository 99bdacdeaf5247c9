// What a fresh clone needs to pass its own tests: no file of the project names a folder of the
// machine it was written on, or a folder beside the clone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { globSync } from 'glob';

/** Built from parts so that this file does not name them itself. */
const forbidden = ['/' + 'work/', '..' + '/shared'];

describe('repository hygiene', () => {
  test('no source, test, script or bench file names a machine path or a folder beside the clone', () => {
    const files = globSync('{src,test,scripts,bench}/**/*', { nodir: true, posix: true, ignore: ['**/node_modules/**'] });
    assert.ok(files.length > 100, `found ${files.length} files`);
    const offenders: string[] = [];
    for (const file of files.sort()) {
      if (/\.(png|jpe?g|pdf|woff2?|ttf|gz)$/i.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      for (const needle of forbidden) if (text.includes(needle)) offenders.push(`${file}: ${needle}`);
    }
    assert.deepEqual(offenders, []);
  });
});
