import * as vscode from 'vscode';

/** Host-independent helpers (Web APIs that Node 20 has too). */

/** A fresh nonce for a webview's scripts: 18 random bytes, base64. */
export function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** UTF-8 text as base64 (for `data:` URIs) without Node's Buffer. */
export function base64OfText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The open document at a core path, if any (`pathOf` maps a URI to the host's path). */
export function openDocumentAt(path: string, pathOf: (uri: vscode.Uri) => string, isLocal: (uri: vscode.Uri) => boolean): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => isLocal(d.uri) && pathOf(d.uri) === path);
}

/** A URI string (`scheme://...`), as opposed to a file system path (`/a`, `C:\a`). */
export function isUriString(path: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path);
}
