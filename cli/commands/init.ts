import { Argument, Option, type Command } from 'commander';
import { ImportSummary } from '../../import/import-summary.js';
import { TableReadError } from '../../import/table-reader.js';
import { draftAgreement } from '../../import/zendesk-tables/draft-agreement.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import { checkOutputPath, refuseEmptyOutput, refuseOverwritingInput, refuseStdin, standardOutputAsDefault, writeOutputFile } from '../files.js';
import type { CommandContext } from '../main.js';
import { UserError } from '../user-error.js';
import { expandInputs } from './import.js';

interface InitOptions {
  from: 'zendesk-tables';
  output?: string;
}

/** `slac init --from zendesk-tables DIR`: a draft `.sla` from a helpdesk's schedules and SLA policies. */
export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description("Write a draft agreement from a helpdesk's schedules, holidays and SLA policies, to edit before use.")
    .addOption(new Option('--from <source>', 'the helpdesk export').choices(['zendesk-tables']).makeOptionMandatory())
    .addArgument(new Argument('<files...>', 'the exported tables, or a folder holding them'))
    .option('-o, --output <file>', "write the draft to this .sla file instead of stdout ('-' is stdout)")
    .action(async (files: string[], given: InitOptions) => {
      const { io } = context;
      const options = standardOutputAsDefault(given);
      refuseStdin(files);
      refuseEmptyOutput(options.output);
      const expanded = expandInputs(files, io.cwd, { extensions: ['.csv'] });
      const inputs = expanded.files;
      const output = options.output === undefined ? undefined : absoluteFile(options.output, io.cwd);
      if (output !== undefined) {
        checkOutputPath(output, options.output!);
        // As slac import does: the draft written over an exported table would lose it.
        refuseOverwritingInput(output, options.output!, inputs.map((input) => ({ path: input.path, what: 'one of the exported files' })));
      }
      const summary = new ImportSummary();
      summary.noteInputs(expanded);
      let draft: string;
      try {
        draft = await draftAgreement(inputs, summary);
      } catch (error) {
        if (error instanceof TableReadError) throw new UserError(`${error.message}.`);
        throw error;
      }
      if (output === undefined) io.stdout(draft);
      else writeOutputFile(output, options.output!, draft);
      io.stderr(`slac init: a draft agreement from ${options.from}; ${summary.skippedCount} row${summary.skippedCount === 1 ? '' : 's'} skipped\n${summary.renderAccount()}`);
    });
}
