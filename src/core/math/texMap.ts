/**
 * Text rewritten from an original with a map back: every offset of the rewritten text leads to
 * the offset of the original it came from. Used to hand KaTeX a compatible formula (wrapped in
 * its environment, LaTeX-only commands neutralised) and still report errors where the user typed.
 */
export class MappedText {
  private out = '';
  /** Rewritten start offsets of each piece, with the original offset it maps to. */
  private readonly pieces: { outStart: number; origStart: number; copied: boolean }[] = [];

  /** Appends original text starting at `origStart`. */
  copy(text: string, origStart: number): this {
    if (text.length === 0) return this;
    this.pieces.push({ outStart: this.out.length, origStart, copied: true });
    this.out += text;
    return this;
  }

  /** Appends text that is not in the original; it maps to `origAt`. */
  insert(text: string, origAt: number): this {
    if (text.length === 0) return this;
    this.pieces.push({ outStart: this.out.length, origStart: origAt, copied: false });
    this.out += text;
    return this;
  }

  get text(): string {
    return this.out;
  }

  /** Offset in the original for an offset in the rewritten text. */
  toOriginal(offset: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.pieces[mid]?.outStart ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const p = this.pieces[lo];
    if (!p) return 0;
    return p.copied ? p.origStart + Math.max(0, offset - p.outStart) : p.origStart;
  }
}

/**
 * Maps offsets of `tex` to offsets of `source`, where `tex` is `source` with some characters left
 * out (e.g. a Markdown block quote's `> ` markers on each line of display math). When the two are
 * equal the map is the identity.
 */
export function alignOffsets(tex: string, source: string): (texOffset: number) => number {
  if (tex === source) return (o) => o;
  const map = new Int32Array(tex.length + 1);
  let j = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    let k = j;
    while (k < source.length && source[k] !== c) k++;
    if (k < source.length) j = k;
    map[i] = Math.min(j, source.length);
    if (j < source.length) j++;
  }
  map[tex.length] = Math.min(j, source.length);
  return (o) => map[Math.max(0, Math.min(o, tex.length))] ?? 0;
}
