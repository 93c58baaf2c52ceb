import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../language/parser/index.js';

/** Each snippet's mistakes, as `LINE:COL CODE` (1-based), in source order. */
const cases: { name: string; text: string; expected: string[] }[] = [
  {
    name: 'six mistakes in five statements of one metric',
    text: [
      'metric Fix {',
      '  measures first respons',
      '  clock',
      '  target P1 fifteen minutes',
      '  objective 95% montly',
      '  foo bar',
      '  target 4 hourz',
      '}',
    ].join('\n'),
    expected: ['2:18 SLA1010', '3:8 SLA1010', '4:13 SLA1010', '5:17 SLA1010', '6:3 SLA1012', '7:12 SLA1022'],
  },
  {
    name: 'five mistakes in five declarations',
    text: [
      'param Customer',
      'calendar Office { timezone "Europe/Berlin" hours Mon-Fri 08:00 17:00 }',
      'severity P1 { descripton "x" }',
      'escalation { level 1 "Lead" at 50% Fix }',
      'credits { when Uptime below 99% credit }',
      'review { every 3 months }',
    ].join('\n'),
    expected: ['1:15 SLA1010', '2:64 SLA1010', '3:15 SLA1012', '4:36 SLA1010', '5:40 SLA1010'],
  },
  {
    name: 'a target without its duration does not swallow the next statement',
    text: 'metric M {\n  target\n  objective 95% monthly\n  target P1\n  clock C\n}',
    expected: ['2:9 SLA1010', '4:12 SLA1010'],
  },
  {
    name: 'a missing closing brace stops at the next declaration',
    text: 'metric A {\n  title "a"\nmetric B { title "b" }\n',
    expected: ['3:1 SLA1010'],
  },
  {
    name: 'a nested block missing its closing brace ends at the next statement of the block around it',
    text: 'calendar C {\n  holidays {\n    2026-12-25 "X"\n  hours Mon-Fri 08:00-17:00\n}\nreview {\n  report {\n    "a"\n  every 3 months\n}\n',
    expected: ['4:3 SLA1010', '9:3 SLA1010'],
  },
  {
    // Was 4 errors: the body read as stray input ('needs a timezone', 'never open' from the checker)
    // and '}' missing at the next declaration, though the block is closed on line 4.
    name: 'a name of two words: one mistake at the second, the body read as the block',
    text: 'calendar Business Hours {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\nseverity P1 {\n  default\n}\n',
    expected: ['1:19 SLA1010'],
  },
  {
    name: 'extra words before the brace of a block without a name',
    text: 'credits for Uptime {\n  cap 20%\n}\nparam P "x"\n',
    expected: ['1:9 SLA1010'],
  },
  {
    name: 'a declaration after the name on the same line keeps its block',
    text: 'channel Portal calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n',
    expected: ['1:16 SLA1010'],
  },
  {
    name: 'a nested block keeps its own reading: holidays "DE-BE" then holidays {',
    text: 'calendar C {\n  timezone "UTC"\n  holidays "DE-BE"\n  holidays {\n    2026-12-25 "X"\n  }\n}\n',
    expected: [],
  },
  {
    name: 'a missing opening brace',
    text: 'metric A title "a" }\nparam P "x"\n',
    expected: ['1:10 SLA1010'],
  },
  {
    name: 'an unclosed block at the end of the file',
    text: 'agreement A {\n  title "x"\n',
    expected: ['3:1 SLA1010'],
  },
  {
    name: 'stray words at the top level and an extra closing brace',
    text: 'metrc A { title "a" }\nparam P "x" }\nwhatever\n',
    expected: ['1:1 SLA1012', '2:13 SLA1011', '3:1 SLA1012'],
  },
  {
    name: 'lexical mistakes',
    text: 'param A "unclosed\nparam B "a\\tb"\n@ param C "c"\n/* never closed',
    expected: ['1:9 SLA1002', '2:11 SLA1004', '3:1 SLA1001', '4:1 SLA1005'],
  },
  {
    name: 'an unclosed text block',
    text: 'clause "A" """\n  text that never ends\n',
    expected: ['1:12 SLA1003'],
  },
  {
    name: 'impossible dates and times',
    text: 'calendar C {\n  hours Mon 08:00-25:00, 12:60-13:00\n  holidays { 2026-02-30 "x" 2028-02-29 "leap" }\n}\nagreement A { effective 2026-13-01 }',
    expected: ['2:19 SLA1021', '2:26 SLA1021', '3:14 SLA1020', '5:25 SLA1020'],
  },
  {
    name: '24:30 is not a time and hours need a dash between times',
    text: 'calendar C { hours Sat 08:00-24:30 hours Sun 8:00 18:00 }',
    expected: ['1:30 SLA1021', '1:51 SLA1010'],
  },
  {
    name: 'holiday without a name, agenda item without text',
    text: 'calendar C { holidays { 2026-01-01 } }\nreview { agenda { "Item" } report { 42 } }',
    expected: ['1:36 SLA1010', '2:26 SLA1010', '2:37 SLA1012'],
  },
  {
    name: 'unknown duration unit in review and escalation',
    text: 'review { every 3 monts }\nescalation { clock C level 1 "x" after 2 business hours }',
    expected: ['1:18 SLA1022', '2:42 SLA1022'],
  },
];

