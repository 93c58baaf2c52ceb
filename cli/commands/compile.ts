import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UserError } from '../user-error.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerCompile(program: Command, _context: CommandContext): void {
  program
    .command('compile')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('slac compile is not built yet.');
    });
}
