// Writeup preview script (runs in the webview, loaded by nonce). Applies KaTeX's sizes, keeps the
// scroll position across updates, scrolls with the editor and reveals the source of a click.
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('writeup-root');
  const stateEl = document.getElementById('writeup-state');
  let initial = {};
  try {
    initial = JSON.parse(stateEl ? stateEl.getAttribute('data-state') || '{}' : '{}');
  } catch (e) {
    initial = {};
  }

  /** Style attributes are blocked by the CSP; the CSSOM is not. */
  function applyStyles(container) {
    const nodes = container.querySelectorAll('[data-style]');
    for (let i = 0; i < nodes.length; i++) nodes[i].style.cssText = nodes[i].getAttribute('data-style');
  }

  function blocks() {
    return Array.prototype.slice.call(root.querySelectorAll('[data-line]'));
  }

  /** Scrolls so that the element for `line` (or the last one before it) is at the top. */
  function scrollToLine(line) {
    let best;
    for (const el of blocks()) {
      const l = Number(el.getAttribute('data-line'));
      if (l <= line) best = el;
      else break;
    }
    if (!best) {
      window.scrollTo(0, 0);
      return;
    }
    const top = best.getBoundingClientRect().top + window.scrollY - 8;
    window.scrollTo(0, Math.max(0, top));
  }

  applyStyles(root);
  const saved = vscode.getState();
  if (saved && typeof saved.scrollY === 'number') window.scrollTo(0, saved.scrollY);
  else if (typeof initial.line === 'number' && initial.line > 0) scrollToLine(initial.line);

  let scrollSave;
  window.addEventListener('scroll', function () {
    clearTimeout(scrollSave);
    scrollSave = setTimeout(function () {
      vscode.setState({ scrollY: window.scrollY });
    }, 100);
  });

  let ignoreScrollUntil = 0;
  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.body === 'string') {
      const y = window.scrollY;
      root.innerHTML = message.body;
      applyStyles(root);
      window.scrollTo(0, y);
      ignoreScrollUntil = Date.now() + 200;
    } else if (message.type === 'scrollToLine' && typeof message.line === 'number') {
      if (Date.now() < ignoreScrollUntil) return;
      scrollToLine(message.line);
    }
  });

  root.addEventListener('click', function (event) {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const link = target.closest('a');
    if (link && link.getAttribute('href') && link.getAttribute('href').charAt(0) === '#') {
      const anchor = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (anchor) {
        event.preventDefault();
        anchor.scrollIntoView({ block: 'center' });
      }
      return;
    }
    if (link) return;
    const block = target.closest('[data-line]');
    if (!block) return;
    const line = Number(block.getAttribute('data-line'));
    if (Number.isInteger(line)) vscode.postMessage({ type: 'reveal', line: line });
  });
  vscode.postMessage({ type: 'ready' });
})();
