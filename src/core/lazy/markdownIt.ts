// markdown-it, loaded on first use (see ../lazy/index.ts).
export { default as MarkdownIt } from 'markdown-it';
