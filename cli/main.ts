import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerCompile } from './commands/compile.js';
import { registerFmt } from './commands/fmt.js';
import { registerLsp } from './commands/lsp.js';
import { registerValidate } from './commands/validate.js';
import { processIo, type CliIo } from './io.js';
import { UserError } from './user-error.js';

/** Each command sets the exit code it wants through this holder. */
export interface CommandContext {
  io: CliIo;
  exitCode: number;
}

function buildProgram(context: CommandContext): Command {
  const program = new Command('slac')
    .description('SLA contracts as code: validate, format, compile and check .sla agreements.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (text) => context.io.stdout(text), writeErr: (text) => context.io.stderr(text) })
    .showHelpAfterError();
  registerValidate(program, context);
  registerFmt(program, context);
  registerCompile(program, context);
  registerCheck(program, context);
  registerLsp(program, context);
  return program;
}

/**
 * Runs the CLI with the given arguments and resolves to the exit status.
 * User errors are printed as one clear message; anything else is a bug and
 * keeps its stack trace.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const context: CommandContext = { io, exitCode: 0 };
  try {
    await buildProgram(context).parseAsync(argv, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UserError) {
      io.stderr(`slac: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
