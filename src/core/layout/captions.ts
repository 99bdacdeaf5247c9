/*
 * Captions as the `caption` package sets them: the font size and the skip between a float and its
 * caption from `\usepackage[..]{caption}` and `\captionsetup[..]{..}` in the preamble.
 */
import type { FontSize } from '../model';
import { parseLength } from './length';
import { countTextLines } from './lineBreak';
import { LINE, P, SIZES, W } from './textBlock';

/** How a kind of float sets its caption: font size and leading (pt), and the skip to the float's body. */
export interface CaptionStyle {
  readonly size: number;
  readonly leading: number;
  readonly skip: number;
}

/** The caption styles of figures and tables. */
export interface CaptionStyles {
  readonly figure: CaptionStyle;
  readonly table: CaptionStyle;
}

const SETUP = /\\usepackage\s*\[([^\]]*)\]\s*\{caption\}|\\captionsetup\s*(?:\[([^\]]*)\])?\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g;

/**
 * The caption styles a preamble asks for (the style's own, 10pt on 11pt and 7pt above, when it
 * says nothing): `font=`, `font+=` and `size=` with a size switch (`small`, `footnotesize`, ...),
 * `skip=`/`aboveskip=`; `\captionsetup[figure]{..}` and `[table]` for one kind only, later settings
 * winning. Sub-captions (`[sub]`, `[subfigure]`) are left alone.
 */
export function captionStyles(preamble: string): CaptionStyles {
  const base: CaptionStyle = { size: 10, leading: LINE, skip: P.captionSkip };
  const styles = { figure: base, table: base };
  if (!preamble.includes('caption')) return styles;
  for (const m of preamble.matchAll(SETUP)) {
    const type = (m[2] ?? '').trim();
    if (type !== '' && type !== 'figure' && type !== 'table') continue;
    const options = m[1] ?? m[3] ?? '';
    for (const kind of ['figure', 'table'] as const) {
      if (type === '' || type === kind) styles[kind] = withOptions(styles[kind], options);
    }
  }
  return styles;
}

function withOptions(style: CaptionStyle, options: string): CaptionStyle {
  let out = style;
  for (const m of options.matchAll(/(?:^|,)\s*(font\+?|size|skip|aboveskip)\s*=\s*(\{[^{}]*\}|[^,]*)/g)) {
    const value = (m[2] ?? '').replace(/[{}]/g, '');
    if (m[1] === 'skip' || m[1] === 'aboveskip') {
      out = { ...out, skip: parseLength(value.trim()) };
      continue;
    }
    const size = value.split(',').map((v) => v.trim()).find((v): v is FontSize => v in SIZES);
    if (size !== undefined) {
      const [pt, leading] = SIZES[size];
      out = { ...out, size: pt, leading };
    }
  }
  return out;
}

/** Height of a caption's lines ("Figure 1: ..."), 0 when there is none. */
export function captionHeight(caption: string | undefined, label: string, style: CaptionStyle): number {
  if (caption === undefined || caption.trim() === '') return 0;
  return countTextLines(`${label} ${printed(caption)}`, W, style.size) * style.leading;
}

/**
 * A caption's text as printed: the reader keeps the TeX of its math (`\\mathcal{L}_1` without the
 * dollars), which prints as a symbol a command and smaller scripts, not as the command's name.
 */
function printed(caption: string): string {
  return caption.replace(/\\[a-zA-Z]+\*?/g, 'x').replace(/[_^]\{([^{}]*)\}/g, '$1').replace(/[_^{}]/g, '');
}
