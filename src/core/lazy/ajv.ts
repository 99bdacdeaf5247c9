// Ajv, loaded on first use (see ../lazy/index.ts).
export { default as Ajv } from 'ajv';
