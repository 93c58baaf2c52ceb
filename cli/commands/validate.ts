import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UserError } from '../user-error.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerValidate(program: Command, _context: CommandContext): void {
  program
    .command('validate')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('slac validate is not built yet.');
    });
}
