import type { PageSetup, Writeup } from '../model';
import { texLength } from '../text/texLength';
import { ARTICLE_10PT, NEURIPS, type PageStyle } from './neurips';

/*
 * Template profiles: the page a template sets (text block, body font), as data. The stock
 * NeurIPS styles 2018-2025 share one block (5.5in x 9in on US letter, 10pt Times on 11pt); a
 * local copy of the style next to the .tex, `\geometry`/`\newgeometry` or `\setlength` in the
 * preamble, and font packages loaded after the template override it. Another template (ICML,
 * ICLR, ACL, article) is one more entry in PROFILES and one more pattern in `templateOf`.
 */

export interface TemplateProfile {
  readonly name: string;
  /** Text block in TeX points. */
  readonly textWidth: number;
  readonly textHeight: number;
  /** Body font width relative to Times (Latin Modern sets about 12% wider). */
  readonly fontWidth: number;
  /** Leading of the body text (pt): 11 in the NeurIPS styles, 12 where a submission loads lineno first or a local copy leaves the article class's sizes. */
  readonly baselineSkip: number;
  /** The style's skips and sizes: the NeurIPS style's, or the article class's where a local copy leaves them. */
  readonly style?: PageStyle;
  readonly sizes?: 'neurips' | 'article';
}

const NEURIPS_BLOCK = { textWidth: 5.5 * 72.27, textHeight: 9 * 72.27, fontWidth: 1, baselineSkip: 10.95 };

/**
 * Stock styles that load lineno for a submission before setting `\normalsize` (2018-2021): a
 * submission's body text keeps the article class's 12pt leading (measured: 12pt baselines
 * against 11pt in `final` and `preprint`).
 */
const LINENO_FIRST = new Set(['nips_2018', 'neurips_2019', 'neurips_2020', 'neurips_2021']);

/** Stock profiles by package name. */
export const PROFILES: Readonly<Record<string, TemplateProfile>> = Object.fromEntries(
  ['nips_2018', 'neurips_2019', 'neurips_2020', 'neurips_2021', 'neurips_2022', 'neurips_2023', 'neurips_2024', 'neurips_2025'].map((name) => [name, { name, ...NEURIPS_BLOCK }]),
);

/** The profile when a writeup names no known template (Markdown goes through the NeurIPS 2024 template). */
export const DEFAULT_PROFILE: TemplateProfile = { name: 'neurips', ...NEURIPS_BLOCK };

/** Width of body fonts relative to Times, by the package that sets them (loaded after the template). */
const FONT_WIDTHS: Readonly<Record<string, number>> = {
  lmodern: 1.12,
  cmbright: 1.12,
  mathpazo: 1.07,
  newpxtext: 1.07,
  newpx: 1.07,
  palatino: 1.07,
  tgpagella: 1.07,
  charter: 1.1,
  XCharter: 1.1,
  fourier: 1.1,
  kpfonts: 1.1,
  libertine: 1.03,
  newtxtext: 1,
  newtx: 1,
  times: 1,
  mathptmx: 1,
  helvet: 1.1,
};

/** US letter, the NeurIPS paper (pt). */
export const LETTER_PAPER: readonly [width: number, height: number] = [8.5 * 72.27, 11 * 72.27];
const PAPER: Readonly<Record<string, readonly [number, number]>> = { letterpaper: LETTER_PAPER, a4paper: [(210 * 72.27) / 25.4, (297 * 72.27) / 25.4] };

/** A geometry key's or `\\setlength`'s length (`5.5in`, `2cm`, `5.5\\p@`) in points, in the body font; undefined when it names what the profile does not know. */
function length(v: string | undefined): number | undefined {
  return v === undefined ? undefined : texLength(v, { em: NEURIPS.fontSize, ex: NEURIPS.ex });
}

/** Text width and height set by geometry keys (`textwidth=`, `total={w,h}`, margins on a paper), where given. */
export function geometryBlock(spec: string): { width?: number; height?: number } {
  const keys = new Map<string, string>();
  for (const m of spec.matchAll(/([A-Za-z][A-Za-z0-9]*)\s*(?:=\s*(\{[^}]*\}|[^,]+))?/g)) keys.set(m[1] ?? '', (m[2] ?? 'true').trim());
  const paper = [...keys.keys()].map((k) => PAPER[k]).find((p) => p !== undefined) ?? LETTER_PAPER;
  const total = /^\{([^,]+),([^}]+)\}$/.exec(keys.get('total') ?? '');
  let width = length(keys.get('textwidth') ?? keys.get('width') ?? total?.[1]);
  let height = length(keys.get('textheight') ?? keys.get('height') ?? total?.[2]);
  const margin = length(keys.get('margin'));
  const hmargin = length(keys.get('hmargin')) ?? margin;
  const vmargin = length(keys.get('vmargin')) ?? margin;
  const left = length(keys.get('left') ?? keys.get('lmargin')) ?? hmargin;
  const right = length(keys.get('right') ?? keys.get('rmargin')) ?? hmargin;
  const top = length(keys.get('top') ?? keys.get('tmargin')) ?? vmargin;
  const bottom = length(keys.get('bottom') ?? keys.get('bmargin')) ?? vmargin;
  if (width === undefined && (left !== undefined || right !== undefined)) width = paper[0] - (left ?? right ?? 0) - (right ?? left ?? 0);
  if (height === undefined && (top !== undefined || bottom !== undefined)) height = paper[1] - (top ?? bottom ?? 0) - (bottom ?? top ?? 0);
  return { ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) };
}

