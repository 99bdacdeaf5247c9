import { editCase } from './_edit';

/** One keystroke in an open 100-page writeup (md) to fresh diagnostics and page estimate, reading included. */
export default editCase('edit-100p-md', 'md', 100);
