import { loadBundledPacks } from '../../core/courses/loader';
import type { CliCommand } from '../command';
import { createCiteCommand } from './cite';
import { coursesCommand } from './courses';
import { exportCommand } from './export';
import { importCourseCommand } from './import-course';
import { createLintCommand } from './lint';
import { createNewCommand } from './new';
import { outlineCommand } from './outline';
import { pagesCommand } from './pages';

/** Every subcommand, in the order `writeup --help` lists them. Add new ones here. */
export const commands: readonly CliCommand[] = [createCiteCommand(loadBundledPacks), pagesCommand, createLintCommand(loadBundledPacks), createNewCommand(loadBundledPacks), coursesCommand, importCourseCommand, outlineCommand, exportCommand];
