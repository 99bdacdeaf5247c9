/**
 * Libraries loaded when a feature first needs them, not when the extension activates: KaTeX (math
 * checks, preview), Ajv (user course packs), markdown-it (preview) and yaml (front matter). The
 * extension's bundle leaves each `require` below to its own file in dist/ (`lazy-<name>.js`, see
 * lazyEntries in scripts/build.mjs); any other bundle, and the tests, get ordinary modules.
 */
type Katex = typeof import('./katex');
type AjvModule = typeof import('./ajv');
type MarkdownItModule = typeof import('./markdownIt');
type YamlModule = typeof import('./yaml');

let katex: Katex | undefined;
let ajv: AjvModule | undefined;
let markdownIt: MarkdownItModule | undefined;
let yaml: YamlModule | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- a require at first use is what makes these lazy */
export const lazyKatex = (): Katex['katex'] => (katex ??= require('./katex') as Katex).katex;
export const lazyAjv = (): AjvModule['Ajv'] => (ajv ??= require('./ajv') as AjvModule).Ajv;
export const lazyMarkdownIt = (): MarkdownItModule['MarkdownIt'] => (markdownIt ??= require('./markdownIt') as MarkdownItModule).MarkdownIt;
export const lazyYaml = (): YamlModule => (yaml ??= require('./yaml') as YamlModule);
/* eslint-enable @typescript-eslint/no-require-imports */
