import type { FileHost } from '../../host';
import type { FigurePart, PageSetup } from '../../model/writeup';
import { resolvePath } from '../../text/paths';

/*
 * What the LaTeX reader keeps for the page estimate about figures and the page: every image of a
 * figure float in the box it stands in (subfigure, minipage) with its options, row breaks and
 * subcaptions; `\graphicspath`; and the page setup of the preamble (class options, the template
 * package and a local copy of it, geometry, lengths).
 */

interface MutablePart {
  path: string;
  captionBefore?: string;
  options?: string;
  box?: number;
  boxWidth?: string;
  caption?: string;
  resize?: NonNullable<FigurePart['resize']>;
  newRow?: boolean;
}

/** The images of one figure float as the reader meets them. */
export class FigureParts {
  private readonly parts: MutablePart[] = [];
  private readonly boxes: { width?: string; caption?: string }[] = [];
  /** Boxes open now (innermost last). */
  private readonly open: number[] = [];
  private pendingRow = false;
  private pendingResize: FigurePart['resize'] | undefined;
  /** `\subfigure[caption]{...}`: the next image is a box of its own with this caption. */
  private pendingCommandBox: { caption?: string } | undefined;

  get count(): number {
    return this.parts.length;
  }

  /** A `\caption` of the figure's own after some of its images: set there, if more images follow. */
  private pendingCaption: string | undefined;

  /** The figure's own `\caption` (not a box's): when images come after it, it stands between their rows. */
  figureCaption(caption: string): void {
    if (this.open.length > 0) return;
    if (this.parts.length > 0) this.pendingCaption = caption;
    this.captionAfterLast = true;
  }

  /** Whether a caption of the figure's own came after its last image (else its last caption stands between images: it is the figure's caption, not one more). */
  private captionAfterLast = false;

  /** `\\`, `\par` or a blank line at the figure's level: the next image starts a row. */
  rowBreak(): void {
    if (this.open.length === 0 && this.parts.length > 0) this.pendingRow = true;
  }

  /** `\resizebox`/`\scalebox` before the next image. */
  resize(r: NonNullable<FigurePart['resize']>): void {
    this.pendingResize = r;
  }

  commandBox(caption: string | undefined): void {
    this.pendingCommandBox = caption !== undefined && caption !== '' ? { caption } : {};
  }

  /** A subfigure or minipage opens with `width` as written; returns its number. */
  openBox(width: string | undefined): number {
    const id = this.boxes.length;
    this.boxes.push(width !== undefined ? { width } : {});
    this.open.push(id);
    return id;
  }

  closeBox(): void {
    this.open.pop();
  }

  boxCaption(box: number, caption: string): void {
    const b = this.boxes[box];
    if (b) b.caption = caption;
  }

  image(path: string, options: string | undefined, box: number | undefined): void {
    // Nested boxes: the outermost open one is what sits in the figure's row.
    let inBox = this.open.length > 0 ? this.open[0] : box;
    if (inBox === undefined && this.pendingCommandBox) {
      inBox = this.boxes.length;
      this.boxes.push(this.pendingCommandBox.caption !== undefined ? { caption: this.pendingCommandBox.caption } : {});
      this.pendingCommandBox = undefined;
    }
    const part: MutablePart = { path: unescapePath(path) };
    if (options !== undefined && options.trim() !== '') part.options = options.trim();
    if (inBox !== undefined) part.box = inBox;
    if (this.pendingResize) part.resize = this.pendingResize;
    this.pendingResize = undefined;
    if (this.pendingRow && this.parts.length > 0) part.newRow = true;
    this.pendingRow = false;
    if (this.pendingCaption !== undefined && inBox === undefined) {
      part.captionBefore = this.pendingCaption;
      part.newRow = true;
    }
    this.pendingCaption = undefined;
    this.captionAfterLast = false;
    this.parts.push(part);
  }

  done(): FigurePart[] {
    if (!this.captionAfterLast) {
      const last = [...this.parts].reverse().find((p) => p.captionBefore !== undefined);
      if (last) delete last.captionBefore;
    }
    return this.parts.map((p) => {
      const b = p.box !== undefined ? this.boxes[p.box] : undefined;
      return {
        ...p,
        ...(b?.width !== undefined ? { boxWidth: b.width } : {}),
        ...(b?.caption !== undefined ? { caption: b.caption } : {}),
      };
    });
  }
}

