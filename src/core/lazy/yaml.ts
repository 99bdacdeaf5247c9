// yaml, loaded on first use (see ../lazy/index.ts).
export { isMap, isScalar, parseDocument } from 'yaml';
