import { describe, expect, it } from 'vitest';
import { CompletionRequest, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, at, example, readExample, uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';

// Completion in the middle of a statement, inside quotes and from snippets,
// as editors found it wanting: each case edits an example's buffer, asks at
// the `|` and checks what is offered (and what an accepted item writes).
const client = useServer();
const opened = new Set<string>();

async function completeIn(name: string, text: string, marked: string): Promise<CompletionItem[]> {
  const uri = uriOf(example(name));
  if (opened.has(uri)) {
    const published = client().diagnostics(uri);
    await client().change(uri, text);
    await published;
  } else {
    const published = client().diagnostics(uri);
    await client().open(uri, text);
    await published;
    opened.add(uri);
  }
  const result = (await client().connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: at(text, marked),
  })) as CompletionItem[] | CompletionList | null;
  return Array.isArray(result) ? result : (result?.items ?? []);
}

/** The text after accepting `label`, written through its textEdit. */
function accept(items: CompletionItem[], label: string, text: string): string {
  const item = items.find((i) => i.label === label);
  expect(item, `${label} offered`).toBeDefined();
  return applyEdits(text, [item!.textEdit as TextEdit]);
}

const poologics = readExample('poologics.sla');
const hosting = readExample('hosting.sla');
const finance = readExample('multilevel/finance.sla');
const letsflo = readExample('letsflo.sla');

