/**
 * LANGUAGE.md 1.1 "Severities and channels as the helpdesk records them":
 * a log value equal to a `matches` value (any case, trimmed) means that
 * severity or channel, applied when the log is read. Names themselves are
 * compared exactly, as in 1.0; anything else stays an invalid row.
 *
 * ```
 * channel Email { matches "email", "mail" }   channel Portal { matches "web", "web form" }   channel Phone { }
 * severity P1 { matches "urgent" }   severity P2 { matches "high" }   severity P3 { matches "normal", "low" default }
 * metric FirstResponse { measures first response clock Utc target P1 30 minutes target 60 minutes }
 * ```
 */
import { describe, expect, it } from 'vitest';
import { checkEvents, InvalidLogError } from '../../runtime/check/events.js';
import { checkRows, metric, minutes, model, ticketOf, type Row } from './model-check.js';

const AGREEMENT = model([metric('FirstResponse', 'firstResponse', { target: minutes(60), targets: { P1: minutes(30) } })]);

const ticket = (created: Record<string, string>, more: Row[] = []) => ticketOf(checkRows(AGREEMENT, [['T', '10:00', 'created', created], ...more]), 'T');

describe('matches: log values that mean a severity or channel', () => {
  it.each([
    ['"urgent" is P1', { severity: 'urgent' }, 'P1'],
    ['" URGENT " is P1 (any case, trimmed)', { severity: ' URGENT ' }, 'P1'],
    ['"High" is P2', { severity: 'High' }, 'P2'],
    ['the name P1 is still P1', { severity: 'P1' }, 'P1'],
    ['no severity: the default P3', {}, 'P3'],
  ])('severity: %s', (_name, created, severity) => {
    expect(ticket(created).severity).toBe(severity);
  });

  it.each([
    ['"web form" is Portal', 'web form', 'Portal'],
    ['"Web Form" is Portal', 'Web Form', 'Portal'],
    ['"EMAIL" is Email', 'EMAIL', 'Email'],
    ['" mail " is Email', ' mail ', 'Email'],
    ['the name Phone is Phone', 'Phone', 'Phone'],
  ])('channel: %s', (_name, channel, expected) => {
    expect(ticket({ channel }).channel).toBe(expected);
  });

  it('a matched severity sets the target: "urgent" gets P1\'s 30 minutes', () => {
    const verdict = ticket({ severity: 'urgent' }, [['T', '10:40', 'reply', { author: 'agent' }]]).metrics.FirstResponse;
    expect(verdict).toMatchObject({ status: 'breached', elapsedMinutes: 40, targetMinutes: 30 });
  });

  it('a severity row with a matched value changes the severity: "urgent" makes it P1', () => {
    expect(ticket({}, [['T', '10:05', 'severity', { severity: 'urgent' }]]).severity).toBe('P1');
  });
});

describe('values that match nothing stay invalid rows, named by line and key', () => {
  const errorsOf = (rows: Row[]): string => {
    try {
      checkRows(AGREEMENT, rows);
    } catch (error) {
      if (error instanceof InvalidLogError) return error.message;
      throw error;
    }
    return '';
  };

  it('an unknown severity: SLA4004', () => {
    expect(errorsOf([['T', '10:00', 'created', { severity: 'asap' }]])).toMatch(/events:1: key 'severity': 'asap' .*\[SLA4004\]/);
  });

  it('a name in another case is not a match value: "p1" is an error that suggests P1', () => {
    expect(errorsOf([['T', '10:00', 'created', { severity: 'p1' }]])).toMatch(/events:1: key 'severity': 'p1' .*did you mean 'P1'.*\[SLA4004\]/);
  });

  it('an unknown channel: SLA4005, on any row', () => {
    expect(errorsOf([['T', '10:00', 'created'], ['T', '10:10', 'reply', { author: 'agent', channel: 'fax' }]])).toMatch(/events:2: key 'channel': 'fax' .*\[SLA4005\]/);
  });

  it('with skipInvalid the row is skipped and counted', () => {
    const rows = [['T', '10:00', 'created', { channel: 'web' }], ['T', '10:10', 'reply', { author: 'agent', channel: 'fax' }]] as Row[];
    const events = rows.map(([id, time, event, extra]) => ({ ticket: id, time: `2026-03-02T${time}:00Z`, event, ...extra }));
    const report = checkRowsSkipping(events);
    expect(report.invalidRows).toBe(1);
    expect(ticketOf(report, 'T').channel).toBe('Portal');
  });
});

function checkRowsSkipping(events: Record<string, unknown>[]) {
  return checkEvents(AGREEMENT, events, { skipInvalid: true });
}
