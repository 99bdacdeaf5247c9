// The bundled course packs' JSON, loaded on first use (see ../lazy/index.ts).
export { bundledPackData } from '../courses/packs/index';