describe('error recovery: one diagnostic per mistake', () => {
  it.each(cases)('$name', ({ text, expected }) => {
    const { diagnostics } = parseDocument(text, 'snippet.sla');
    const actual = diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
    expect(actual).toEqual(expected);
  });
});

const METRIC_STATEMENTS = "does not start a statement allowed in a metric block; expected 'title', 'measures', 'clock', 'target', 'objective', 'excluding' or 'pause'.";
const TOP_STATEMENTS =
  "does not start a statement allowed in the top level of a file; expected 'import', 'override', 'agreement', 'param', 'calendar', 'channel', 'severity', 'pause', 'metric', 'escalation', 'credits', 'responsibilities', 'clause', 'review', 'maintenance', 'portfolio', 'severities', 'measurement' or 'term'.";

describe('messages speak the author\'s language', () => {
  it.each([
    ['calendar C { hours Mon-Fri Fri }', "Expected a time range such as 08:00-17:00 but found 'Fri'."],
    ['metric M { objective 95% montly }', "Expected 'monthly', 'quarterly', 'yearly' or 'weekly' but found 'montly'."],
    ['metric M { measures speed }', 'Expected a measure: first response, first estimate, resolution, update interval, next reply or uptime but found \'speed\'.'],
    ['metric M { target P1 soon }', "Expected a duration such as 4 hours but found 'soon'."],
    ['metric M { title "x"', "Expected '}' to close the metric block but found the end of the file."],
    // The block left open is named: the error is where the next declaration starts, lines below its '{'.
    ['agreement X {\n  title "X"\ncalendar C { timezone "UTC" }', "Expected '}' to close the agreement block but found 'calendar'."],
    ['calendar C {\n  holidays {\n    2026-12-25 "X"\n  timezone "UTC"\n}', "Expected '}' to close the holidays block but found 'timezone'."],
    ['portfolio P {\n  others use "a.sla"\nportfolio Q {}', "Expected '}' to close the portfolio block but found 'portfolio'."],
    // A statement cut short at the end of its line is reported there, not at the next line's word.
    ['metric M { clock\n  title "x" }', 'Expected the name of a calendar but found the end of the line.'],
    ['metric M { clock }', "Expected the name of a calendar but found '}'."],
    ['review { also sometimes }', "Expected 'on request' or 'after major incident' but found 'sometimes'."],
    // A rule with one kind of token in two places names the one expected there (the word before tells).
    ['calendar C { holidays from }', 'Expected an iCalendar file in double quotes such as "company-days.ics" but found \'}\'.'],
    ['calendar C { holidays }', 'Expected \'{\', a country code such as "DE-BE" or \'from "file.ics"\' but found \'}\'.'],
    ['portfolio P { client "A" uses }', 'Expected an agreement file in double quotes such as "standard.sla" but found \'}\'.'],
    ['portfolio P { client uses "a.sla" }', "Expected a client name in double quotes but found 'uses'."],
    // A second param of a client line without its own `with`, as in other languages' lists.
    ['portfolio P {\n  client "A" uses "a.sla" with Name "x" Email "y"\n}', 'Each param of a client line needs its own \'with\': write \'with Email "..."\', not \'Email\' alone.'],
    ['portfolio P {\n  others use "a.sla" with Name "x", Email "y"\n}', 'Each param of a client line needs its own \'with\': write \'with Email "..."\', not \', Email\'.'],
    ['portfolio P {\n  client "A" uses "a.sla"\n  Email "y"\n}', "'Email' does not start a statement allowed in a portfolio block; expected 'client' or 'others'."],
    // A statement keyword misspelt by a slip gets a "did you mean" naming the keyword of that block.
    ['metric M {\n  clok Office\n}', `'clok' ${METRIC_STATEMENTS} Did you mean 'clock'?`],
    ['metric M {\n  targt P1 4 hours\n}', `'targt' ${METRIC_STATEMENTS} Did you mean 'target'?`],
    ['pasue when status "Waiting"', `'pasue' ${TOP_STATEMENTS} Did you mean 'pause'?`],
    ['escalaton {\n  level 1 "x" after 1 hour\n}', `'escalaton' ${TOP_STATEMENTS} Did you mean 'escalation'?`],
    ['Metric M {\n  clock Office\n}', `'Metric' ${TOP_STATEMENTS} Did you mean 'metric'?`],
    ['maintenance {\n  atmost 8 hours monthly\n}', "'atmost' does not start a statement allowed in a maintenance block; expected 'window', 'notice' or 'at most'. Did you mean 'at most'?"],
    ['calendar C {\n  anually 12-24 "Christmas Eve"\n}', "'anually' does not start a statement allowed in a calendar block; expected 'timezone', 'hours' or 'holidays'."],
    ['calendar C {\n  holidays {\n    anually 12-24 "Christmas Eve"\n  }\n}', "'anually' does not start a statement allowed in a holidays block; expected a date such as 2026-12-25 or 'annually 12-24' followed by the holiday's name. Did you mean 'annually'?"],
    // A misspelt weekday where one is expected: the day it most likely is.
    ['calendar C { hours Mon-Fir 09:00-17:00 }', "Expected a weekday such as Mon but found 'Fir'. Did you mean 'Fri'?"],
    ['calendar C { hours Mon-fri 09:00-17:00 }', "Expected a weekday such as Mon but found 'fri'. Did you mean 'Fri'?"],
    ['calendar C { hours Monday-Friday 09:00-17:00 }', "Expected weekdays such as Mon-Fri but found 'Monday'. Did you mean 'Mon'?"],
    ['calendar C { hours Tues 09:00-17:00 }', "Expected weekdays such as Mon-Fri but found 'Tues'. Did you mean 'Tue'?"],
    ['calendar C { hours Workdays 09:00-17:00 }', "Expected weekdays such as Mon-Fri but found 'Workdays'."],
    // Only a close word: two slips in five letters are another word, not a misspelling.
    ['metric M {\n  clark Office\n}', `'clark' ${METRIC_STATEMENTS}`],
  ])('%s', (text, message) => {
    const { diagnostics } = parseDocument(text, 'snippet.sla');
    expect(diagnostics.map((d) => d.message)).toEqual([message]);
    expect(diagnostics[0]!.message).not.toMatch(/kw_|Name|StringLike|Token/);
  });
});

