// Ajv and the course-pack schema it checks user packs against, loaded on first use (see ../lazy/index.ts).
export { default as Ajv } from 'ajv';
export { default as coursePackSchema } from '../../../schemas/course-pack.schema.json';
