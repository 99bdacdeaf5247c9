import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageStatusText } from '../../../src/core/layout';

describe('pageStatusText', () => {
  test('shows the pages against the limit', () => {
    assert.deepEqual(pageStatusText(4.34, 5), { text: '$(file) 4.3 / 5 pages', level: 'ok' });
  });
  test('warns within 0.1 page of the limit', () => {
    assert.equal(pageStatusText(4.92, 5).level, 'near');
    assert.equal(pageStatusText(5, 5).level, 'near');
    assert.equal(pageStatusText(4.85, 5).level, 'ok');
  });
  test('errs over the limit', () => {
    assert.deepEqual(pageStatusText(5.04, 5), { text: '$(file) 5.0 / 5 pages', level: 'over' });
  });
  test('without a limit shows the pages alone', () => {
    assert.deepEqual(pageStatusText(1.26, undefined), { text: '$(file) 1.3 pages', level: 'ok' });
  });
});
