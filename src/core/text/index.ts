/**
 * Shared helpers with no knowledge of writeups, one copy each: the brace matcher, the line index (offsets <->
 * positions), paths (joining, resolving, staying inside the workspace, bibliography names), an
 * author's surname and an author-year citation's names as citations print them, TeX lengths (`texLength`: every TeX unit and
 * the relative widths) and edit distance (did-you-mean suggestions, typo'd keys). Import the file you need.
 */
export { closingBrace } from './braces';
export { citationNames } from './citationNames';
export { editDistance } from './distance';
export { keyValues } from './keyValues';
export { LineIndex } from './lineIndex';
export * from './paths';
export { surname } from './surname';
export { TEX_UNITS, texLength, type LengthFrame } from './texLength';
