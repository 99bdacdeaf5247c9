// The one reading of TeX running text outside the reader's pass: the preview renders its pieces
// as HTML and the bibliography as Unicode, so both read accents, citations and math alike.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { latexInlineHtml } from '../../../src/core/preview/render';
import { readRunningText, texToUnicode } from '../../../src/core/readers/latex/runningText';

describe('readRunningText', () => {
  test('emphasis, code, links, citations, references and math come out as structure', () => {
    assert.deepEqual(readRunningText('See \\emph{this} and \\texttt{x} at \\href{https://a.b}{here}, \\citep[p.~3]{a, b} in Fig.~\\ref{fig:1} where $x^2$.'), [
      { kind: 'text', text: 'See ' },
      { kind: 'styled', command: 'emph', children: [{ kind: 'text', text: 'this' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'styled', command: 'texttt', children: [{ kind: 'text', text: 'x' }] },
      { kind: 'text', text: ' at ' },
      { kind: 'link', url: 'https://a.b', children: [{ kind: 'text', text: 'here' }] },
      { kind: 'text', text: ', ' },
      { kind: 'cite', command: 'citep', keys: ['a', 'b'], options: ['p.~3'] },
      { kind: 'text', text: ' in Fig.' },
      { kind: 'nbsp' },
      { kind: 'ref', command: 'ref', label: 'fig:1' },
      { kind: 'text', text: ' where ' },
      { kind: 'math', tex: 'x^2', display: false, delimiter: '$' },
      { kind: 'text', text: '.' },
    ]);
  });

  test('accents, special letters, dashes and quotes are Unicode text; a comment is dropped in running text only', () => {
    assert.deepEqual(readRunningText("Erd\\H{o}s and Gr\\o nbech -- ``ok'' % gone\n"), [{ kind: 'text', text: 'Erdős and Grønbech – “ok” ' }]);
    assert.deepEqual(readRunningText('50% off', { comments: false }), [{ kind: 'text', text: '50% off' }]);
  });

  test('an unclosed group or math is text, never lost', () => {
    assert.deepEqual(readRunningText('a $b and \\emph{c'), [{ kind: 'text', text: 'a $b and ' }, { kind: 'command', command: 'emph', argument: true }, { kind: 'text', text: 'c' }]);
  });
});

describe('the preview and the bibliography read TeX text alike', () => {
  test('accents and special letters print as letters in both', () => {
    const source = "Poincar\\'e, Gr\\o nbech and \\v{C}ech";
    assert.equal(texToUnicode(source), 'Poincaré, Grønbech and Čech');
    assert.equal(latexInlineHtml(readRunningText(source), undefined, {}), 'Poincaré, Grønbech and Čech');
  });

  test('the bibliography keeps math as written and an unknown command by name; the preview renders the one and drops the other', () => {
    assert.equal(texToUnicode('A \\foo{bar} of $\\alpha$'), 'A \\foobar of $\\alpha$');
    const html = latexInlineHtml(readRunningText('A \\foo{bar} of $\\alpha$'), undefined, {});
    assert.ok(html.startsWith('A bar of <span'), html);
    assert.match(html, /katex/);
  });
});
