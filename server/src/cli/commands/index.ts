/**
 * The commands of `diplonote`, in the order the help lists them. A new command is one file that calls
 * `defineCommand` (see ../definition.ts) and one line here.
 */
import type { Command } from '../definition';
import { alignCommand } from './align';
import { annotationsCommand } from './annotations';
import { checkCommand } from './check';
import { concordanceCommand } from './concordance';
import { exportCommand } from './export';
import { glossaryCommand } from './glossary';
import { indexCommand } from './indexCorpus';
import { outlineCommand } from './outline';
import { statsCommand } from './stats';

export const COMMANDS: readonly Command[] = [outlineCommand, alignCommand, checkCommand, exportCommand, statsCommand, indexCommand, annotationsCommand, concordanceCommand, glossaryCommand];
