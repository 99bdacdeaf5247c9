/** The bundled course packs for tests. */
import type { CoursePack } from '../../src/core/courses/types';
import mit18408 from '../../src/core/courses/packs/mit-18.408.json';
import mit9520 from '../../src/core/courses/packs/mit-9.520-fall2024.json';

/** Bundled packs (read from their JSON files). */
export function testPacks(): readonly CoursePack[] {
  return [mit18408 as unknown as CoursePack, mit9520 as unknown as CoursePack];
}

/** A pack by id, or throws (a test's own mistake). */
export function pack(id: string): CoursePack {
  const found = testPacks().find((p) => p.id === id);
  if (!found) throw new Error(`no test pack ${id}`);
  return found;
}
