import { lintCase } from './_lint';

/** Full lint of a generated 10-page writeup, model already read (goal: median <= 5 ms). */
export default lintCase('lint-10p', 10);
