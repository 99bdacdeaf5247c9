// Opens the VS Code web workbench in headless Chromium (driven by playwright-core, using the
// system Chromium: no browser download) and relays the extension host's test output.
import { format } from 'node:util';
import { harnessRequire } from './install.mjs';

/**
 * Launches Chromium on `url`.
 * - `onLog(type, text)`: extension-host console output (the workbench calls
 *   `window.codeAutomationLog` for it while tests run);
 * - the returned `exitCode` promise resolves when the workbench calls `window.codeAutomationExit`
 *   at the end of a test run.
 */
export async function openWorkbench({ url, chromium: executablePath, env, onLog = () => {}, viewport = { width: 1400, height: 900 } }) {
  const { chromium } = harnessRequire('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    env: { ...process.env, ...env },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport });
  let resolveExit;
  const exitCode = new Promise((resolve) => {
    resolveExit = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    onLog(type, format(...(Array.isArray(args) ? args : [args])));
  });
  // Newer VS Code builds honour `?payload=` only with the smoke-test driver enabled; 1.100 does
  // not need it, but setting it keeps the harness working if the pinned version moves.
  await page.addInitScript(() => {
    /* global Element -- runs in the page */
    const getAttribute = Element.prototype.getAttribute;
    Element.prototype.getAttribute = function (name) {
      const value = getAttribute.call(this, name);
      if (name !== 'data-settings' || this.id !== 'vscode-workbench-web-configuration' || !value) return value;
      try {
        const config = JSON.parse(value);
        config.developmentOptions = { ...config.developmentOptions, enableSmokeTestDriver: true };
        return JSON.stringify(config);
      } catch {
        return value;
      }
    };
  });
  await page.goto(url, { waitUntil: 'commit' }); // the run's own deadline covers the load
  const close = async () => {
    try {
      await browser.close();
    } catch {
      // already closed
    }
  };
  return { browser, page, exitCode, close };
}
