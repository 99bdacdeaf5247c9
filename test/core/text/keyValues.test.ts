import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keyValues } from '../../../src/core/text/keyValues';

describe('keyValues: LaTeX key=value options as keyval reads them', () => {
  test('splits at the commas outside braces and removes one pair of braces around a value', () => {
    assert.deepEqual(keyValues('nosep, label={(\\alph*), x}, leftmargin=*'), [
      ['nosep', undefined],
      ['label', '(\\alph*), x'],
      ['leftmargin', '*'],
    ]);
  });

  test('trims keys and values, drops empty keys, keeps repeats in order', () => {
    assert.deepEqual(keyValues(' width = 0.5\\linewidth ,, keepaspectratio, width=3cm,'), [
      ['width', '0.5\\linewidth'],
      ['keepaspectratio', undefined],
      ['width', '3cm'],
    ]);
  });

  test('an unbalanced brace does not swallow the options after it forever, nor throw', () => {
    assert.deepEqual(keyValues('a=}, b=1'), [['a', '}'], ['b', '1']]);
    assert.deepEqual(keyValues('a={x, b=1'), [['a', '{x, b=1']]);
  });
});
