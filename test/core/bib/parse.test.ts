import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createBibIndex, BibStore } from '../../../src/core/bib/index';
import { texToUnicode } from '../../../src/core/readers/latex/runningText';
import { parseName } from '../../../src/core/bib/names';
import { parseBib } from '../../../src/core/bib/parse';

const one = (text: string) => {
  const bib = parseBib(text, 'refs.bib');
  const entry = bib.entries[0];
  assert.ok(entry, `no entry in ${text}\n${JSON.stringify(bib.problems)}`);
  return entry;
};

describe('parseBib', () => {
  test('a malformed .bib: the good entries around the broken one survive, the problem is at its line', () => {
    const bib = parseBib(readFileSync('test/fixtures/bib/malformed.bib', 'utf8'), 'malformed.bib');
    assert.deepEqual(
      bib.entries.map((e) => e.key),
      ['golowich2018size', 'bartlett2017spectrally', 'golowich2018size'],
    );
    const errors = bib.problems.filter((p) => p.severity === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.code, 'bib-syntax');
    assert.equal(errors[0]?.range.start.line, 10, 'the line of @article{broken2019');
    assert.match(errors[0]?.message ?? '', /broken2019/);
    const bartlett = createBibIndex([bib]).get('bartlett2017spectrally');
    assert.equal(bartlett?.year, 2017);
    assert.equal(bartlett?.range.start.line, 15);
    assert.deepEqual(bartlett?.keyRange, { start: { line: 15, character: 15 }, end: { line: 15, character: 37 } });
  });

  test('duplicate keys and missing fields are warnings on the key; the first entry wins', () => {
    const bib = parseBib(readFileSync('test/fixtures/bib/malformed.bib', 'utf8'), 'malformed.bib');
    const warnings = bib.problems.filter((p) => p.severity === 'warning').map((p) => [p.code, p.range.start.line]);
    assert.deepEqual(warnings, [
      ['bib-duplicate-key', 24],
      ['bib-missing-field', 24],
    ]);
    assert.match(bib.problems.find((p) => p.code === 'bib-missing-field')?.message ?? '', /no author, year/);
    assert.equal(createBibIndex([bib]).get('golowich2018size')?.title, 'Size-Independent Sample Complexity of Neural Networks');
  });

  test('@string macros, # concatenation and month macros', () => {
    const e = one('@string{nips = "Advances in Neural " # {Information}}\n@inproceedings{k, author={A B}, title={T}, year=2020, booktitle = nips # " Processing Systems", month = jan}');
    assert.equal(e.venue, 'Advances in Neural Information Processing Systems');
    assert.equal(e.fields.month, 'January');
  });

  test('an undefined @string is a warning and the name is kept', () => {
    const bib = parseBib('@article{k, author={A B}, title={T}, year=2020, journal = jmlr}', 'refs.bib');
    assert.equal(bib.entries[0]?.venue, 'jmlr');
    assert.deepEqual(bib.problems.map((p) => p.code), ['bib-undefined-string']);
  });

  test('braces, quotes with braces inside, nested braces, parentheses as delimiters', () => {
    assert.equal(one('@article{k, title = "A {"}quoted{"} {\\em word}", author={A B}, year=1}').title, 'A "quoted" word');
    assert.equal(one('@article{k, title = {{Nested {Braces}} stay}, author={A B}, year=1}').title, 'Nested Braces stay');
    assert.equal(one('@article(k, title = {Paren delimited}, author={A B}, year=1)').title, 'Paren delimited');
  });

  test('comments, @comment and @preamble are skipped; an @ in text between entries is not an entry', () => {
    const bib = parseBib(
      '% mail me@example.com\n@comment{ignored {nested} text}\n@preamble{"\\newcommand{\\x}{}"}\nWrite to a@b.org.\n@misc{k, title={T}, author={A B}, year=2000}\n',
      'refs.bib',
    );
    assert.deepEqual(bib.entries.map((e) => e.key), ['k']);
    assert.deepEqual(bib.problems, []);
  });

  test('a long line of text full of @ between entries is skipped, and the entries after it and after a % are right', () => {
    const junk = '[@a'.repeat(3000);
    const bib = parseBib(`${junk}\n@misc{k, title={T}, author={A B}, year=2000}\n% @misc{hidden, title={H}}\nx % y @misc{also, title={H}}\n@misc{m, title={M}, author={C D}, year=2001}\n`, 'refs.bib');
    assert.deepEqual(bib.entries.map((e) => [e.key, e.range.start.line]), [['k', 1], ['m', 4]]);
    assert.deepEqual(bib.problems, []);
    // A % far back on a long line still makes the rest of the line a comment; a long line without one does not.
    const long = parseBib(`% ${'x'.repeat(400)} @misc{hidden, title={H}}\n${'y '.repeat(300)}@misc{shown, title={S}, author={A B}, year=1}\n`, 'refs.bib');
    assert.deepEqual(long.entries.map((e) => [e.key, e.range.start.line, e.range.start.character]), [['shown', 1, 600]]);
  });

  test('an entry without its closing brace is kept and reported, the next one is read', () => {
    const bib = parseBib('@article{a, title={A}, author={X Y}, year=2001\n@article{b, title={B}, author={X Y}, year=2002}\n', 'refs.bib');
    assert.deepEqual(bib.entries.map((e) => e.key), ['a', 'b']);
    assert.deepEqual(bib.problems.map((p) => [p.code, p.range.start.line]), [['bib-unclosed-entry', 0]]);
  });

  test('never throws on junk', () => {
    for (const text of ['@', '@article', '@article{', '@article{k,', '@article{k, title', '@article{k, title=', '@article{k, title={', '}}}{{{', '@string{x', '"@misc{k}"']) {
      assert.doesNotThrow(() => parseBib(text, 'junk.bib'));
    }
    assert.equal(parseBib('@article{k, title={x}', 'junk.bib').problems[0]?.severity, 'error');
  });

  test('CRLF line endings give the same lines', () => {
    const bib = parseBib('@misc{a, title={A}, author={X Y}, year=1}\r\n\r\n@misc{b, title={B}, author={X Y}, year=2}\r\n', 'refs.bib');
    assert.equal(bib.entries[1]?.range.start.line, 2);
  });

  test("an entry's range and key range, in any order of asking, and the same in its JSON", () => {
    const bib = parseBib('% refs\n@misc{a, title={A}, author={X Y}, year=1}\n\n  @article{bee,\n  title={B}, author={X Y}, year=2002\n}\n', 'refs.bib');
    const [a, b] = bib.entries;
    assert.deepEqual(b?.keyRange, { start: { line: 3, character: 11 }, end: { line: 3, character: 14 } });
    assert.deepEqual(b?.range, { start: { line: 3, character: 2 }, end: { line: 5, character: 1 } });
    assert.deepEqual(a?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 41 } });
    assert.deepEqual(JSON.parse(JSON.stringify(b)), {
      key: 'bee',
      type: 'article',
      fields: { title: 'B', author: 'X Y', year: '2002' },
      title: 'B',
      authors: ['X Y'],
      year: 2002,
      file: 'refs.bib',
      range: { start: { line: 3, character: 2 }, end: { line: 5, character: 1 } },
      keyRange: { start: { line: 3, character: 11 }, end: { line: 3, character: 14 } },
    });
  });
});

