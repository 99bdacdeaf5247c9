/*
 * Pictures drawn in TeX (TikZ, forest): what their source says about their size, where the
 * drawing is simple enough to read without TikZ (the page estimate turns it into a height).
 */
import type { Picture, PictureLength, TikzDrawing, TikzMark } from '../../model/writeup';

/**
 * What a drawing does that this reading cannot place: relative and polar coordinates, loops, plots,
 * trees of `child`, matrices, pics, `calc`, arcs and curves, plots of data, nodes placed above or below others.
 */
const NOT_SIMPLE = /\+\+?\s*\(|\\foreach|\bplot\b|\bchild\b|\\matrix|\\pic\b|\(\s*\$|\(\s*[-\d.]+\s*:|\barc\b|\bcontrols\b|\\includegraphics|\\begin\{axis\}|\b(?:above|below)(?:\s+(?:left|right))?\s*=|\b(?:above|below) of\b/;

/** A point `(x, y)` with absolute coordinates, or a circle or ellipse with its radius. */
const REACH = /\(\s*([-+]?[\d.]+)\s*([a-z]{2})?\s*,\s*([-+]?[\d.]+)\s*([a-z]{2})?\s*\)|\b(circle|ellipse)\s*(?:\[[^\]]*?radius\s*=\s*([\d.]+)\s*([a-z]{2})?[^\]]*\]|\(\s*([\d.]+)\s*([a-z]{2})?\s*(?:and\s*([\d.]+)\s*([a-z]{2})?\s*)?\))/g;

/** A comment to the end of its line (not an escaped `\%`). */
const COMMENT = /(^|[^\\])%.*$/gm;

/**
 * What a picture environment's source (`\begin{name}` to its `\end`) says about its size: a
 * TikZ picture's coordinates in y (with `scale=`, `yscale=`, `y=`), a forest tree's depth.
 */
export function readPicture(source: string, name: string, centred: boolean): Picture {
  const tikz = name === 'tikzpicture' ? tikzDrawing(source) : undefined;
  const levels = name === 'forest' ? forestLevels(source) : undefined;
  return { centred, ...(tikz !== undefined ? { tikz } : {}), ...(levels !== undefined ? { levels } : {}) };
}

/** A TikZ picture's marks in y, or undefined when it draws what cannot be read. */
function tikzDrawing(source: string): TikzDrawing | undefined {
  const open = /^\\begin\{tikzpicture\}\s*(?:\[([^\]]*)\])?/.exec(source);
  if (open === null) return undefined;
  const body = source.slice(open[0].length).replace(/\\end\{tikzpicture\}\s*$/, '').replace(COMMENT, '$1');
  if (NOT_SIMPLE.test(body)) return undefined;
  const marks: TikzMark[] = [];
  for (const command of body.split(';')) {
    // A node sits centred on its coordinate (`at (x,y)`, or where the path stands).
    let last: PictureLength | undefined;
    const nodes = /\bnode\b|\\node\b|\\coordinate\b/.test(command);
    for (const m of command.matchAll(REACH)) {
      if (m[5] !== undefined) {
        // circle (r), circle [radius=r], ellipse (a and b): around the last point.
        if (last !== undefined) marks.push({ y: last, radius: lengthOf(m[10] ?? m[8] ?? m[6] ?? '0', m[11] ?? m[9] ?? m[7]) });
        continue;
      }
      last = lengthOf(m[3] ?? '0', m[4]);
      marks.push({ y: last });
    }
    if (nodes) {
      const at = last ?? (/\\node\b/.test(command) ? { value: 0 } : undefined);
      if (at !== undefined) marks.push(/\{[^}]*\S[^}]*\}\s*$/.test(command.trim()) ? { y: at, text: true } : { y: at });
    }
  }
  const options = open[1] ?? '';
  const y = /(?:^|,)\s*y\s*=\s*([^,]+)/.exec(options)?.[1];
  const scale = /(?:^|,)\s*scale\s*=\s*([\d.]+)/.exec(options);
  const yscale = /(?:^|,)\s*yscale\s*=\s*([\d.]+)/.exec(options);
  return {
    ...(y !== undefined ? { yUnit: /^[\d.]+$/.test(y.trim()) ? Number(y) : y } : {}),
    scale: scale ? Number(scale[1]) || 1 : 1,
    yscale: yscale ? Number(yscale[1]) || 1 : 1,
    marks,
  };
}

/** A coordinate as written; one that is not a number stands at 0. */
function lengthOf(value: string, unit: string | undefined): PictureLength {
  const v = Number(value);
  if (!Number.isFinite(v)) return { value: 0 };
  return unit === undefined ? { value: v } : { value: v, unit };
}

/** A forest tree growing down: the depth of its brackets (outside braces); undefined when it grows sideways or has none. */
function forestLevels(source: string): number | undefined {
  let depth = 0;
  let deepest = 0;
  let braces = 0;
  const body = source.replace(/^\\begin\{forest\}/, '').replace(COMMENT, '$1');
  // A tree growing sideways is as tall as its widest level: not read here.
  if (/\bgrow'?\s*=\s*(?!\s*(?:south|270|-90)\b)/.test(body)) return undefined;
  for (const c of body) {
    if (c === '{') braces++;
    else if (c === '}') braces = Math.max(0, braces - 1);
    else if (braces > 0) continue;
    else if (c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === ']') depth = Math.max(0, depth - 1);
  }
  return deepest === 0 ? undefined : deepest;
}
