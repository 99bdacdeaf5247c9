/** The analysis pipeline over an in-memory host: what the editor and the CLI run, without I/O. */
import { createWriteupService, type AnalysisSettings, type WriteupService, type WriteupServiceOptions } from '../../src/core/analysis/index';
import type { BibIndex } from '../../src/core/bib/types';
import type { CoursePack } from '../../src/core/courses/types';
import type { ImageSize } from '../../src/core/layout/types';
import { testPacks } from './courses';

/** What a fake host holds: files by absolute path, image sizes by the path written in the writeup, settings, a bibliography. */
export interface FakeHost {
  readonly files?: Readonly<Record<string, string>>;
  readonly images?: Readonly<Record<string, ImageSize>>;
  readonly settings?: AnalysisSettings;
  readonly packs?: readonly CoursePack[];
  readonly bib?: BibIndex;
}

/** The service over an in-memory host (bundled packs unless others are given). */
export function fakeService(host: FakeHost = {}, options: WriteupServiceOptions = {}): WriteupService {
  const files = host.files ?? {};
  return createWriteupService(
    {
      files: { readFile: (p) => files[p], exists: (p) => p in files },
      packs: () => host.packs ?? testPacks(),
      settings: () => host.settings ?? {},
      ...(host.images ? { imageSize: () => (p: string) => host.images?.[p] } : {}),
      ...(host.bib ? { bibliography: () => host.bib } : {}),
    },
    options,
  );
}