describe('LaTeX in fields', () => {
  const cases: [string, string][] = [
    ['Erd{\\H{o}}s', 'Erdős'],
    ['M{\\"u}ller', 'Müller'],
    ['{\\"U}ber', 'Über'],
    ["Andr\\'e", 'André'],
    ['\\c{C}a\\u{g}lar', 'Çağlar'],
    ['{\\ss}', 'ß'],
    ['{\\o}ksendal', 'øksendal'],
    ['\\v{S}ediv\\\'y', 'Šedivý'],
    ['pages 1--10 --- and', 'pages 1–10 — and'],
    ['Deep \\& Wide', 'Deep & Wide'],
    ['\\emph{Very} \\textbf{bold}', 'Very bold'],
    ['$O(\\sqrt{n})$ bounds', '$O(\\sqrt{n})$ bounds'],
    ['{ReLU}  networks\n  again', 'ReLU networks again'],
  ];
  for (const [input, expected] of cases) test(`${input} -> ${expected}`, () => assert.equal(texToUnicode(input), expected));
});

describe('author lists', () => {
  test('"Last, First and ..." become "First Last"', () => {
    assert.deepEqual(one('@article{k, title={T}, year=1, author = {Bartlett, Peter L. and Foster, Dylan J. and Telgarsky, Matus}}').authors, [
      'Peter L. Bartlett',
      'Dylan J. Foster',
      'Matus Telgarsky',
    ]);
  });
  test('"First Last", particles, Jr., braces protecting "and", and others', () => {
    assert.deepEqual(one('@article{k, title={T}, year=1, author = {Simon S. Du and Ludwig van Beethoven and King, Jr., Martin and {Barnes and Noble} and others}}').authors, [
      'Simon S. Du',
      'Ludwig van Beethoven',
      'Martin King Jr.',
      'Barnes and Noble',
      'others',
    ]);
  });
  test('the author and editor fields read as the names a reader sees, with "and" between them', () => {
    const entry = one('@book{k, title={T}, year=1, author = {M{\\"u}ller, J{\\"o}rg and {Barnes and Noble}}, editor = {Du, Simon S.}}');
    assert.equal(entry.fields.author, 'Jörg Müller and Barnes and Noble');
    assert.equal(entry.fields.editor, 'Simon S. Du');
    assert.deepEqual(one('@book{k, title={T}, year=1, editor = {Du, Simon S. and Hu, Wei}}').authors, ['Simon S. Du', 'Wei Hu']);
  });
  test('accents in names are converted', () => {
    assert.equal(parseName('M{\\"u}ller, J{\\"o}rg').display, 'Jörg Müller');
    assert.equal(parseName('de la Cruz, Ana').family, 'de la Cruz');
  });
});

describe('BibStore', () => {
  test('re-parses a file only when its text changed, and indexes are rebuilt after a change', () => {
    const store = new BibStore();
    const a1 = store.update('/a.bib', '@misc{x, title={X}, author={A B}, year=1}');
    assert.equal(store.update('/a.bib', '@misc{x, title={X}, author={A B}, year=1}'), a1);
    store.update('/b.bib', '@misc{y, title={Y}, author={A B}, year=1}');
    const index = store.index(['/a.bib', '/b.bib']);
    assert.equal(store.index(['/a.bib', '/b.bib']), index);
    assert.deepEqual([...index.entries()].map((e) => e.key), ['x', 'y']);
    store.update('/a.bib', '@misc{z, title={Z}, author={A B}, year=1}');
    const again = store.index(['/a.bib', '/b.bib']);
    assert.notEqual(again, index);
    assert.ok(again.has('z') && !again.has('x'));
  });
});
