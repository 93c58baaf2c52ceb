import { describe, expect, it } from 'vitest';
import { printablePath } from '../../../language/diagnostics/diagnostic.js';
import { renderPortfolioText, type ClientText } from '../../../runtime/report/portfolio.js';
import { renderText } from '../../../runtime/report/text.js';
import { sampleBuilder } from './sample.js';

// Every name and id the text reports print (client, agreement, file, ticket,
// severity, metric) is shown through `printable`, wherever in the report it
// is: a control character cannot drive the terminal nor forge a line.

/** Any control character but the line feeds that end report lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

const controls = [
  { name: 'ESC', character: '\u001b', shown: '\\u{1b}' },
  { name: 'BEL', character: '\u0007', shown: '\\u{7}' },
  { name: 'CR', character: '\r', shown: '\\u{d}' },
  { name: 'LF', character: '\n', shown: '\\u{a}' },
  { name: 'C1 CSI', character: '\u009b', shown: '\\u{9b}' },
  { name: 'U+2028', character: '\u2028', shown: '\\u{2028}' },
  // Bidirectional controls reorder how the rest of the line is shown ("Trojan Source").
  { name: 'RLO', character: '\u202e', shown: '\\u{202e}' },
  { name: 'RLI', character: '\u2067', shown: '\\u{2067}' },
  { name: 'PDI', character: '\u2069', shown: '\\u{2069}' },
  { name: 'RLM', character: '\u200f', shown: '\\u{200f}' },
  { name: 'ALM', character: '\u061c', shown: '\\u{61c}' },
];

function summary() {
  const builder = sampleBuilder();
  return { builder, summary: builder.finish({ invalidRows: 0, skipped: [] }) };
}

describe('the portfolio text report', () => {
  it.each(controls)('shows a client, agreement and file with $name escaped in the section header', ({ character, shown }) => {
    const { builder, summary: report } = summary();
    const client: ClientText = {
      client: `X${character}[2J`,
      agreement: `A${character}`,
      path: `a${character}.sla`,
      summary: report,
      setsCredits: true,
      text: renderText(report, builder.breaches()),
    };
    const unassigned = { invalidRows: 1, skipped: [{ file: `t${character}.csv`, line: 3, code: 'SLA4030', message: 'no client' }] };
    const text = renderPortfolioText(`P${character}`, report.asOf, [client], unassigned);
    expect(text).toContain(`== Client X${shown}[2J: agreement A${shown} (a${shown}.sla) ==\n`);
    expect(text).toContain(`Portfolio P${shown}\n`);
    // The file is named as in the log's error lines (printablePath: `\r` for a CR), the code after the message.
    expect(text).toContain(`  ${printablePath(`t${character}.csv`)}:3: no client [SLA4030]\n`);
    expect(text).not.toMatch(RAW_CONTROL);
  });
});

describe('the text report', () => {
  it.each(controls)('shows a ticket, severity and metric with $name escaped in the review triggers', ({ character, shown }) => {
    const { builder, summary: report } = summary();
    const triggers = [
      { kind: 'breach' as const, ticket: `T${character}1`, severity: `S${character}`, metrics: [`M${character}`] },
      { kind: 'uptime' as const, metric: `U${character}`, period: '2026-11', uptime: null, objective: null },
    ];
    const text = renderText({ ...report, review: { ...report.review, triggers } }, builder.breaches());
    expect(text).toContain(`  also due: ticket T${shown}1 (S${shown}) breached M${shown}\n`);
    expect(text).toContain(`  also due: U${shown} missed its objective in 2026-11\n`);
    expect(text).not.toMatch(RAW_CONTROL);
  });
});
