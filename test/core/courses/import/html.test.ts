import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { htmlToLines } from '../../../../src/core/courses/import/html';

describe('htmlToLines', () => {
  test('keeps the title, headings, list items and links; drops scripts, styles and navigation', () => {
    const lines = htmlToLines(readFileSync('test/fixtures/courses/import/seminar.html', 'utf8'));
    assert.match(lines, /^# CS 7999: Topics in Learning Theory$/m);
    assert.match(lines, /^# CS 7999: Topics in Learning Theory — Fall 2023$/m);
    assert.match(lines, /^- \[Understanding deep learning requires rethinking generalization\]\(https:\/\/arxiv\.org\/abs\/1611\.03530\)$/m);
    assert.match(lines, /is due \*\*Sep\. 29, 2023\*\*\./);
    assert.doesNotMatch(lines, /not a paper|font-family|Home/);
  });
  test('tables become rows of cells, a header row is marked as in Markdown', () => {
    const html = '<table><tr><th>Title</th><th>Year</th></tr>\n<tr><td><a href="https://x.org/a">A <i>paper</i></a></td><td>2020</td></tr></table>';
    assert.equal(htmlToLines(html), '| Title | Year |\n|---|---|\n| [A paper](https://x.org/a) | 2020 |');
  });
  test('entities are decoded, pre keeps its line breaks, broken HTML does not throw', () => {
    assert.equal(htmlToLines('<p>Caf&eacute; &amp; &ldquo;quotes&rdquo;&nbsp;here</p>'), 'Café & “quotes” here');
    assert.equal(htmlToLines('<pre>@misc{a,\n  title = {T}\n}</pre>'), '@misc{a,\ntitle = {T}\n}');
    assert.equal(htmlToLines('<ul><li>one<li>two</ul><p>unclosed <b>bold'), '- one\n- two\nunclosed **bold**');
  });
});
