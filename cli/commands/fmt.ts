import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UserError } from '../user-error.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerFmt(program: Command, _context: CommandContext): void {
  program
    .command('fmt')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('slac fmt is not built yet.');
    });
}
