import type { Command, Option } from 'commander';
import { UserError } from './user-error.js';

/**
 * An option given twice (`--period 2026-03 --period 2026-04`, `-o a.json
 * --output b.json`) kept its last value without a word, and the user read
 * a report of one period believing it covered another. Only an option made
 * to repeat (`--param`, whose values are gathered in a list) may be given
 * again; any other that takes a value is refused at its second use. A flag
 * without a value (`--strict`) says the same thing twice, and is let be.
 */
export function refuseRepeatedOptions(command: Command): void {
  const given = new Map<string, string>();
  for (const option of command.options) {
    if (!takesValue(option) || repeatable(option)) continue;
    const name = option.name();
    command.on(`option:${name}`, (value: unknown) => {
      const first = given.get(name);
      if (first !== undefined) throw new UserError(`${option.long ?? option.short} is given twice (${first}, then ${String(value)}); give it once.`);
      given.set(name, String(value));
    });
  }
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

/** A variadic option, or one whose values are gathered (its default is a list). */
function repeatable(option: Option): boolean {
  return option.variadic || Array.isArray(option.defaultValue);
}
