import * as vscode from 'vscode';
import type { Position, Range } from '../core/model/range';

/**
 * Conversions between the core's plain data and VS Code's types. Every adapter converts here;
 * add functions, keep them one-liners.
 */

/** Core position -> VS Code position. */
export function toVsPosition(p: Position): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

/** Core range -> VS Code range. */
export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** VS Code position -> core position. */
export function fromVsPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

/** VS Code range -> core range. */
export function fromVsRange(r: vscode.Range): Range {
  return { start: fromVsPosition(r.start), end: fromVsPosition(r.end) };
}
