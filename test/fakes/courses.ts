/** The bundled course packs for tests. */
import { loadBundledPacks } from '../../src/core/courses/loader';
import type { CoursePack } from '../../src/core/courses/types';

/** Bundled packs, as the extension and the CLI load them. */
export function testPacks(): readonly CoursePack[] {
  return loadBundledPacks();
}

/** A pack by id, or throws (a test's own mistake). */
export function pack(id: string): CoursePack {
  const found = testPacks().find((p) => p.id === id);
  if (!found) throw new Error(`no test pack ${id}`);
  return found;
}
