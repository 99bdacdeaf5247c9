// Reading a course page into a pack (with htmlparser2), loaded on first use (see ../lazy/index.ts).
export { importCoursePage } from '../courses/import/index';
