// KaTeX, loaded on first use (see ../lazy/index.ts).
export { default as katex } from 'katex';
