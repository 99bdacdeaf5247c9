import { estimatePages } from '../../src/core/layout/index';
import { renderPreview } from '../../src/core/preview/render';
import { readWriteup } from '../../src/core/readers/index';
import { previewCase } from './_edit';

const edited = previewCase('preview-10p', 'md', 10);

type State = Parameters<typeof edited.run>[0];

const median = (xs: number[]): number => Number(([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN).toFixed(3));

/**
 * What this case timed until the preview's own path was measured: the text read afresh (no reader
 * session), estimated, and the whole body rendered with no preview session, one word edited each
 * run. The editor does that only for the preview's first paint or a file it has not read yet.
 */
function fresh(state: State, runs = 15): { fresh_median_ms: number; fresh_render_median_ms: number } {
  const total: number[] = [];
  const render: number[] = [];
  for (let n = 0; n <= runs; n++) {
    const text = state.text.replace(/\bthe\b/, `the${n}`);
    const t = performance.now();
    const writeup = readWriteup(text, { file: state.file });
    const pages = estimatePages(writeup);
    const r = performance.now();
    renderPreview(writeup, { pages, pageLimit: 8, resolveCitation: state.resolve, resolveImage: (p) => `https://webview/${p}` });
    // The first run warms up.
    if (n > 0) {
      render.push(performance.now() - r);
      total.push(performance.now() - t);
    }
  }
  return { fresh_median_ms: median(total), fresh_render_median_ms: median(render) };
}

/**
 * `preview-10p`: one keystroke in an open 10-page Markdown writeup (math, citations from a 40-entry
 * .bib, a table) to the preview's new HTML, as the preview panel does it
 * (src/vscode/preview/previewPanel.ts): the document's reader session reads the edited text (the
 * panel gets the model from `services.analyze`, whose read step is the editor's ReaderSessions),
 * the pages are estimated, and the open preview's session renders the body, reusing the HTML of
 * the blocks the edit left alone. Until this round the case read the text afresh and rendered the
 * whole body on every run (34.9 ms when added at be990e3), which the editor does only for the
 * preview's first paint: that is still reported as `fresh_median_ms` (its HTML step as
 * `fresh_render_median_ms`).
 */
const preview10p: typeof edited = {
  ...edited,
  extra: (state) => ({ ...edited.extra?.(state), ...fresh(state) }),
};

export default preview10p;
