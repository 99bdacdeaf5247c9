// fuzzysort, loaded on first use (see ../lazy/index.ts).
export { default as fuzzysort } from 'fuzzysort';
