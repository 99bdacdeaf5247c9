import type { BibIndex } from '../bib/types';
import { findDeliverable, pageLimitFor, type AppliedPageLimit } from '../courses/loader';
import { resolveCourse, type ResolvedCourse } from '../courses/resolve';
import type { CoursePack, Deliverable } from '../courses/types';
import { estimatePages } from '../layout/estimate';
import type { PageEstimate } from '../layout/types';
import { lint, type Diagnostic } from '../lint/engine';
import { teamSize } from '../model/query';
import type { Writeup } from '../model/writeup';
import type { AnalysisSettings, ExactPages, WriteupHost, WriteupServiceOptions } from './host';

/** What the counted pages were measured from. */
export type PagesSource = 'estimate' | 'exact';

/**
 * One writeup analysed: its model, course, deliverable, team size, page limit, bibliography,
 * pages and diagnostics. Each part is computed on first use and kept, so the status bar pays for
 * the estimate only and the editor's lint reuses the estimate the status bar made.
 */
export class WriteupAnalysis {
  private cache = new Map<string, unknown>();

  constructor(
    /** The model, as the readers made it. */
    readonly writeup: Writeup,
    private readonly host: WriteupHost,
    private readonly options: WriteupServiceOptions,
    private readonly given: { readonly bib?: BibIndex | undefined },
  ) {}

  private once<T>(key: string, make: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = make();
    this.cache.set(key, value);
    return value;
  }

  /** The settings that apply to this writeup. */
  get settings(): AnalysisSettings {
    return this.once('settings', () => this.host.settings?.(this.writeup.file) ?? {});
  }

  /** Every known pack. */
  get packs(): readonly CoursePack[] {
    return this.once('packs', () => this.host.packs());
  }

  /** The course as resolved from front matter, setting and file name (with its problems). */
  get resolved(): ResolvedCourse {
    return this.once('resolved', () => resolveCourse(this.writeup, { setting: this.settings.course, packs: this.packs }));
  }

  get course(): CoursePack | undefined {
    return this.resolved.course;
  }

  /** The deliverable kind: front matter, then the `kind` setting, then the file name. */
  get kind(): string | undefined {
    return this.writeup.metadata.kind?.trim() || this.settings.kind || this.resolved.kind;
  }

  get deliverable(): Deliverable | undefined {
    return this.once('deliverable', () => {
      const course = this.course;
      return course ? (findDeliverable(course, this.kind) ?? this.resolved.deliverable) : undefined;
    });
  }

  /** Authors with a name (see {@link teamSize}). */
  get teamSize(): number {
    return teamSize(this.writeup);
  }

  /** The deliverable's page limit for this team size, if it has one. */
  get pageLimit(): AppliedPageLimit | undefined {
    return this.once('pageLimit', () => pageLimitFor(this.deliverable, this.teamSize));
  }

  /** The bibliography: the one the front end passed, else the host's. */
  get bib(): BibIndex | undefined {
    return this.once('bib', () => this.given.bib ?? this.host.bibliography?.(this.writeup));
  }

  /** The page estimate with the host's image sizes and the bibliography's entries; undefined when the estimator failed. */
  get pages(): PageEstimate | undefined {
    return this.once('pages', () => {
      try {
        const imageSize = this.host.imageSize?.(this.writeup.file);
        const bibliography = this.bib;
        return estimatePages(this.writeup, { ...(imageSize ? { imageSize } : {}), ...(bibliography ? { bibliography } : {}) });
      } catch {
        return undefined;
      }
    });
  }

  /** A fresh exact page count, when the front end has one. */
  get exactPages(): ExactPages | undefined {
    return this.once('exact', () => this.options.exactPages?.(this.writeup));
  }

  /**
   * The pages held against the limit: content pages, or total pages when the course counts
   * references; from the exact count when one is fresh, else from the estimate.
   */
  get countedPages(): { readonly pages: number; readonly source: PagesSource } | undefined {
    const counts = this.referencesCount;
    const exact = this.exactPages;
    if (exact) return { pages: counts ? exact.totalPages : exact.contentPages, source: 'exact' };
    const pages = this.pages;
    return pages ? { pages: counts ? pages.totalPages : pages.contentPages, source: 'estimate' } : undefined;
  }

  private get referencesCount(): boolean {
    return this.pageLimit?.referencesCount ?? false;
  }

  /** Every problem, as the lint engine reports them (sorted by position). */
  get diagnostics(): readonly Diagnostic[] {
    return this.once('diagnostics', () => {
      const { course, deliverable, bib, pages, exactPages } = this;
      return lint(
        {
          writeup: this.writeup,
          courses: this.packs,
          ...(course ? { course } : {}),
          ...(deliverable ? { deliverable } : {}),
          ...(bib ? { bib } : {}),
          ...(pages ? { pages } : {}),
          ...(exactPages ? { exactPages } : {}),
        },
        this.settings.lint ?? {},
      );
    });
  }
}
