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

  // The page in pieces (title block, one node list per body item, tail), once an update brought
  // them: an edit then replaces only the items it changed (src/core/preview/patch.ts).
  let pieces;

  function nodesOf(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    const nodes = Array.prototype.slice.call(template.content.childNodes);
    for (const node of nodes) {
      if (node.nodeType !== 1) continue;
      if (node.hasAttribute('data-style')) node.style.cssText = node.getAttribute('data-style');
      applyStyles(node);
    }
    return nodes;
  }

  function remove(nodes) {
    for (const node of nodes) node.remove();
  }

  function build(parts, version) {
    root.textContent = '';
    const head = nodesOf(parts.head);
    for (const node of head) root.appendChild(node);
    const article = document.createElement('article');
    article.className = 'body';
    const items = parts.items.map(function (html) {
      const nodes = nodesOf(html);
      for (const node of nodes) article.appendChild(node);
      return nodes;
    });
    root.appendChild(article);
    const tail = nodesOf(parts.tail);
    for (const node of tail) root.appendChild(node);
    pieces = { version: version, head: head, article: article, items: items, tail: tail };
  }

  function patch(message) {
    const start = message.start;
    const added = message.items.map(nodesOf);
    const removed = pieces.items.splice.apply(pieces.items, [start, message.deleteCount].concat(added));
    for (const nodes of removed) remove(nodes);
    let before = null;
    for (let i = start + added.length; i < pieces.items.length && !before; i++) before = pieces.items[i][0] || null;
    for (const nodes of added) for (const node of nodes) pieces.article.insertBefore(node, before);
    // Kept items that only moved to another source line.
    for (const [index, line] of message.lines || []) {
      const first = (pieces.items[index] || []).find(function (node) {
        return node.nodeType === 1 && node.hasAttribute('data-line');
      });
      if (first) first.setAttribute('data-line', String(line));
    }
    if (typeof message.head === 'string') {
      remove(pieces.head);
      pieces.head = nodesOf(message.head);
      for (const node of pieces.head) root.insertBefore(node, pieces.article);
    }
    if (typeof message.tail === 'string') {
      remove(pieces.tail);
      pieces.tail = nodesOf(message.tail);
      for (const node of pieces.tail) root.appendChild(node);
    }
    pieces.version = message.version;
  }

  let ignoreScrollUntil = 0;
  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && (message.parts || typeof message.body === 'string')) {
      const y = window.scrollY;
      if (message.parts) {
        build(message.parts, message.version);
        vscode.postMessage({ type: 'applied', version: pieces.version, items: pieces.items.length, patch: false });
      } else {
        root.innerHTML = message.body;
        pieces = undefined;
      }
      applyStyles(root);
      window.scrollTo(0, y);
      ignoreScrollUntil = Date.now() + 200;
    } else if (message.type === 'patch') {
      const y = window.scrollY;
      if (!pieces || message.base !== pieces.version) {
        vscode.postMessage({ type: 'resync' });
        return;
      }
      patch(message);
      window.scrollTo(0, y);
      ignoreScrollUntil = Date.now() + 200;
      vscode.postMessage({ type: 'applied', version: pieces.version, items: pieces.items.length, patch: true });
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