const cases: { name: string; file: string; text: string; cursor: string; includes: string[]; excludes: string[] }[] = [
  {
    name: 'the calendars after `clock`, past a comment',
    file: 'poologics.sla',
    text: poologics.replace('  clock BusinessHours\n', '  clock /*x*/ \n'),
    cursor: 'clock /*x*/ |\n',
    includes: ['BusinessHours', 'AroundTheClock'],
    excludes: ['target', 'objective'],
  },
  {
    name: 'the calendars after `clock`, past a comment, with a word begun',
    file: 'poologics.sla',
    text: poologics.replace('  clock BusinessHours\n', '  clock /*x*/ Busi\n'),
    cursor: 'clock /*x*/ Busi|\n',
    includes: ['BusinessHours', 'AroundTheClock'],
    excludes: ['target', 'objective'],
  },
  {
    name: 'the last weekday after `hours Mon-`',
    file: 'poologics.sla',
    text: poologics.replace('hours Mon-Fri 08:00-18:00', 'hours Mon-'),
    cursor: 'hours Mon-|\n',
    includes: ['Tue', 'Fri', 'Sun'],
    excludes: ['Mon', 'BusinessHours', 'timezone', 'hours'],
  },
  // A range may wrap past Sunday (`Sun-Thu`, as hosting.sla's NightDesk): after `Sun-` nothing was offered.
  {
    name: 'the last weekday after `hours Sun-`, wrapping past Sunday',
    file: 'poologics.sla',
    text: poologics.replace('hours Mon-Fri 08:00-18:00', 'hours Sun-'),
    cursor: 'hours Sun-|\n',
    includes: ['Mon', 'Thu', 'Sat'],
    excludes: ['Sun', 'BusinessHours', 'timezone'],
  },
  {
    name: 'the last weekday after `hours Fri-`, past Sunday too',
    file: 'poologics.sla',
    text: poologics.replace('hours Mon-Fri 08:00-18:00', 'hours Fri-'),
    cursor: 'hours Fri-|\n',
    includes: ['Sat', 'Sun', 'Mon', 'Thu'],
    excludes: ['Fri'],
  },
  // A day listed twice in one `hours` line overlaps itself (SLA3002).
  {
    name: 'another weekday after `hours Mon, `, none the line lists already',
    file: 'poologics.sla',
    text: poologics.replace('hours Mon-Fri 08:00-18:00', 'hours Mon, '),
    cursor: 'hours Mon, |\n',
    includes: ['Tue', 'Wed', 'Sat-Sun'],
    excludes: ['Mon', 'Mon-Fri', 'Mon-Sun', 'Mon-Thu'],
  },
  {
    name: 'the last weekday after `hours Mon, Wed-`, none taking in Monday again',
    file: 'poologics.sla',
    text: poologics.replace('hours Mon-Fri 08:00-18:00', 'hours Mon, Wed-'),
    cursor: 'hours Mon, Wed-|\n',
    includes: ['Thu', 'Sun'],
    excludes: ['Mon', 'Tue'],
  },
  // A range overlapping the line's own or another line's on the same day is SLA3002: 09:00-17:00 was offered after 08:00-12:00.
  {
    name: 'another time range after a range and a comma, none overlapping it',
    file: 'poologics.sla',
    text: poologics.replace('hours Mon-Fri 08:00-18:00', 'hours Mon-Fri 08:00-12:00, '),
    cursor: '08:00-12:00, |',
    includes: ['13:00-17:00', '22:00-06:00'],
    excludes: ['09:00-17:00', '08:00-18:00', '00:00-24:00', 'Mon-Fri', 'timezone', 'BusinessHours'],
  },
  {
    name: "a time range after the days, none overlapping another line's hours on those days",
    file: 'hosting.sla',
    text: hosting.replace('hours Fri 08:00-14:00', 'hours Thu '),
    cursor: 'hours Thu |',
    includes: ['22:00-06:00'],
    excludes: ['09:00-17:00', '08:00-18:00', '00:00-24:00'],
  },
  {
    name: 'a time range after days no other line has: the usual ones',
    file: 'hosting.sla',
    text: hosting.replace('hours Fri 08:00-14:00', 'hours Fri '),
    cursor: 'hours Fri |',
    includes: ['09:00-17:00', '08:00-18:00', '00:00-24:00', '22:00-06:00'],
    excludes: [],
  },
  {
    name: '`below` after `when Uptime` in credits',
    file: 'hosting.sla',
    text: hosting.replace('when Uptime below 99.9% credit 5%', 'when Uptime '),
    cursor: 'when Uptime |',
    includes: ['below'],
    excludes: ['Uptime', 'when', 'cap'],
  },
  // The metrics after `when` and `of` are those a "did you mean" may suggest there: accepting Fix was an error.
  {
    name: 'after `when` in credits, no metric of another period than the other tiers (SLA3036)',
    file: 'hosting.sla',
    text: hosting.replace('  cap 30%', '  when \n  cap 30%'),
    cursor: '  when |\n  cap',
    includes: ['FirstResponse', 'Uptime'],
    excludes: ['Fix', 'NextReply', 'below'],
  },
  {
    name: "after `when` in a tier's line, no metric whose tiers would then not be monotonic (SLA3011)",
    file: 'hosting.sla',
    text: hosting.replace('when FirstResponse below 95% credit 5%', 'when  below 95% credit 5%'),
    cursor: 'when | below 95%',
    includes: ['FirstResponse'],
    excludes: ['Uptime', 'Fix', 'below'],
  },
  {
    name: "after an escalation level's `of`, no metric an earlier level is at with a larger percentage (SLA3010)",
    file: 'hosting.sla',
    text: hosting.replace('at 100% of Fix\n', 'at 100% of Fix\n  level 3 "Director" at 10% of \n'),
    cursor: 'at 10% of |\n',
    includes: ['FirstResponse', 'OutageFix'],
    excludes: ['Fix', 'Uptime'],
  },
  // Ctrl+Space right after a keyword that takes a value: accepting a statement there was SLA1010.
  {
    name: 'no statements after `effective` (a date comes next)',
    file: 'hosting.sla',
    text: hosting.replace('effective 2026-04-01', 'effective '),
    cursor: 'effective |',
    includes: [],
    excludes: ['title', 'version', 'effective', 'provider', 'import', 'calendar (new calendar)'],
  },
  {
    name: "no statements after a metric's `objective` (a percentage comes next)",
    file: 'hosting.sla',
    text: hosting.replace('objective 95% monthly', 'objective '),
    cursor: 'objective |',
    includes: [],
    excludes: ['title', 'measures', 'clock', 'target', 'objective'],
  },
  {
    name: "no statements after an escalation's `level`, nor after its number",
    file: 'hosting.sla',
    text: hosting.replace('level 1 "Senior engineer on call" at 50% of Fix', 'level 1 '),
    cursor: 'level 1 |',
    includes: [],
    excludes: ['level', 'clock'],
  },
  {
    name: "no statements after an escalation's `at` (a percentage comes next)",
    file: 'hosting.sla',
    text: hosting.replace('level 1 "Senior engineer on call" at 50% of Fix', 'level 1 "Senior engineer on call" at '),
    cursor: 'on call" at |',
    includes: [],
    excludes: ['level', 'clock'],
  },
  {
    name: '`request` after `also on` in a review, not the review statements',
    file: 'hosting.sla',
    text: hosting.replace('also on request', 'also on '),
    cursor: 'also on |',
    includes: ['request'],
    excludes: ['every', 'also', 'participants', 'amendments'],
  },
  {
    name: '`major incident` after `also after` in a review',
    file: 'letsflo.sla',
    text: letsflo.replace('also after major incident', 'also after '),
    cursor: 'also after |',
    includes: ['major incident'],
    excludes: ['every', 'also', 'participants'],
  },
  {
    name: '`incident` after `also after major` in a review',
    file: 'letsflo.sla',
    text: letsflo.replace('also after major incident', 'also after major '),
    cursor: 'also after major |',
    includes: ['incident'],
    excludes: ['every', 'also', 'participants'],
  },
  // `1 day` on a clock not open around the clock is SLA3013: the checker's own rule decides the units offered.
  {
    name: "no `day` after a target's number on a clock not open around the clock",
    file: 'letsflo.sla',
    text: letsflo.replace('target Urgent 1 hour', 'target Urgent 1 '),
    cursor: 'target Urgent 1 |',
    includes: ['minute', 'hour', 'business day', 'week'],
    excludes: ['day', 'month'],
  },
  {
    name: "`days` after a target's number on a clock open around the clock",
    file: 'poologics.sla',
    text: poologics.replace('clock AroundTheClock\n  target 24 hours', 'clock AroundTheClock\n  target 24 '),
    cursor: 'clock AroundTheClock\n  target 24 |',
    includes: ['minutes', 'hours', 'days', 'business days', 'weeks'],
    excludes: ['months'],
  },
  {
    name: "no `days` after an escalation's `after` on an office clock",
    file: 'hosting.sla',
    text: hosting.replace('escalation {\n', 'escalation {\n  clock Office\n').replace('level 2 "Head of Operations" at 100% of Fix', 'level 2 "Head of Operations" after 2 '),
    cursor: '"Head of Operations" after 2 |',
    includes: ['hours', 'business days'],
    excludes: ['days', 'months'],
  },
  // `claim within` is real elapsed time: business days and months there are SLA3028.
  {
    name: 'elapsed units after `claim within` and a number',
    file: 'hosting.sla',
    text: hosting.replace('  cap 30%', '  cap 30%\n  claim within 30 '),
    cursor: 'claim within 30 |',
    includes: ['days', 'weeks'],
    excludes: ['business days', 'months'],
  },
  {
    name: 'the imported names after `override metric`',
    file: 'multilevel/finance.sla',
    text: finance.replace('override metric Resolution {', 'override metric  {'),
    cursor: 'override metric |',
    includes: ['Response', 'Resolution'],
    excludes: ['ServiceDesk', 'calendar', 'FinancePayroll'],
  },
  {
    name: 'the agreements beside the file inside `import "`',
    file: 'letsflo.sla',
    text: `import "\n${letsflo}`,
    cursor: 'import "|',
    includes: ['hosting.sla', 'poologics.sla', 'multilevel/corporate.sla'],
    excludes: ['letsflo.sla', 'calendar'],
  },
  {
    name: 'the files beside the file inside auto-closed quotes, after other imports, but not a portfolio (SLA2019)',
    file: 'multilevel/finance.sla',
    text: finance.replace('import "corporate.sla"', 'import "corporate.sla"\nimport ""'),
    cursor: 'import "|"',
    includes: ['hr.sla', 'corporate.sla'],
    excludes: ['finance.sla', 'calendar', 'departments.sla'],
  },
];