/** A file name as written in `\includegraphics`: `\_` and braces as TeX reads them. */
export function unescapePath(path: string): string {
  return path.replace(/\\_/g, '_').replace(/[{}"]/g, '').trim();
}

function preambleOf(text: string, preambleEnd: number | undefined): string {
  return (preambleEnd !== undefined ? text.slice(0, preambleEnd) : text.slice(0, 20000)).replace(/(?<!\\)%[^\n]*/g, '');
}

/** `\graphicspath{{figures/}{../img/}}` in the preamble. */
export function graphicsPathOf(text: string, preambleEnd: number | undefined): { graphicsPath?: string[] } {
  const m = /\\graphicspath\s*\{((?:\s*\{[^{}]*\})+)\s*\}/.exec(preambleOf(text, preambleEnd));
  if (!m) return {};
  const dirs = [...(m[1] ?? '').matchAll(/\{([^{}]*)\}/g)].map((d) => (d[1] ?? '').trim()).filter((d) => d !== '');
  return dirs.length > 0 ? { graphicsPath: dirs } : {};
}

const TEMPLATE = /^(neurips|nips)_?(\d{4})$|^(icml|iclr|acl)\d{0,4}(_conference)?$/i;
/** Lengths the page model reads from a preamble or a local template copy. */
const LENGTHS = ['textwidth', 'textheight', 'topmargin', 'headheight', 'headsep', 'oddsidemargin', 'parskip', 'baselineskip', 'footskip'];

/** Lengths set with `\setlength{\x}{v}`, `\x=v` or `\addtolength` (added as `+v`) in `source`. */
function lengthsIn(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /\\(setlength|addtolength)\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*\{([^{}]*)\}|\\([A-Za-z]+)\s*=\s*(-?[\d.]+\s*(?:pt|in|cm|mm|bp|em|ex|pc))/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const name = m[2] ?? m[4] ?? '';
    if (!LENGTHS.includes(name)) continue;
    const value = (m[3] ?? m[5] ?? '').trim();
    out[name] = m[1] === 'addtolength' ? `${out[name] !== undefined ? `${out[name]}` : ''}+${value}` : value;
  }
  return out;
}

/**
 * How a template's code (comments removed) sets the body's leading. The NeurIPS styles redefine
 * `\\normalsize` as 10pt on 11pt and call it; up to 2021 a submission loads lineno before that, and
 * the text then keeps the article class's 12pt (a measured fact of those styles). A style that never
 * redefines `\\normalsize` keeps the 12pt too.
 */
function leadingOf(code: string): { leading: 'renewed' | 'lineno-first' | 'article'; finalByDefault?: true; namesAuthors?: true } {
  const renew = code.search(/\\(?:renewcommand|def)\s*\{?\s*\\normalsize\b/);
  const lineno = code.search(/\\(?:RequirePackage|usepackage)\s*(?:\[[^\]]*\])?\s*\{lineno\}/);
  const leading = renew < 0 ? 'article' : lineno >= 0 && lineno < renew ? 'lineno-first' : 'renewed';
  // A copy that defines \\maketitle's authors without the stock "Anonymous Author(s)" block names them in a submission too.
  const namesAuthors = /\\author\b|\\@author\b/.test(code) && !/Anonymous\s+Author/.test(code);
  return { leading, ...(/\\newif\s*\\if@(?:neurips|nips)final\s*\\@(?:neurips|nips)finaltrue/.test(code) ? { finalByDefault: true } : {}), ...(namesAuthors ? { namesAuthors: true } : {}) };
}

/**
 * The page setup a preamble writes: class options, the template package (with the lengths a local
 * copy next to the .tex sets), packages, geometry and lengths.
 */
export function pageSetupOf(text: string, preambleEnd: number | undefined, host: FileHost, dir: string): { pageSetup?: PageSetup } {
  if (preambleEnd === undefined) return {};
  const preamble = preambleOf(text, preambleEnd);
  const cls = /\\documentclass\s*(?:\[([^\]]*)\])?\s*\{/.exec(preamble);
  const classOptions = (cls?.[1] ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  const packages: string[] = [];
  const geometry: string[] = [];
  let template: PageSetup['template'];
  for (const m of preamble.matchAll(/\\usepackage\s*(?:\[([^\]]*)\])?\s*\{([^}]*)\}/g)) {
    const options = (m[1] ?? '').split(',').map((o) => o.trim()).filter(Boolean);
    for (const raw of (m[2] ?? '').split(',')) {
      const name = raw.trim();
      if (name === '') continue;
      packages.push(name);
      // After a NeurIPS-like template (which loads geometry itself) the options clash and LaTeX keeps the template's.
      if (name === 'geometry' && options.length > 0 && template === undefined) geometry.push(options.join(','));
      if (template === undefined && TEMPLATE.test(name)) {
        const local = host.readFile(resolvePath(dir, `${name}.sty`));
        const code = local?.replace(/(?<!\\)%[^\n]*/g, '');
        const lengths = code !== undefined ? lengthsIn(code) : undefined;
        const geometryInSty = local !== undefined ? /\\(?:usepackage\s*\[([^\]]*)\]\s*\{geometry\}|geometry\s*\{([^}]*)\})/.exec(local) : null;
        template = {
          name,
          options,
          ...(code !== undefined ? { local: { lengths: lengths ?? {}, ...(geometryInSty ? { geometry: geometryInSty[1] ?? geometryInSty[2] ?? '' } : {}), ...leadingOf(code) } } : {}),
        };
      }
    }
  }
  for (const m of preamble.matchAll(/\\(?:new)?geometry\s*\{([^}]*)\}/g)) geometry.push(m[1] ?? '');
  return { pageSetup: { classOptions, packages, geometry, lengths: lengthsIn(preamble), ...(template ? { template } : {}) } };
}
