import { previewCase } from './_edit';

/** One keystroke in an open 100-page LaTeX writeup to new preview HTML (read, estimate, render). */
export default previewCase('preview-100p-tex', 'tex', 100);
