/**
 * LaTeX key=value options (`width=0.5\linewidth, keepaspectratio`, enumitem's `nosep, label={(\alph*)}`),
 * as keyval reads them: split at the commas outside braces, each key and value trimmed, one pair of
 * braces around a value removed. A key without `=` has no value. Pairs in order, repeats kept (a later
 * key overrides an earlier one where the caller applies them in turn).
 */
export function keyValues(spec: string): [key: string, value: string | undefined][] {
  const out: [string, string | undefined][] = [];
  let depth = 0;
  let start = 0;
  const add = (end: number): void => {
    const raw = spec.slice(start, end);
    const eq = raw.indexOf('=');
    const key = (eq < 0 ? raw : raw.slice(0, eq)).trim();
    if (key !== '') out.push([key, eq < 0 ? undefined : raw.slice(eq + 1).trim().replace(/^\{([^]*)\}$/, '$1')]);
  };
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      add(i);
      start = i + 1;
    }
  }
  add(spec.length);
  return out;
}
