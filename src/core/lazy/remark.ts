// remark (unified with remark-parse, front matter, GFM and math), loaded on first use (see ../lazy/index.ts).
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The Markdown reader's parser: pandoc-like Markdown to an mdast tree. */
export const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath);
