/**
 * HTML course pages to Markdown-like lines, read with htmlparser2: headings become `#` lines,
 * list items `- `, links `[text](href)`, bold text `**`, table rows `| cell | cell |`.
 * Scripts, styles, navigation and footers are dropped; `<title>` becomes a level-1 heading.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never page text. */
const skipped = new Set(['script', 'style', 'nav', 'footer', 'noscript', 'template', 'svg', 'iframe']);
/** Elements that end a line where they open and close. */
const blocks = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'ul', 'ol', 'dl', 'dd', 'dt', 'blockquote', 'table', 'thead', 'tbody', 'figure', 'figcaption', 'details', 'summary', 'address', 'body', 'html', 'center']);

/**
 * Turns HTML into Markdown-like lines. Enough for reading a course page, not a general HTML
 * converter: inline markup other than links and bold text is dropped, entities are decoded.
 */
export function htmlToLines(html: string): string {
  let out = '';
  let skipDepth = 0;
  let inHead = false;
  let inTitle = false;
  let title = '';
  let preDepth = 0;
  let cellDepth = 0;
  let rowCells = { th: 0, td: 0 };
  let afterTerm = false;
  const links: { href: string; start: number }[] = [];
  const newline = () => {
    if (cellDepth > 0) {
      out += ' ';
      return;
    }
    if (!out.endsWith('\n')) out += '\n';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth > 0 || skipped.has(name)) {
          skipDepth++;
          return;
        }
        if (name === 'head') inHead = true;
        if (name === 'title') inTitle = true;
        if (inHead) return;
        if (name === 'dd' && afterTerm) {
          // A definition list's term labels its description: "Final report: Due May 9."
          out = `${out.replace(/\s+$/, '')}: `;
          afterTerm = false;
          return;
        }
        afterTerm = false;
        const heading = /^h([1-6])$/.exec(name);
        if (heading) {
          newline();
          if (cellDepth === 0) out += `${'#'.repeat(Number(heading[1]))} `;
        } else if (name === 'li') {
          newline();
          if (cellDepth === 0) out += '- ';
        } else if (name === 'tr') {
          newline();
          out += '|';
          rowCells = { th: 0, td: 0 };
        } else if (name === 'td' || name === 'th') {
          cellDepth++;
          rowCells[name]++;
          out += ' ';
        } else if (name === 'br' || name === 'hr') {
          newline();
        } else if (name === 'pre') {
          newline();
          preDepth++;
        } else if (name === 'a' && attrs.href) {
          links.push({ href: attrs.href, start: out.length });
        } else if (name === 'strong' || name === 'b') {
          out += '**';
        } else if (blocks.has(name)) {
          newline();
        }
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (inTitle) title += text;
        if (inHead) return;
        if (preDepth > 0 && cellDepth === 0) out += text;
        else if (!(/^\s*$/.test(text) && (out.endsWith('\n') || out.endsWith(' ') || out === ''))) out += text.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === 'title') inTitle = false;
        if (name === 'head') {
          inHead = false;
          return;
        }
        if (inHead) return;
        if (name === 'dt') {
          afterTerm = true;
          return;
        }
        if (/^h[1-6]$/.test(name) || name === 'li' || blocks.has(name)) newline();
        else if (name === 'td' || name === 'th') {
          cellDepth = Math.max(0, cellDepth - 1);
          out = `${out.trimEnd()} |`;
        } else if (name === 'tr') {
          newline();
          // A row of header cells only is marked as Markdown marks a table's header.
          if (rowCells.th > 0 && rowCells.td === 0) out += `|${'---|'.repeat(rowCells.th)}\n`;
        }
        else if (name === 'pre') {
          preDepth = Math.max(0, preDepth - 1);
          newline();
        } else if (name === 'a') {
          const link = links.pop();
          if (link) {
            const inner = out.slice(link.start).trim();
            out = `${out.slice(0, link.start)}${/^(?:\s|$)/.test(out.slice(link.start)) ? ' ' : ''}[${inner}](${link.href})`;
          }
        } else if (name === 'strong' || name === 'b') {
          out += '**';
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const heading = title.trim() ? `# ${title.replace(/\s+/g, ' ').trim()}\n` : '';
  return `${heading}${out}`
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').replace(/\*\*\s*\*\*/g, '').replace(/\*\*(\s*)([^*]*?)(\s*)\*\*/g, '$1**$2**$3').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
