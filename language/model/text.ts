import type { DurationLiteral, Text } from '../syntax/ast.js';
import type { DurationModel, DurationUnit } from './model.js';

/**
 * Removes the indentation common to every non-blank line and the blank
 * lines around the text, like a Python docstring. Idempotent, so it is safe
 * on text the parser has already dedented.
 */
export function dedent(text: string): string {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  // Indexes and a loop, not shift() and Math.min(...): a block of 125,000 lines overflowed the stack.
  let first = 0;
  let end = all.length;
  while (first < end && all[first]!.trim() === '') first++;
  while (end > first && all[end - 1]!.trim() === '') end--;
  const lines = all.slice(first, end);
  let common = Infinity;
  for (const line of lines) if (line.trim() !== '') common = Math.min(common, /^[ \t]*/.exec(line)![0].length);
  if (common === Infinity) common = 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(common).trimEnd())).join('\n');
}

/** The value of a string or a text block (dedented), or '' when missing. */
export function textOf(text: Text | undefined): string {
  if (!text) return '';
  return text.kind === 'TextBlock' ? dedent(text.value) : text.value;
}

/** `FirstResponse` -> `First response`; acronyms stay as written (`SLAUptime` -> `SLA uptime`). */
export function titleFromName(name: string): string {
  const words = name
    .replace(/_+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/\s+/)
    .filter((word) => word !== '');
  return words
    .map((word, index) => {
      if (index === 0) return word[0]!.toUpperCase() + word.slice(1);
      return /^[A-Z0-9]+$/.test(word) && word.length > 1 ? word : word.toLowerCase();
    })
    .join(' ');
}

const units: Record<string, { unit: DurationUnit; minutes?: number }> = {
  minute: { unit: 'minutes', minutes: 1 },
  hour: { unit: 'hours', minutes: 60 },
  day: { unit: 'days', minutes: 1440 },
  'business day': { unit: 'businessDays' },
  week: { unit: 'weeks', minutes: 10080 },
  month: { unit: 'months' },
};

/** A duration of the model: the amount, its unit, and its minutes of open time where fixed. */
export function durationModel(duration: DurationLiteral | undefined): DurationModel {
  const amount = duration?.amount ?? 0;
  const unit = units[duration?.unit ?? 'minute']!;
  const model: DurationModel = { amount, unit: unit.unit, text: duration?.text ?? '' };
  if (unit.minutes !== undefined) model.minutes = amount * unit.minutes;
  return model;
}
