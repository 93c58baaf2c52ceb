import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UserError } from '../user-error.js';

/** `slac lsp --stdio`: the language server for editors, over stdin/stdout. */
export function registerLsp(program: Command, _context: CommandContext): void {
  program
    .command('lsp')
    .description('Run the .sla language server for editors (VS Code, Neovim, Helix, Emacs).')
    .option('--stdio', 'talk JSON-RPC over standard input and output (the only transport)')
    .action(async (options: { stdio?: boolean }) => {
      if (!options.stdio) throw new UserError('slac lsp needs --stdio: editors start it as `slac lsp --stdio`.');
      // Importing the entry module starts the server; it runs until the
      // editor sends `exit` or closes standard input.
      await import('../../lsp/server/stdio.js');
      await new Promise<void>((resolve) => process.stdin.once('close', resolve));
    });
}
