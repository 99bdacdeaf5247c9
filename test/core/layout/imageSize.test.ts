import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { naturalSizeOfBytes, imageSizeReader } from '../../../src/core/layout/imageSize';

const png = new Uint8Array(readFileSync(path.join(__dirname, '../../../example/figures/rank-bound.png')));

describe('naturalSizeOfBytes', () => {
  test('reads a PNG header from bytes (no file system)', () => {
    const size = naturalSizeOfBytes(png);
    assert.ok(size && size.width > 0 && size.height > 0);
  });
  test('reads an SVG from its text', () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"></svg>');
    assert.deepEqual(naturalSizeOfBytes(svg), { width: 300, height: 120 });
  });
  test('answers undefined for bytes that are no image', () => {
    assert.equal(naturalSizeOfBytes(new TextEncoder().encode('not an image')), undefined);
    assert.equal(naturalSizeOfBytes(new Uint8Array()), undefined);
  });
});

describe('imageSizeReader', () => {
  test('resolves figures against the writeup folder and asks the host for the bytes', () => {
    const asked: string[] = [];
    const read = imageSizeReader('/home/student/ws/report.md', (p) => (asked.push(p), p === '/home/student/ws/figures/a.png' ? png : undefined));
    assert.deepEqual(read('figures/a.png'), naturalSizeOfBytes(png));
    assert.equal(read('figures/missing.png'), undefined);
    assert.deepEqual(asked, ['/home/student/ws/figures/a.png', '/home/student/ws/figures/missing.png']);
  });
  test('reads a file once, but asks again for one the host has not read yet', () => {
    let calls = 0;
    let ready = false;
    const read = imageSizeReader('/w/report.md', () => (calls++, ready ? png : undefined));
    assert.equal(read('a.png'), undefined);
    ready = true;
    assert.ok(read('a.png'));
    assert.ok(read('a.png'));
    assert.equal(calls, 2);
  });
  test('refuses figures outside the roots without reading them', () => {
    const read = imageSizeReader('/w/report.md', () => {
      throw new Error('must not read');
    });
    assert.equal(read('../secret.png'), undefined);
  });
});
