import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseWidth, NEURIPS } from '../../../src/core/layout';
import { boxLength } from '../../../src/core/layout/figures';
import { parseLength } from '../../../src/core/layout/length';
import { wrappedLines } from '../../../src/core/readers/latex/tables';
import { texLength, type LengthFrame } from '../../../src/core/text/texLength';

/** 10pt Times, as the NeurIPS body sets it. */
const TIMES: LengthFrame = { em: 10, ex: 4.5 };

describe('texLength', () => {
  // What pdflatex prints for `\setlength\x{1<unit>}\message{\the\x}` (pdfTeX 1.40.24, TeX Live
  // 2022, `\usepackage{times}`); TeX rounds to its scaled point, hence the 1e-4 tolerance.
  const pdflatex: Array<[string, number]> = [
    ['1pt', 1],
    ['1bp', 1.00374],
    ['1px', 1.00375],
    ['1mm', 2.84526],
    ['1cm', 28.45274],
    ['1in', 72.26999],
    ['1pc', 12],
    ['1dd', 1.07],
    ['1cc', 12.8401],
    ['65536sp', 1],
    ['1em', 10],
    ['1ex', 4.49998],
  ];
  for (const [spec, pt] of pdflatex) {
    test(`${spec} is ${pt}pt as pdflatex prints it`, () => {
      const got = texLength(spec, TIMES);
      assert.ok(got !== undefined && Math.abs(got - pt) < 1e-4, String(got));
    });
  }

  test('em and ex are the font the caller names', () => {
    assert.equal(texLength('2em', { em: 9, ex: 4 }), 18);
    assert.equal(texLength('2ex', { em: 9, ex: 4 }), 8);
  });

  test('px is pdfTeX\'s 1bp unless the caller reads it otherwise (pandoc: 96 dpi)', () => {
    assert.equal(texLength('96px', TIMES), 96 * (72.27 / 72));
    assert.equal(texLength('96px', { ...TIMES, px: 72.27 / 96 }), 72.27);
  });

  test('relative widths are the line the length stands in', () => {
    const frame: LengthFrame = { ...TIMES, line: 200 };
    assert.equal(texLength('0.5\\linewidth', frame), 100);
    assert.equal(texLength('.25\\textwidth', frame), 50);
    assert.equal(texLength('\\columnwidth', frame), 200);
    assert.equal(texLength('0.5 \\hsize', frame), 100);
    assert.equal(texLength('\\linewidth', TIMES), undefined);
  });

  test('registers the caller knows, and LaTeX\'s \\p@ and \\z@', () => {
    assert.equal(texLength('0.5\\baselineskip', { ...TIMES, registers: { baselineskip: 11 } }), 5.5);
    assert.equal(texLength('5.5\\p@', TIMES), 5.5);
    assert.equal(texLength('\\z@', TIMES), 0);
    assert.equal(texLength('\\fill', TIMES), undefined);
  });

  test('signs, spaces, a decimal comma, true units, upper case and glue as TeX reads them', () => {
    assert.equal(texLength('-2pt', TIMES), -2);
    assert.equal(texLength('- -2pt', TIMES), 2);
    assert.equal(texLength(' 3 pt ', TIMES), 3);
    assert.equal(texLength('1,5pt', TIMES), 1.5);
    assert.equal(texLength('.5pt', TIMES), 0.5);
    assert.equal(texLength('2truept', TIMES), 2);
    assert.equal(texLength('2PT', TIMES), 2);
    assert.equal(texLength('2ex plus 1pt minus 1pt', TIMES), 9);
    assert.equal(texLength('2explus1ptminus1pt', TIMES), 9);
  });

  test('what is not a length is undefined', () => {
    for (const spec of ['', 'pt', 'a lot', '3', '3 furlongs', '1e400pt', '\\dimexpr 1pt+2pt\\relax', '3ptt']) {
      assert.equal(texLength(spec, TIMES), undefined, spec);
    }
  });
});

describe('one length reading for the reader and the page model', () => {
  test('an image, a \\vspace, a table column and a Markdown width read 3cm alike', () => {
    const cm3 = 3 * (72.27 / 2.54);
    assert.equal(boxLength('3cm', 100, { width: NEURIPS.textWidth, height: NEURIPS.textHeight }), cm3);
    assert.equal(parseLength('3cm'), cm3);
    assert.ok(Math.abs(parseWidth('3cm', undefined) - cm3) < 1e-9);
    // A p{3cm} column of 60 characters wraps where 3cm holds them (about 4.6pt a character): 4 lines.
    assert.equal(wrappedLines('p{3cm}', 'x'.repeat(60)), Math.ceil((60 * 4.6) / (cm3 - 4)));
  });

  test('a box\'s relative width is the box\'s line; \\textheight and the paper are the page\'s', () => {
    const page = { width: NEURIPS.textWidth, height: NEURIPS.textHeight };
    assert.equal(boxLength('0.5\\linewidth', 150, page), 75);
    assert.equal(boxLength('0.3\\textheight', 150, page), 0.3 * NEURIPS.textHeight);
    assert.equal(boxLength('0.5\\paperwidth', 150, page), 0.5 * 8.5 * 72.27);
    assert.equal(boxLength('1px', 150, page), 72.27 / 72);
  });

  test('a table column\'s relative width is the NeurIPS text width', () => {
    const narrow = wrappedLines('p{0.1\\linewidth}', 'x'.repeat(60));
    const wide = wrappedLines('p{0.5\\textwidth}', 'x'.repeat(40));
    assert.equal(narrow, Math.ceil((60 * 4.6) / (0.1 * NEURIPS.textWidth - 4)));
    assert.equal(wide, 1);
  });

  test('Markdown widths as pandoc writes them: px and bare numbers at 96 dpi, percentages of the line', () => {
    assert.ok(Math.abs(parseWidth('300px', undefined) - 3.125 * 72.27) < 1e-9);
    assert.ok(Math.abs(parseWidth('300', undefined) - 3.125 * 72.27) < 1e-9);
    assert.ok(Math.abs(parseWidth('2inch', undefined) - 2 * 72.27) < 1e-9);
    assert.ok(Math.abs(parseWidth('25%', undefined) - NEURIPS.textWidth / 4) < 1e-9);
    assert.equal(parseWidth('wide', undefined), NEURIPS.textWidth);
  });
});