/**
 * The profile a writeup's page uses, and notes on what the estimate read or could not: the stock
 * profile of its template, then a local copy's geometry and lengths, then the preamble's
 * `\geometry`/`\newgeometry` and `\setlength`, then font packages loaded after the template.
 */
export function profileOf(writeup: Writeup): { profile: TemplateProfile; notes: string[] } {
  const setup: PageSetup | undefined = writeup.metadata.pageSetup;
  const notes: string[] = [];
  if (writeup.format !== 'latex' || setup === undefined) return { profile: DEFAULT_PROFILE, notes };
  const t = setup.template;
  const stock = t ? PROFILES[t.name.toLowerCase()] : undefined;
  if (t && !stock) notes.push(`template ${t.name} has no profile: the NeurIPS page is assumed`);
  if (!t) notes.push('no NeurIPS template package found: the NeurIPS page is assumed');
  let width: number = (stock ?? DEFAULT_PROFILE).textWidth;
  let height: number = (stock ?? DEFAULT_PROFILE).textHeight;
  const apply = (b: { width?: number; height?: number }): void => {
    if (b.width !== undefined && b.width > 100) width = b.width;
    if (b.height !== undefined && b.height > 100) height = b.height;
  };
  if (t?.local) {
    apply(geometryBlock(t.local.geometry ?? ''));
    apply({ ...optional('width', length(t.local.lengths['textwidth'])), ...optional('height', length(t.local.lengths['textheight'])) });
  }
  for (const g of setup.geometry) apply(geometryBlock(g));
  apply({ ...optional('width', length(setup.lengths['textwidth'])), ...optional('height', length(setup.lengths['textheight'])) });
  // A rewritten local copy that sets no body size leaves the article class's: 10pt on 12pt (11pt and
  // 12pt class options: 10.95pt on 13.6pt and 12pt on 14.5pt), its headings, lists and displays.
  let style: PageStyle = NEURIPS;
  let sizes: 'neurips' | 'article' = 'neurips';
  let classSize = 1;
  if (t?.local?.leading === 'article') {
    const option = setup.classOptions.find((o) => /^1[12]pt$/.test(o));
    classSize = option === '11pt' ? 1.095 : option === '12pt' ? 1.2 : 1;
    style = { ...NEURIPS, ...ARTICLE_10PT, baselineSkip: option === '11pt' ? 13.6 : option === '12pt' ? 14.5 : 12 };
    sizes = 'article';
    notes.push(`the local ${t.name}.sty sets no body size: the article class's sizes and skips are assumed (${option ?? '10pt'} on ${style.baselineSkip}pt)`);
  }
  const parskip = length(setup.lengths['parskip']) ?? length(t?.local?.lengths['parskip']);
  if (parskip !== undefined) style = { ...style, parSkip: parskip };
  const start = t ? setup.packages.indexOf(t.name) : -1;
  let fontWidth = classSize;
  for (const p of setup.packages.slice(start + 1)) fontWidth = FONT_WIDTHS[p] ?? fontWidth;
  if (fontWidth !== 1) notes.push(`body font from ${setup.packages.slice(start + 1).filter((p) => FONT_WIDTHS[p] !== undefined).join(', ')}: text set about ${Math.round((fontWidth - 1) * 100)}% wider than Times`);
  return {
    profile: {
      name: t?.name ?? 'neurips',
      textWidth: width,
      textHeight: height,
      fontWidth,
      baselineSkip: sizes === 'article' ? style.baselineSkip : t ? bodyLeading(t) : DEFAULT_PROFILE.baselineSkip,
      ...(style !== NEURIPS ? { style } : {}),
      ...(sizes !== 'neurips' ? { sizes } : {}),
    },
    notes,
  };
}

/** The body's leading under a template: its local copy's way of setting `\normalsize`, else the stock style's. */
function bodyLeading(t: NonNullable<PageSetup['template']>): number {
  const submission = !t.options.some((o) => /^(final|preprint)$/.test(o)) && t.local?.finalByDefault !== true;
  const leading = t.local?.leading ?? (LINENO_FIRST.has(t.name.toLowerCase()) ? 'lineno-first' : 'renewed');
  return leading === 'article' || (leading === 'lineno-first' && submission) ? 12 : NEURIPS_BLOCK.baselineSkip;
}

function optional<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}
