/**
 * Libraries loaded when a feature first needs them, not when the extension activates: KaTeX (math
 * checks, preview), Ajv (user course packs), markdown-it (preview), yaml (front matter), remark
 * (reading Markdown), the bundled packs' JSON, the course-page importer (htmlparser2), image-size
 * (figure sizes), fuzzysort (citation search) and the analysis engine itself (readers, lint, page
estimate: the editor's first read of a writeup). The
 * extension's bundle leaves each `require` below to its own file in dist/ (`lazy-<name>.js`, see
 * lazyEntries in scripts/build.mjs); any other bundle, and the tests, get ordinary modules.
 */
type Katex = typeof import('./katex');
type AjvModule = typeof import('./ajv');
type MarkdownItModule = typeof import('./markdownIt');
type YamlModule = typeof import('./yaml');
type RemarkModule = typeof import('./remark');
type PacksModule = typeof import('./packs');
type CourseImportModule = typeof import('./courseImport');
type ImageSizeModule = typeof import('./imageSize');
type FuzzysortModule = typeof import('./fuzzysort');
type EngineModule = typeof import('./engine');

let katex: Katex | undefined;
let ajv: AjvModule | undefined;
let markdownIt: MarkdownItModule | undefined;
let yaml: YamlModule | undefined;
let remark: RemarkModule | undefined;
let packs: PacksModule | undefined;
let courseImport: CourseImportModule | undefined;
let imageSize: ImageSizeModule | undefined;
let fuzzysort: FuzzysortModule | undefined;
let engine: EngineModule | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- a require at first use is what makes these lazy */
export const lazyKatex = (): Katex['katex'] => (katex ??= require('./katex') as Katex).katex;
export const lazyAjv = (): AjvModule['Ajv'] => (ajv ??= require('./ajv') as AjvModule).Ajv;
export const lazyCoursePackSchema = (): AjvModule['coursePackSchema'] => (ajv ??= require('./ajv') as AjvModule).coursePackSchema;
export const lazyMarkdownIt = (): MarkdownItModule['MarkdownIt'] => (markdownIt ??= require('./markdownIt') as MarkdownItModule).MarkdownIt;
export const lazyYaml = (): YamlModule => (yaml ??= require('./yaml') as YamlModule);
export const lazyRemark = (): RemarkModule['parseMarkdown'] => (remark ??= require('./remark') as RemarkModule).parseMarkdown;
export const lazyPackData = (): PacksModule['bundledPackData'] => (packs ??= require('./packs') as PacksModule).bundledPackData;
export const lazyCourseImport = (): CourseImportModule['importCoursePage'] => (courseImport ??= require('./courseImport') as CourseImportModule).importCoursePage;
export const lazyImageSize = (): ImageSizeModule['imageSize'] => (imageSize ??= require('./imageSize') as ImageSizeModule).imageSize;
export const lazyFuzzysort = (): FuzzysortModule['fuzzysort'] => (fuzzysort ??= require('./fuzzysort') as FuzzysortModule).fuzzysort;
export const lazyEngine = (): EngineModule => (engine ??= require('./engine') as EngineModule);
/* eslint-enable @typescript-eslint/no-require-imports */
