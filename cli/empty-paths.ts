import type { Command } from 'commander';
import { UserError } from './user-error.js';

/**
 * An empty path (`slac fmt ''`, a shell variable left unset) resolves to
 * the current folder, and the user read "cannot read : it is a folder" or
 * " holds no .csv files" about a folder they never named. Every path a
 * command takes is refused when empty, before any work, saying what to name.
 */

/** One kind of path argument: what it is (none when the command takes no other) and what to name instead. */
interface PathKind {
  what?: string;
  name: string;
}

const SLA_FILE: PathKind = { name: 'a .sla file' };
const AGREEMENT: PathKind = { what: 'the agreement', name: 'a .sla or .sla.json file' };
const TICKET_LOG: PathKind = { what: 'the ticket log', name: "its file (with --log-format, the export's files or folders)" };

/**
 * Each command's positional arguments, in order: a path kind, or null for
 * one that is no path (import's source). The last kind stands for every
 * further argument, except explain's ticket id, always the last one.
 */
const POSITIONAL_PATHS: Record<string, { kinds: readonly (PathKind | null)[]; lastIsNoPath?: boolean }> = {
  validate: { kinds: [SLA_FILE] },
  fmt: { kinds: [SLA_FILE] },
  compile: { kinds: [SLA_FILE] },
  check: { kinds: [AGREEMENT, TICKET_LOG] },
  report: { kinds: [AGREEMENT, TICKET_LOG] },
  explain: { kinds: [AGREEMENT, TICKET_LOG], lastIsNoPath: true },
  import: { kinds: [null, { name: 'an exported file or a folder holding them' }] },
  init: { kinds: [{ name: 'an exported table or a folder holding them' }] },
};

/** Options that take an input path (an empty `-o` is refused by refuseEmptyOutput). */
const PATH_OPTIONS: Record<string, PathKind> = {
  outages: { what: '--outages', name: 'the outage log file' },
  notes: { what: '--notes', name: 'a Markdown file' },
};

/** Refuses, before `command` runs, any of its path arguments or options given as ''. */
export function refuseEmptyPaths(command: Command): void {
  command.hook('preAction', (_program, action) => {
    const empty = emptyPathKind(action.name(), action.args, action.opts());
    if (empty === undefined) return;
    const forWhat = empty.what === undefined ? '' : ` for ${empty.what}`;
    throw new UserError(`${action.name()}: an empty path was given${forWhat}; name ${empty.name}.`);
  });
}

function emptyPathKind(name: string, args: readonly string[], options: Record<string, unknown>): PathKind | undefined {
  const positional = POSITIONAL_PATHS[name];
  if (positional !== undefined) {
    const { kinds, lastIsNoPath } = positional;
    const paths = lastIsNoPath === true ? args.slice(0, -1) : args;
    const kind = paths.map((arg, index) => (arg === '' ? kinds[Math.min(index, kinds.length - 1)] : null)).find((found) => found);
    if (kind) return kind;
  }
  return Object.entries(PATH_OPTIONS).find(([option]) => options[option] === '')?.[1];
}