describe('completion in the middle of a statement', () => {
  it.each(cases)('$name', async ({ file, text, cursor, includes, excludes }) => {
    const labels = (await completeIn(file, text, cursor)).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(includes));
    for (const label of excludes) expect(labels).not.toContain(label);
  });
});

describe('time-zone completion', () => {
  it('replaces the whole name inside the quotes, up to the closing quote', async () => {
    const text = hosting;
    const items = await completeIn('hosting.sla', text, 'timezone "Europe/|Berlin"');
    const accepted = accept(items, 'Europe/Paris', text);
    expect(accepted).toBe(text.replace('timezone "Europe/Berlin"', 'timezone "Europe/Paris"'));
  });

  it('closes a string that is not closed yet', async () => {
    const text = hosting.replace('timezone "Europe/Berlin"', 'timezone "Europe/');
    const items = await completeIn('hosting.sla', text, 'timezone "Europe/|\n');
    expect(accept(items, 'Europe/Berlin', text)).toBe(hosting);
  });

  it('offers the zones with their quotes before the opening quote', async () => {
    const text = hosting.replace('timezone "Europe/Berlin"', 'timezone ');
    const items = await completeIn('hosting.sla', text, 'timezone |\n');
    expect(accept(items, 'Europe/Berlin', text)).toBe(hosting);
  });

  it('lists the current names slac validate accepts, such as Europe/Kyiv and Asia/Kolkata', async () => {
    const labels = (await completeIn('hosting.sla', hosting, 'timezone "Europe/|Berlin"')).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['Europe/Kyiv', 'Asia/Kolkata', 'Europe/Berlin', 'UTC']));
  });
});

