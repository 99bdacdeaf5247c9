/**
 * media/preview.js in a real browser (headless Chromium through playwright-core, as the web suite
 * runs): a page that took a LaTeX writeup's body in pieces and then applied the panel's patches
 * after random edits holds the same DOM as a page built afresh from the last render.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { generateLatex, prng } from '../../bench/generate';
import { estimatePages } from '../../src/core/layout/index';
import type { PreviewParts } from '../../src/core/preview/context';
import { previewPatch } from '../../src/core/preview/patch';
import { PreviewSession } from '../../src/core/preview/session';
import { ReaderSession } from '../../src/core/readers/incremental';
const root = path.join(__dirname, '..', '..');

/** The system Chromium, as the web suite's harness finds it ($CHROMIUM_PATH, else on PATH). */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const found = dirs.map((d) => path.join(d, name)).find((f) => existsSync(f));
    if (found) return found;
  }
  return undefined;
}
const executablePath = chromiumPath();

/** What a keystroke may insert: letters, line breaks (blocks move), paragraphs, headings, math, citations. */
const SNIPPETS = ['s', ' word', '\n', '\n\n', '\n\nNew paragraph $x$.\n\n', '\n\\section{New}\n', '\\cite{key1}', '$a^2$', '\n\\newpage\n'];

describe('media/preview.js', { skip: executablePath ? false : 'no Chromium on this machine' }, () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.setContent('<div id="writeup-root"></div><div id="writeup-state" data-state="{}"></div>');
    // The webview's API, recording what the script posts (plain strings: no compiled helpers reach the page).
    await page.evaluate(`window.posted = [];
      window.acquireVsCodeApi = function () {
        return { postMessage: function (m) { window.posted.push(m); }, getState: function () {}, setState: function () {} };
      };`);
    await page.addScriptTag({ content: readFileSync(path.join(root, 'media', 'preview.js'), 'utf8') });
  });
  after(async () => browser?.close());

  const send = (message: unknown) => page.evaluate(`window.dispatchEvent(new MessageEvent('message', { data: ${JSON.stringify(message)} }))`);
  const html = () => page.evaluate(`document.getElementById('writeup-root').innerHTML`) as Promise<string>;
  const posted = () => page.evaluate(`window.posted.splice(0).filter(function (m) { return m.type !== 'ready'; })`) as Promise<unknown[]>;

  test('patches after random edits leave the page as a fresh build of the last render', async () => {
    const reader = new ReaderSession();
    const preview = new PreviewSession();
    const file = '/ws/report.tex';
    const rand = prng(11);
    let text = generateLatex({ pages: 3, bibEntries: 5 });
    const render = (): PreviewParts => {
      const writeup = reader.read(text, { file });
      const parts = preview.render(writeup, { pages: estimatePages(writeup), pageLimit: 2 }).parts;
      assert.ok(parts);
      return parts;
    };
    let shown = render();
    let version = 1;
    await send({ type: 'update', version, parts: shown });
    assert.deepEqual(await posted(), [{ type: 'applied', version, items: shown.items.length, patch: false }]);
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(rand() * text.length);
      text = rand() < 0.2 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 20)) : text.slice(0, at) + (SNIPPETS[Math.floor(rand() * SNIPPETS.length)] ?? 's') + text.slice(at);
      const parts = render();
      await send({ type: 'patch', base: version, version: version + 1, ...previewPatch(shown, parts) });
      version++;
      shown = parts;
      assert.deepEqual(await posted(), [{ type: 'applied', version, items: parts.items.length, patch: true }], `edit ${i}`);
    }
    const patched = await html();
    await send({ type: 'update', version: version + 1, parts: shown });
    await posted();
    assert.equal(patched, await html());
    assert.match(patched, /<article class="body">/);
  });

  test('a patch for another version than the page holds is refused with a request for the whole body', async () => {
    await send({ type: 'patch', base: 999, version: 1000, start: 0, deleteCount: 0, items: [], lines: [] });
    assert.deepEqual(await posted(), [{ type: 'resync' }]);
  });
});
