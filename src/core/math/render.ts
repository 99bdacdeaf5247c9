/**
 * TeX to SVG with MathJax 3 (`mathjax-full`), for hover images. Pure: no DOM, no Node built-ins
 * (MathJax's lite adaptor). Heavy to load, so the editor runs it in a worker thread
 * (src/vscode/mathWorker.ts) and this module is only imported there, by the CLI and by tests.
 */
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor, type LiteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import type { MathDocument } from 'mathjax-full/js/core/MathDocument.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import type { LiteText } from 'mathjax-full/js/adaptors/lite/Text.js';
import type { LiteDocument } from 'mathjax-full/js/adaptors/lite/Document.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import 'mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js';
import 'mathjax-full/js/input/tex/configmacros/ConfigMacrosConfiguration.js';
import 'mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration.js';
import 'mathjax-full/js/input/tex/color/ColorConfiguration.js';
import 'mathjax-full/js/input/tex/mathtools/MathtoolsConfiguration.js';
import 'mathjax-full/js/input/tex/braket/BraketConfiguration.js';
import 'mathjax-full/js/input/tex/cancel/CancelConfiguration.js';
import { type MacroMap, macrosFingerprint, noMacros, toMathJaxMacros } from './macros';

/** TeX packages loaded. `noundefined`/`noerrors` are left out so mistakes are reported as errors. */
export const texPackages = ['base', 'ams', 'newcommand', 'configmacros', 'boldsymbol', 'color', 'mathtools', 'braket', 'cancel'];

/** One formula to render. */
export interface SvgRequest {
  readonly tex: string;
  readonly display: boolean;
  /** Environment the TeX is the body of (MathNode.environment), e.g. `align*`. */
  readonly environment?: string;
  readonly macros?: MacroMap;
  /** Fill and stroke colour (CSS colour: `#rrggbb` or a name); `currentColor` when absent. */
  readonly color?: string;
  /** Pixels per ex of the editor font: sizes become pixels. Sizes stay in ex when absent. */
  readonly exPixels?: number;
}

/** The rendered formula, or the TeX error. */
export type SvgResult =
  | { readonly ok: true; readonly svg: string; readonly widthEx: number; readonly heightEx: number }
  | { readonly ok: false; readonly error: string };

/** Renders TeX to SVG; create once, reuse (MathJax setup is the slow part). */
export interface SvgRenderer {
  render(request: SvgRequest): SvgResult;
}

type Doc = MathDocument<LiteElement | LiteText, LiteText, LiteDocument>;

/** Environments that are only delimiters: their body is rendered as is. */
const plainEnvironments = new Set(['math', 'displaymath']);

class MathJaxSvgRenderer implements SvgRenderer {
  private readonly adaptor: LiteAdaptor;
  /** One MathJax document per macro set (macros are fixed when the TeX input is made). */
  private readonly documents = new Map<string, { doc: Doc; tex: TeX<unknown, unknown, unknown> }>();

  constructor() {
    this.adaptor = liteAdaptor();
    RegisterHTMLHandler(this.adaptor);
  }

  private documentFor(macros: MacroMap): { doc: Doc; tex: TeX<unknown, unknown, unknown> } {
    const key = macrosFingerprint(macros);
    const hit = this.documents.get(key);
    if (hit) return hit;
    const tex = new TeX({
      packages: texPackages,
      macros: toMathJaxMacros(macros),
      maxMacros: 1000,
      maxBuffer: 20 * 1024,
      // Throw instead of rendering the error into the formula: the caller shows the message.
      formatError: (_jax: unknown, err: Error) => {
        throw err;
      },
    });
    const svg = new SVG({ fontCache: 'local' });
    const doc = mathjax.document('', { InputJax: tex, OutputJax: svg }) as Doc;
    if (this.documents.size >= 4) this.documents.delete(this.documents.keys().next().value as string);
    const entry = { doc, tex: tex as TeX<unknown, unknown, unknown> };
    this.documents.set(key, entry);
    return entry;
  }

  render(request: SvgRequest): SvgResult {
    const env = request.environment;
    const source = env && !plainEnvironments.has(env) ? `\\begin{${env}}${request.tex}\\end{${env}}` : request.tex;
    const display = request.display || (env !== undefined && !plainEnvironments.has(env));
    let html: string;
    try {
      const { doc, tex } = this.documentFor(request.macros ?? noMacros);
      // Each hover stands alone: forget labels from earlier formulas (else `\label` is "multiply defined").
      tex.parseOptions.tags.reset();
      const node = doc.convert(source, { display, em: 16, ex: 8, containerWidth: 80 * 16 }) as LiteElement;
      const svg = this.adaptor.firstChild(node) as LiteElement | undefined;
      if (!svg) return { ok: false, error: 'MathJax produced no image' };
      html = this.adaptor.outerHTML(svg);
    } catch (e) {
      return { ok: false, error: texErrorMessage(e) };
    }
    return finishSvg(html, request);
  }
}

/** The message of a MathJax TeX error. */
function texErrorMessage(e: unknown): string {
  // MathJax's TexError is not an Error subclass: read its message field.
  const field = e && typeof e === 'object' ? (e as { message?: unknown }).message : e;
  const message = typeof field === 'string' ? field : 'TeX error';
  return message.replace(/\s+/g, ' ').trim() || 'TeX error';
}

const colorPattern = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$/;

/** Applies colour and size, and makes the SVG a standalone image. */
export function finishSvg(html: string, request: Pick<SvgRequest, 'color' | 'exPixels'>): SvgResult {
  const width = /\swidth="([\d.]+)ex"/.exec(html);
  const height = /\sheight="([\d.]+)ex"/.exec(html);
  const widthEx = width ? Number(width[1]) : 0;
  const heightEx = height ? Number(height[1]) : 0;
  let svg = html.replace(/\sstyle="[^"]*"/, '');
  if (request.color && colorPattern.test(request.color)) svg = svg.replace(/currentColor/g, request.color);
  if (request.exPixels && request.exPixels > 0) {
    const px = (ex: number): string => (Math.ceil(ex * request.exPixels! * 100) / 100).toString();
    svg = svg.replace(/\swidth="[\d.]+ex"/, ` width="${px(widthEx)}px"`).replace(/\sheight="[\d.]+ex"/, ` height="${px(heightEx)}px"`);
  }
  return { ok: true, svg, widthEx, heightEx };
}

/** Creates a renderer. MathJax is set up on construction (about 50 ms once loaded). */
export function createSvgRenderer(): SvgRenderer {
  return new MathJaxSvgRenderer();
}
