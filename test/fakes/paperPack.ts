/** A small course pack with complete paper metadata (test/fixtures/courses/papers-pack.json). */
import paperPackJson from '../fixtures/courses/papers-pack.json';
import type { CoursePack } from '../../src/core/courses/types';

/** The fixture pack: five real papers with full names, venues, types, arXiv ids, aliases, former keys. */
export const paperPack = paperPackJson as unknown as CoursePack;
