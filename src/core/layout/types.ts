import type { BibIndex } from '../bib/types';

/** Where an estimated page ends. */
export interface PageBreak {
  /** 1-based page number that ends here. */
  readonly page: number;
  /** 0-based source line of the first line of the next page. */
  readonly line: number;
}

/** Pages used by each kind of content (they add up to `totalPages`). */
export interface PageBreakdown {
  readonly title: number;
  readonly text: number;
  readonly math: number;
  readonly figures: number;
  readonly tables: number;
  readonly lists: number;
  readonly other: number;
  readonly references: number;
}

/** The estimate for one writeup, in fractions of a page. */
export interface PageEstimate {
  /** Pages up to the references or appendix. */
  readonly contentPages: number;
  /** All pages including references and appendix. */
  readonly totalPages: number;
  readonly pageBreaks: readonly PageBreak[];
  readonly breakdown: PageBreakdown;
  /** Where a forced page break falls near a page end: the content pages it may as well come to (low, high). */
  readonly contentRange?: readonly [number, number];
  /** What the estimate could not size (a missing image, an unknown template...), for the user. */
  readonly notes?: readonly string[];
  /** Page style used, e.g. `neurips`. */
  readonly style: string;
}

/** The bibliography entries the estimate reads (a {@link BibIndex} or anything with its lookups). */
export type EstimateBibliography = Pick<BibIndex, 'get' | 'entries' | 'size'>;

/** Pixel size of an image file. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** Options of `estimatePages`. */
export interface EstimateOptions {
  /** Page style; only `neurips` (the default) exists. */
  readonly style?: 'neurips';
  /**
   * Size of an image as written in the writeup (relative to the writeup's folder), or undefined
   * when unknown. The host reads the file (e.g. with image-size); the core does no I/O.
   */
  readonly imageSize?: (path: string) => ImageSize | undefined;
  /**
   * The writeup's bibliography (its .bib entries, as the host parsed them): the reference list is
   * set from the cited entries. Without it each cited key takes an average length.
   */
  readonly bibliography?: EstimateBibliography;
}