/** A snippet's text as a client without snippet support for choices inserts it: every placeholder as its default. */
function expand(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1');
}

describe('declaration snippets', () => {
  it('give every placeholder a default that parses, and no choices', async () => {
    const text = `${letsflo}\n`;
    const items = await completeIn('letsflo.sla', text, `${letsflo.slice(-20)}\n|`);
    const snippets = items.filter((item) => String(item.label).endsWith(')') && item.insertText?.includes('${'));
    expect(snippets.map((s) => s.label)).toEqual(expect.arrayContaining(['calendar (new calendar)', 'metric (new metric)', 'escalation (new escalation)']));
    for (const snippet of snippets) {
      expect(snippet.insertText, String(snippet.label)).not.toMatch(/\$\{\d+\|/); // a choice
      expect(snippet.insertText, String(snippet.label)).not.toMatch(/\$\d|\$\{\d+:\}/); // an empty placeholder
      const expanded = expand(snippet.insertText!);
      expect(expanded, String(snippet.label)).not.toContain('$');
      const uri = uriOf(example('letsflo.sla'));
      const published = client().diagnostics(uri);
      await client().change(uri, `${letsflo}\n${expanded}\n`);
      const syntaxErrors = (await published).filter((d) => String(d.code).startsWith('SLA1'));
      expect(syntaxErrors, String(snippet.label)).toEqual([]);
    }
  });

  it('do not offer a second escalation block, nor a name already taken', async () => {
    const items = await completeIn('hosting.sla', `${hosting}\n`, `${hosting.slice(-20)}\n|`);
    const labels = items.map((item) => item.label);
    expect(labels).toContain('calendar (new calendar)');
    expect(labels).not.toContain('escalation (new escalation)');
    // hosting.sla declares a calendar Office already.
    expect(items.find((item) => item.label === 'calendar (new calendar)')!.insertText).toMatch(/^calendar \$\{1:Office2\}/);
  });
});

describe('holiday entry snippets', () => {
  // hosting.sla's Office lists Christmas Eve every year: the example `annually 12-24` was SLA3021 as it stood.
  it('default to a day the calendar does not list yet', async () => {
    const listed = '    annually 12-31 hours 08:00-12:00 "New Year\'s Eve"\n';
    const text = hosting.replace(listed, `${listed}    2026-12-25 "Christmas Day"\n    \n`);
    const items = await completeIn('hosting.sla', text, `${listed}    2026-12-25 "Christmas Day"\n    |\n`);
    const uri = uriOf(example('hosting.sla'));
    const cursor = at(text, `Day"\n    |\n`);
    for (const label of ['annually (every year)', 'holiday (date and name)']) {
      const item = items.find((i) => i.label === label);
      expect(item, `${label} offered`).toBeDefined();
      const expanded = applyEdits(text, [{ range: { start: cursor, end: cursor }, newText: expand(item!.insertText!) }]);
      const published = client().diagnostics(uri);
      await client().change(uri, expanded);
      const errors = (await published).filter((d) => d.severity === 1).map((d) => `${String(d.code)} ${d.message}`);
      expect(errors, label).toEqual([]);
    }
  });
});
