import { editCase } from './_edit';

/** One keystroke in an open 10-page writeup (md) to fresh diagnostics and page estimate, reading included. */
export default editCase('edit-10p-md', 'md', 10);
