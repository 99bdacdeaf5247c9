import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { formatReference, formatReferenceCsl, setCslEngineLoader, type ReferenceData } from '../../../src/core/bib/format';

// A host that loads citation-js its own way (the web extension host reads a chunk through workspace.fs).
describe('setCslEngineLoader', () => {
  after(() => setCslEngineLoader(() => import('../../../src/core/bib/cslEngine')));

  test("formats with the host's engine, loaded once on first use", async () => {
    let loads = 0;
    class FakeCite {
      constructor(private readonly items: { title?: string }[]) {}
      format(): string {
        return `FAKE: ${this.items[0]?.title ?? ''}`;
      }
    }
    setCslEngineLoader(async () => (loads++, { Cite: FakeCite }));
    assert.equal(await formatReferenceCsl({ key: 'a1', type: 'article', title: 'Loader One', authors: [], year: 2026 }), 'FAKE: Loader One');
    assert.equal(await formatReferenceCsl({ key: 'a2', type: 'article', title: 'Loader Two', authors: [], year: 2026 }), 'FAKE: Loader Two');
    assert.equal(loads, 1);
  });

  test('a loader that fails gives the plain reference, never a rejection', async () => {
    setCslEngineLoader(() => Promise.reject(new Error('no chunk')));
    const data: ReferenceData = { key: 'b1', type: 'book', title: 'Loader Three', authors: [], year: 2026 };
    assert.equal(await formatReferenceCsl(data), formatReference(data));
  });
});
