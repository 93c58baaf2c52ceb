import { Command, CommanderError } from 'commander';
import { printableText } from '../language/diagnostics/diagnostic.js';
import { printableStack } from '../language/diagnostics/printable-stack.js';
import { processIo, type CliIo } from './io.js';
import { stoppingBySignal } from './signals.js';
import { refuseEmptyPaths } from './empty-paths.js';
import { refuseRepeatedOptions } from './repeated-options.js';
import { UserError } from './user-error.js';

/** Each command sets the exit code it wants through this holder. */
export interface CommandContext {
  io: CliIo;
  exitCode: number;
}

/** Exit status of a bug in slac (EX_SOFTWARE), distinct from 2 for bad input. */
export const INTERNAL_ERROR_EXIT = 70;

/** Adds a command (its options, help and action) to the program. */
type RegisterCommand = (program: Command, context: CommandContext) => void;

/**
 * The commands, in the order `slac --help` lists them, each loaded only
 * when needed: the build splits the bundle at these imports
 * (scripts/build-steps/cli-bundle.mjs), and compiling the whole bundle cost
 * more start-up than `slac import` or `slac validate` of a small file needs
 * (the compiler, charts, PDF and LSP code are most of it).
 */
const COMMANDS: readonly { name: string; load: () => Promise<RegisterCommand> }[] = [
  { name: 'validate', load: async () => (await import('./commands/validate.js')).registerValidate },
  { name: 'fmt', load: async () => (await import('./commands/fmt.js')).registerFmt },
  { name: 'compile', load: async () => (await import('./commands/compile.js')).registerCompile },
  { name: 'check', load: async () => (await import('./commands/check.js')).registerCheck },
  { name: 'report', load: async () => (await import('./commands/report.js')).registerReport },
  { name: 'explain', load: async () => (await import('./commands/explain.js')).registerExplain },
  { name: 'lsp', load: async () => (await import('./commands/lsp.js')).registerLsp },
  { name: 'import', load: async () => (await import('./commands/import.js')).registerImport },
  { name: 'init', load: async () => (await import('./commands/init.js')).registerInit },
];

/**
 * The program for `argv`: only the command it runs when it starts with a
 * command's name (a command's parsing, help and errors do not depend on the
 * others), every command otherwise (the general help, `slac help NAME`,
 * an unknown command).
 */
async function buildProgram(context: CommandContext, argv: readonly string[]): Promise<Command> {
  const program = new Command('slac')
    .description('SLA contracts as code: validate, format, compile and check .sla agreements.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
      // Commander says "error: ..."; every slac message starts with "slac:".
      // It quotes the arguments as typed: control characters in them (an
      // escape sequence) are written as slac writes them everywhere else.
      outputError: (text, write) => write(printableLines(text.replace(/^error: /, 'slac: '))),
    })
    .showHelpAfterError("Run 'slac --help' for the commands.")
    // Each command listed as its own help gives its usage: commander builds the list from the
    // arguments, and `slac explain <agreement> <log...> <ticket>` cannot declare its logs variadic.
    .configureHelp({ subcommandTerm: (command) => `${command.name()} ${command.usage()}` });
  const named = COMMANDS.find((command) => command.name === argv[0]);
  // `slac --version` alone needs no command: loading them all took it from about 0.15 s to 0.8 s.
  const versionOnly = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
  const wanted = versionOnly ? [] : named === undefined ? COMMANDS : [named];
  const registers = await Promise.all(wanted.map((command) => command.load()));
  for (const register of registers) register(program, context);
  for (const command of program.commands) {
    // A short pointer after a bad option, not the whole help page.
    command.showHelpAfterError(`Run 'slac ${command.name()} --help' for its options.`);
    refuseRepeatedOptions(command);
    refuseEmptyPaths(command);
  }
  return program;
}

/** Each line of a message made printable (`printableText`), its line breaks kept. */
function printableLines(text: string): string {
  return text.split('\n').map(printableText).join('\n');
}

/** `slac help NAME` with an unknown NAME would print the general help as if all were well. */
function checkHelpTopic(program: Command, argv: readonly string[]): void {
  if (argv[0] !== 'help' || argv[1] === undefined || argv[1].startsWith('-')) return;
  if (program.commands.some((command) => command.name() === argv[1] || command.aliases().includes(argv[1]!))) return;
  const names = program.commands.map((command) => command.name()).join(', ');
  throw new UserError(`unknown command '${argv[1]}'; the commands are ${names}.`);
}

/**
 * A bug: a short message asking for a report, then the stack for whoever
 * fixes it. The message may quote a path or a value from the input, so it
 * is escaped as a user error's is, in both places it is printed.
 */
function reportInternalError(error: unknown, io: CliIo): number {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? printableStack(error, error.stack) : printableText(message);
  io.stderr(
    `slac: internal error: ${printableText(message)}\n` +
      'This is a bug in slac, not a problem with your files. Please report it to the slac maintainers\n' +
      'with the command you ran, the input if you can share it, and the details below.\n\n' +
      `${stack}\n`,
  );
  return INTERNAL_ERROR_EXIT;
}

/**
 * Runs the CLI with the given arguments and resolves to the exit status:
 * 0 fine, 1 a check found missed objectives (or `fmt --check` found changes),
 * 2 bad input or bad usage, 70 a bug in slac. User errors are printed as one
 * clear message; anything else is a bug and is reported with its stack trace.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const context: CommandContext = { io, exitCode: 0 };
  try {
    // Commander treats `help help` as an unknown topic; it is the general help.
    const args = argv[0] === 'help' && argv[1] === 'help' ? ['--help'] : argv;
    const program = await buildProgram(context, args);
    checkHelpTopic(program, args);
    await program.parseAsync(args, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    // Stopped by SIGTERM or Ctrl-C: the signal handler closes the browser and exits with 128 + the signal.
    if (stoppingBySignal()) await new Promise<never>(() => undefined);
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UserError) {
      // The message names files and options as given, which may hold control characters.
      io.stderr(`slac: ${printableText(error.message)}\n`);
      return error.exitCode;
    }
    return reportInternalError(error, io);
  }
}
