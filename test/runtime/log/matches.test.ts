/**
 * `matches` (1.1) is applied when a row is read: the validated row holds the
 * severity's name and the channel's index, so nothing after reading sees the
 * helpdesk's own words.
 */
import { describe, expect, it } from 'vitest';
import { emptyValidRow, validateTicketRow, vocabularyOf, type TicketRowValues } from '../../../runtime/log/index.js';
import type { LogError } from '../../../runtime/log/log-error.js';
import { supportModel } from '../check/fixture-model.js';

const model = {
  ...supportModel,
  severities: [
    { name: 'Critical', isDefault: false, matches: ['urgent', 'Highest'] },
    { name: 'Standard', isDefault: true, matches: ['normal'] },
  ],
  channels: [
    { name: 'Email', matches: ['email', 'web form'] },
    { name: 'Chat', matches: [] },
    // A value claimed twice (the checker rejects it): the first declaration keeps it.
    { name: 'Phone', matches: ['email', 'call'] },
  ],
};
const vocabulary = vocabularyOf(model);

function read(values: Partial<TicketRowValues>): { severity?: string; channel?: number; errors: string[] } {
  const row = emptyValidRow();
  const errors: LogError[] = [];
  const ok = validateTicketRow({ ticket: 'T', time: '2026-03-02T10:00:00Z', event: 'created', severity: undefined, channel: undefined, status: undefined, author: undefined, level: undefined, ...values }, 'log.csv', 2, vocabulary, row, errors);
  return ok ? { severity: row.value, channel: row.channel, errors: [] } : { errors: errors.map((error) => `${error.key} ${error.code}`) };
}

describe('matches when reading a row', () => {
  it.each([
    ['urgent', 'Critical'],
    ['HIGHEST', 'Critical'],
    ['  Normal ', 'Standard'],
    ['Critical', 'Critical'],
  ])('severity %j reads as %s', (severity, expected) => {
    expect(read({ severity }).severity).toBe(expected);
  });

  it.each([
    ['web form', 0],
    ['WEB FORM', 0],
    ['email', 0],
    ['call', 2],
    ['Chat', 1],
  ])('channel %j reads as channel %i', (channel, expected) => {
    expect(read({ channel }).channel).toBe(expected);
  });

  it('a severity row takes a matches value too', () => {
    expect(read({ event: 'severity', severity: 'urgent' }).severity).toBe('Critical');
  });

  it.each([
    ['severity', { severity: 'critical' }, 'severity SLA4004'],
    ['severity', { severity: 'blocker' }, 'severity SLA4004'],
    ['channel', { channel: 'chat ' }, 'channel SLA4005'],
    ['channel', { channel: 'fax' }, 'channel SLA4005'],
  ])('an unmatched %s is an error: %j', (_key, values, expected) => {
    expect(read(values).errors).toEqual([expected]);
  });
});
