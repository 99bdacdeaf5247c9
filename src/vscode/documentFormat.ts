import type * as vscode from 'vscode';
import type { WriteupFormat } from '../core/model/writeup';
import { formatOf } from '../core/readers/format';

/** A document's writeup format: its language first, then its file name; undefined for neither. */
export function documentFormat(document: vscode.TextDocument): WriteupFormat | undefined {
  if (document.languageId === 'latex' || document.languageId === 'markdown') return document.languageId;
  return formatOf(document.fileName);
}
