import { editCase } from './_edit';

/** One keystroke in an open 100-page writeup (tex) to fresh diagnostics and page estimate, reading included. */
export default editCase('edit-100p-tex', 'tex', 100);
