import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = join(__dirname, '../..');
const files: Record<string, string> = {
  'text.html.markdown': join(root, 'test/fixtures/syntaxes/markdown-host.tmLanguage.json'),
  'text.html.markdown.writeup': join(root, 'syntaxes/citations.markdown.tmLanguage.json'),
  'source.bibtex': join(root, 'syntaxes/bibtex.tmLanguage.json'),
};

let registry: textmate.Registry;

before(async () => {
  const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const file = files[scopeName];
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['text.html.markdown.writeup'] : undefined),
  });
});

/** Each token as [text, innermost scope], line by line. */
async function tokenize(scope: string, text: string): Promise<[string, string][][]> {
  const grammar = await registry.loadGrammar(scope);
  assert.ok(grammar, `grammar ${scope} loads`);
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t): [string, string] => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1] ?? '']);
  });
}

/** The innermost scope of the token whose text is `text` (first match). */
function scopeOf(lines: [string, string][][], text: string): string | undefined {
  return lines.flat().find(([t]) => t === text)?.[1];
}

describe('citations injection grammar (Markdown)', () => {
  test('highlights [@key], @key, [-@key] and keys in a group', async () => {
    const lines = await tokenize('text.html.markdown', 'As [@bartlett2017spectrally; -@golowich2018size, p. 3] and @arora2019exact show.');
    assert.equal(scopeOf(lines, 'bartlett2017spectrally'), 'variable.other.citation-key.pandoc.markdown');
    assert.equal(scopeOf(lines, 'golowich2018size'), 'variable.other.citation-key.pandoc.markdown');
    assert.equal(scopeOf(lines, 'arora2019exact'), 'variable.other.citation-key.pandoc.markdown');
    assert.equal(scopeOf(lines, '-'), 'punctuation.definition.citation.suppress-author.markdown');
    assert.equal(scopeOf(lines, '['), 'punctuation.definition.citation.begin.markdown');
    assert.equal(scopeOf(lines, ';'), 'punctuation.separator.citation.markdown');
  });

  test('keys end before trailing punctuation; e-mail addresses and code are not citations', async () => {
    const lines = await tokenize('text.html.markdown', 'See @yang2019tensor. Mail ta@mit.edu or run `@decorator`.');
    assert.equal(scopeOf(lines, 'yang2019tensor'), 'variable.other.citation-key.pandoc.markdown');
    assert.equal(scopeOf(lines, 'mit.edu'), undefined);
    assert.ok(!lines.flat().some(([t, s]) => t.includes('mit') && s.includes('citation')));
    assert.equal(scopeOf(lines, '`@decorator`'), 'markup.inline.raw.string.markdown');
  });

  test('nothing inside a fenced code block is a citation', async () => {
    const lines = await tokenize('text.html.markdown', '```\n@key\n```');
    assert.ok(!lines.flat().some(([, s]) => s.includes('citation')));
  });

  test('the writeup front matter keys get their own scope', async () => {
    const lines = await tokenize('text.html.markdown', '---\ntitle: T\ncourse: mit-18.408\nkind: proposal\nbibliography: references.bib\n---\n\nText @key.');
    for (const key of ['course', 'kind', 'bibliography']) {
      assert.equal(scopeOf(lines, key), 'keyword.other.writeup.frontmatter', key);
    }
    assert.equal(lines[1]?.[0]?.[1], 'entity.name.tag.yaml', 'other keys stay YAML');
    assert.equal(scopeOf(lines, 'key'), 'variable.other.citation-key.pandoc.markdown');
  });

  test('prose lines that look like keys are left alone', async () => {
    const lines = await tokenize('text.html.markdown', 'kind: a note on margins.\ncourse: mit-18.408');
    assert.ok(!lines[0]?.some(([, s]) => s.includes('writeup.frontmatter')));
    assert.equal(scopeOf(lines, 'course'), 'keyword.other.writeup.frontmatter');
  });
});

describe('BibTeX grammar', () => {
  const sample = [
    '% my references',
    '@string{ jmlr = "Journal of Machine Learning Research" }',
    '@Article{golowich2018size,',
    '  title = {Size-Independent Sample {C}omplexity of \\emph{Neural} Networks},',
    '  journal = jmlr,',
    '  year = 2018,',
    '  author = "Golowich, Noah and Rakhlin, Alexander"',
    '}',
  ].join('\n');

  test('scopes entry types, keys, fields, braces, strings, numbers and comments', async () => {
    const lines = await tokenize('source.bibtex', sample);
    assert.equal(lines[0]?.[0]?.[1], 'comment.line.percentage.bibtex');
    assert.equal(scopeOf(lines, 'string'), 'keyword.other.string-constant.bibtex');
    assert.equal(scopeOf(lines, 'Article'), 'keyword.other.entry-type.bibtex');
    assert.equal(scopeOf(lines, 'golowich2018size'), 'entity.name.type.entry-key.bibtex');
    assert.equal(scopeOf(lines, 'title'), 'support.function.key.bibtex');
    assert.equal(scopeOf(lines, 'Size-Independent Sample '), 'string.quoted.other.braces.bibtex');
    assert.equal(scopeOf(lines, 'C'), 'meta.group.braces.bibtex');
    assert.equal(scopeOf(lines, '\\emph'), 'constant.character.escape.latex.bibtex');
    assert.equal(scopeOf(lines, 'jmlr'), 'variable.other.constant.string-macro.bibtex');
    assert.equal(scopeOf(lines, '2018'), 'constant.numeric.bibtex');
    assert.equal(scopeOf(lines, 'Golowich, Noah and Rakhlin, Alexander'), 'string.quoted.double.bibtex');
    assert.equal(lines[7]?.[0]?.[1], 'punctuation.section.entry.end.bibtex');
  });

  test('nested braces do not close the entry early', async () => {
    const lines = await tokenize('source.bibtex', '@misc{k, title = {a {b {c}} d}, note = {x}}\n@book{next,}');
    assert.equal(scopeOf(lines, 'note'), 'support.function.key.bibtex');
    assert.equal(scopeOf(lines, 'next'), 'entity.name.type.entry-key.bibtex');
  });

  test('the language configuration is valid JSON with comment and bracket settings', () => {
    const config = JSON.parse(readFileSync(join(root, 'syntaxes/bibtex.language-configuration.json'), 'utf8')) as {
      comments: { lineComment: string };
      brackets: string[][];
      wordPattern: string;
    };
    assert.equal(config.comments.lineComment, '%');
    assert.deepEqual(config.brackets[0], ['{', '}']);
    assert.ok(new RegExp(config.wordPattern).test('golowich2018size'));
  });
});