describe('a misspelt statement keyword gets a quick fix', () => {
  it.each([
    ['metric M {\n  clok Office\n}', 'clock'],
    ['Metric M {\n  clock Office\n}', 'metric'],
    ['maintenance {\n  atmost 8 hours monthly\n}', 'at most'],
    ['metric M {\n  clark Office\n}', undefined],
    ['metric M {\n  "clock" Office\n}', undefined],
  ])('%s', (text, suggestion) => {
    const { diagnostics } = parseDocument(text, 'snippet.sla');
    expect(diagnostics.map((d) => [d.code, d.data?.['suggestion']])).toEqual([['SLA1012', suggestion]]);
  });
});

describe('a misspelt weekday gets a quick fix', () => {
  it.each([
    ['calendar C { hours Mon-Fir 09:00-17:00 }', 'Fri'],
    ['calendar C { hours Thurs 09:00-17:00 }', 'Thu'],
    ['calendar C { hours Workdays 09:00-17:00 }', undefined],
  ])('%s', (text, suggestion) => {
    const { diagnostics } = parseDocument(text, 'snippet.sla');
    expect(diagnostics.map((d) => [d.code, d.data?.['suggestion']])).toEqual([['SLA1010', suggestion]]);
  });
});

describe('robust on any input', () => {
  it.each(['', '   ', '{', '}', '"', '"""', '/*', 'metric', 'override', 'override {', '{{{{', '}}}}', '\u0000\u2028', 'metric X { target'])(
    'parses %j without throwing',
    (text) => {
      const result = parseDocument(text, 'x.sla');
      expect(result.document.kind).toBe('Document');
    },
  );
});
