import { describe, expect, it } from 'vitest';
import { MODEL_VERSION, PORTFOLIO_FORMAT, type AgreementModel, type PortfolioModel } from '../../language/model/model.js';
import { UnmentionedValues } from '../../runtime/check/unmentioned-values.js';
import { formatLogError, logError } from '../../runtime/log/log-error.js';
import { supportModel } from '../runtime/check/fixture-model.js';

/**
 * Statuses and priorities a helpdesk's rows use but the agreement never
 * mentions (issue 10): one line per value, with its count and first row.
 */

/** supportModel pauses on "Waiting on customer"; here a metric also pauses on "On hold", and Critical matches "urgent". */
const agreement: AgreementModel = {
  ...supportModel,
  severities: [
    { name: 'Critical', isDefault: false, matches: ['urgent', 'Highest'] },
    { name: 'Standard', isDefault: true, matches: [] },
  ],
  metrics: supportModel.metrics.map((metric) => (metric.name === 'Resolution' ? { ...metric, pause: { statuses: ['On hold'] } } : metric)),
};

type Row = ['status' | 'severity', string, number];

/** Feeds rows (kind, value, line) and gives each line printed, without the file. */
function diagnose(rows: Row[], model: AgreementModel | PortfolioModel = agreement, clients: (string | undefined)[] = []): string[] {
  const values = new UnmentionedValues(model, 'export');
  rows.forEach(([kind, value, line], index) => values[kind](value, clients[index], line));
  return values.diagnostics().map((error) => formatLogError(error).replace(/^export:/, ''));
}

describe('statuses the agreement never mentions', () => {
  const cases: [string, Row[], string[]][] = [
    ['mentioned ones, agreement-wide or of a metric, in any case and with blanks, give nothing', [['status', 'Waiting on customer', 1], ['status', ' waiting ON customer ', 2], ['status', 'on hold', 3]], []],
    [
      'one warning per value, with its count and first line, in order of first line',
      [['status', 'open', 4], ['status', 'solved', 2], ['status', 'open', 7], ['status', 'open', 9], ['status', 'Waiting on customer', 10]],
      [
        "2: warning: key 'status': 'solved' is in no `pause when status` of agreement Support, so it pauses no clock; 1 row uses it (the first here) [SLA4046]",
        "4: warning: key 'status': 'open' is in no `pause when status` of agreement Support, so it pauses no clock; 3 rows use it (the first here) [SLA4046]",
      ],
    ],
    [
      'values differing only in case are one value (as pause statuses compare them), named as first written',
      [['status', 'Open', 5], ['status', ' open', 6]],
      ["5: warning: key 'status': 'Open' is in no `pause when status` of agreement Support, so it pauses no clock; 2 rows use it (the first here) [SLA4046]"],
    ],
    ['a blank status is left to the log reader (a missing status)', [['status', '  ', 3]], []],
  ];
  it.each(cases)('%s', (_name, rows, expected) => expect(diagnose(rows)).toEqual(expected));
});

describe('priorities no severity maps', () => {
  const cases: [string, Row[], string[]][] = [
    ['names (exactly) and `matches` values (any case, trimmed) give nothing', [['severity', 'Critical', 1], ['severity', 'URGENT', 2], ['severity', ' highest ', 3], ['severity', 'Standard', 4]], []],
    [
      'one error per value with its count; a name in the wrong case gets a did-you-mean',
      [['severity', 'low', 8], ['severity', 'critical', 3], ['severity', 'low', 9], ['severity', 'low', 12]],
      [
        "3: key 'severity': 'critical' is neither a severity of agreement Support nor in any severity's `matches`; 1 row uses it (the first here), and it is an invalid row (did you mean 'Critical'?) [SLA4047]",
        "8: key 'severity': 'low' is neither a severity of agreement Support nor in any severity's `matches`; 3 rows use it (the first here), and they are invalid rows [SLA4047]",
      ],
    ],
  ];
  it.each(cases)('%s', (_name, rows, expected) => expect(diagnose(rows)).toEqual(expected));

  it('counts the rows it reports and covers their per-row errors (SLA4004), no others', () => {
    const values = new UnmentionedValues(agreement, 'export');
    values.severity('low', undefined, 1);
    values.severity('low', undefined, 2);
    values.status('open', undefined, 3);
    expect(values.unmappedSeverityRows).toBe(2);
    expect(values.covers({ code: 'SLA4004', key: 'severity', message: "'low' is not a severity of the agreement; expected one of Critical or Standard" })).toBe(true);
    expect(values.covers({ code: 'SLA4004', key: 'severity', message: "'lowest' is not a severity of the agreement; expected one of Critical or Standard" })).toBe(false);
    expect(values.covers({ code: 'SLA4010', key: 'ticket', message: "'low' ..." })).toBe(false);
  });

  // The per-row error quotes the value escaped (`'lo\tw'`): it is covered all the same, not printed again beside its SLA4047.
  it.each([
    ['a tab', 'lo\tw'],
    ['an escape sequence', 'low\u001b[2J'],
    ['a line feed', 'lo\nw'],
    ['more characters than a message quotes', `low${'w'.repeat(300)}`],
  ])('covers the per-row errors of a priority with %s', (_name, priority) => {
    const values = new UnmentionedValues(agreement, 'export');
    values.severity(priority, undefined, 1);
    const perRow = logError('SLA4004', 'export', 1, 'severity', { value: priority, expected: 'Critical or Standard', hint: '' });
    expect(values.covers(perRow)).toBe(true);
  });
});

describe('in a portfolio, each row against its own client agreement', () => {
  const strict: AgreementModel = { ...agreement, agreement: { name: 'Strict', effective: '2026-01-01' }, pause: { statuses: ['pending'] }, metrics: supportModel.metrics };
  const portfolio: PortfolioModel = {
    format: PORTFOLIO_FORMAT,
    version: MODEL_VERSION,
    name: 'Customers',
    clients: [{ names: ['Acme'], path: 'strict.sla', params: {}, agreement: strict }],
    others: { path: 'support.sla', params: {}, agreement },
    sources: [],
  };
  it('names the agreement; a value one agreement mentions is still counted for the other', () => {
    const rows: Row[] = [['status', 'pending', 1], ['status', 'pending', 2], ['status', 'On hold', 3], ['status', 'pending', 4]];
    expect(diagnose(rows, portfolio, [' acme', undefined, 'Acme', 'Globex'])).toEqual([
      "2: warning: key 'status': 'pending' is in no `pause when status` of agreement Support, so it pauses no clock; 2 rows use it (the first here) [SLA4046]",
      "3: warning: key 'status': 'On hold' is in no `pause when status` of agreement Strict, so it pauses no clock; 1 row uses it (the first here) [SLA4046]",
    ]);
  });

  it('rows of a client no agreement takes are left to the router (SLA4030)', () => {
    const { others: _others, ...noOthers } = portfolio;
    expect(diagnose([['status', 'open', 1], ['severity', 'low', 2]], noOthers, ['Globex', 'Globex'])).toEqual([]);
  });
});
