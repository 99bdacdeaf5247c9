import { lintCase } from './_lint';

/** Full lint of a generated 100-page writeup, model already read (goal: median <= 50 ms). */
export default lintCase('lint-100p', 100);
