import { describe, expect, it } from 'vitest';
import { analyze } from '../../language/workspace/index.js';
import type { SourceHost } from '../../language/workspace/source-host.js';
import { readIcalLines } from '../../language/holidays/ical-lines.js';

// Source text quoted in a message stays on one line: a line break or another
// control character in a string is shown as an escape, never printed raw.

function diagnosticsOf(text: string): { code: string; message: string }[] {
  const host: SourceHost = { readFile: (file) => (file === '/m/entry.sla' ? text : undefined) };
  return analyze('/m/entry.sla', host).diagnostics.map(({ code, message }) => ({ code, message }));
}

const calendarWithHolidays = (code: string): string =>
  `calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n  holidays "${code}"\n}\n`;

describe('user text in messages', () => {
  it.each([
    { written: 'US\\n', shown: "Unknown holiday code 'US\\n'." },
    { written: 'US\t', shown: "Unknown holiday code 'US\\t'." },
    { written: 'U\u001bS', shown: "Unknown holiday code 'U\\u{1b}S'." },
    { written: 'US\u2028', shown: "Unknown holiday code 'US\\u{2028}'." },
    // A bidirectional control would reorder how the rest of the message is shown.
    { written: 'U\u202eS', shown: "Unknown holiday code 'U\\u{202e}S'." },
    { written: 'U\u2067S\u2069', shown: "Unknown holiday code 'U\\u{2067}S\\u{2069}'." },
    // A no-break or zero-width space would read as a plain space or as nothing.
    { written: 'U\u00a0S', shown: "Unknown holiday code 'U\\u{a0}S'." },
    { written: 'U\u200bS\ufeff', shown: "Unknown holiday code 'U\\u{200b}S\\u{feff}'." },
    // Half of a surrogate pair is no character: a UTF-8 JSON client refuses it.
    { written: 'U\ud83dS', shown: "Unknown holiday code 'U\\u{d83d}S'." },
    { written: 'US\ude00', shown: "Unknown holiday code 'US\\u{de00}'." },
  ])('SLA3039 shows the holiday code "$shown"', ({ written, shown }) => {
    const found = diagnosticsOf(calendarWithHolidays(written)).filter((d) => d.code === 'SLA3039');
    expect(found).toHaveLength(1);
    expect(found[0]!.message.startsWith(shown)).toBe(true);
    expect(found[0]!.message).not.toMatch(/[\u0000-\u001f\u2028]/);
  });

  it.each([
    { written: '\ud83d', shown: "Unexpected character '\\u{d83d}'." },
    { written: '\ude00', shown: "Unexpected character '\\u{de00}'." },
    // A whole pair is a character and stays as it is.
    { written: '\ud83d\ude00', shown: "Unexpected character '\ud83d\ude00'." },
  ])('SLA1001 shows the character as "$shown"', ({ written, shown }) => {
    const found = diagnosticsOf(`term "a" "b"\n${written}\n`).filter((d) => d.code === 'SLA1001');
    expect(found.map((d) => d.message)).toEqual([shown]);
  });

  it('shows a term with a line break escaped in SLA3049', () => {
    const found = diagnosticsOf('term "a\\nb" "one"\nterm "a\\nb" "two"\n').filter((d) => d.code === 'SLA3049');
    expect(found.map((d) => d.message)).toEqual(["The term 'a\\nb' is defined twice."]);
  });
});

// A long token or iCalendar line quoted in a message is cut short. The cut
// fell at a fixed count of UTF-16 code units, so an emoji across it left
// half a surrogate pair in the message: shown as U+FFFD by a terminal,
// refused by a client decoding JSON into UTF-8. The cut now keeps whole
// characters.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('a quoted text cut short', () => {
  const longString = `"${'a'.repeat(25)}😀 tail"`;
  it.each([
    { where: 'at the top level', text: `${longString}\n` },
    { where: 'where weekdays are due', text: `calendar C {\n  timezone "UTC"\n  hours ${longString}\n}\n` },
  ])('keeps an emoji whole in a syntax error $where', ({ text }) => {
    const messages = diagnosticsOf(text).filter((d) => d.code.startsWith('SLA10')).map((d) => d.message);
    expect(messages.some((message) => message.includes(`"${'a'.repeat(25)}...`))).toBe(true);
    for (const message of messages) expect(message).not.toMatch(loneSurrogate);
  });

  it('keeps an emoji whole in an iCalendar line that is not a property line', () => {
    const result = readIcalLines(`BEGIN:VCALENDAR\r\n${'x'.repeat(36)}😀 not a property line\r\nEND:VCALENDAR\r\n`);
    expect('problem' in result ? result.problem.reason : undefined).toBe(`'${'x'.repeat(36)}...' is not a property line (NAME:value)`);
  });
});
