import metrics from './metrics/times-roman.json';

/** A face of Times as the estimator knows it. */
export type Face = 'regular' | 'bold' | 'italic';

interface FaceTable {
  readonly ascii: Float64Array;
  readonly extra: ReadonlyMap<string, number>;
}

function table(face: { ascii: number[]; extra: Record<string, number> }): FaceTable {
  return { ascii: Float64Array.from(face.ascii, (w) => w / 1000), extra: new Map(Object.entries(face.extra).map(([ch, w]) => [ch, w / 1000])) };
}

const FACES: Readonly<Record<Face, FaceTable>> = {
  regular: table(metrics.regular),
  bold: table(metrics.bold),
  italic: table(metrics.italic),
};
const FIRST = metrics.firstCode;
/** Width of a character the table lacks (CJK and symbols are wide; accents like their base). */
const UNKNOWN = 0.5;

/** Width in em of one character of `face`. */
export function charWidth(ch: string, face: Face = 'regular'): number {
  const t = FACES[face];
  const code = ch.charCodeAt(0);
  if (code >= FIRST && code - FIRST < t.ascii.length) return t.ascii[code - FIRST] ?? UNKNOWN;
  return t.extra.get(ch) ?? (code >= 0x2e80 ? 1 : UNKNOWN);
}

/** Width in em of a string set in `face` (no kerning, no ligatures). */
export function textWidth(text: string, face: Face = 'regular'): number {
  const t = FACES[face];
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const idx = text.charCodeAt(i) - FIRST;
    w += idx >= 0 && idx < t.ascii.length ? (t.ascii[idx] ?? UNKNOWN) : charWidth(text.charAt(i), face);
  }
  return w;
}

/** Interword space of Times in em, with its stretch and shrink (TFM `ptmr7t` fontdimens). */
export const SPACE = { width: 0.25, stretch: 0.15, shrink: 0.06 } as const;
