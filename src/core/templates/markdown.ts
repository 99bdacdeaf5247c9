import type { Range } from '../model/range';
import { deliverableNotes, wrap } from './notes';
import type { TemplateParts } from './parts';

/** A Markdown (pandoc) writeup: YAML front matter, the course's notes, one heading per section. */
export function markdownTemplate(parts: TemplateParts): { text: string; titleRange: Range } {
  const { course, deliverable, projectType, headings, title, authors } = parts;
  const lines: string[] = ['---'];
  const titleValue = yamlString(title);
  const titleLine = lines.length;
  lines.push(`title: ${titleValue}`);
  lines.push('author:');
  for (const author of authors) lines.push(`  - ${yamlString(author)}`);
  lines.push(`course: ${yamlString(course.id)}`);
  lines.push(`kind: ${yamlString(deliverable.kind)}`);
  if (projectType) lines.push(`project-type: ${yamlString(projectType.id)}`);
  lines.push('bibliography: references.bib');
  lines.push('---', '');
  lines.push(...comment(deliverableNotes(course, deliverable, projectType)), '');
  for (const { title: heading, guidance } of headings) {
    lines.push(`# ${heading}`, '');
    if (guidance.length > 0) lines.push(...comment(guidance), '');
  }
  lines.push('# References {.unnumbered}', '', '::: {#refs}', ':::', '');
  // The title's text sits inside the quotes.
  const quoted = titleValue.startsWith('"');
  const start = 'title: '.length + (quoted ? 1 : 0);
  const titleRange: Range = {
    start: { line: titleLine, character: start },
    end: { line: titleLine, character: start + titleValue.length - (quoted ? 2 : 0) },
  };
  return { text: lines.join('\n'), titleRange };
}

/** An HTML comment pandoc drops from the output; paragraphs wrapped, `--` kept out of it. */
function comment(paragraphs: readonly string[]): string[] {
  const body = paragraphs.flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrap(p.replace(/--+/g, '-'))]);
  if (body.length === 1) return [`<!-- ${body[0]} -->`];
  return ['<!--', ...body.map((l) => (l.length > 0 ? `  ${l}` : '')), '-->'];
}

/** A YAML scalar: plain when safe, double-quoted (JSON escaping is valid YAML) otherwise. */
function yamlString(value: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9 .,()'-]*$/.test(value) && !/:\s|\s#|\s$/.test(value)) return value;
  return JSON.stringify(value);
}
