// The large agreement of bench/lsp-large.mjs, also what the language
// server's tests edit when they need an analysis that takes a while: the
// declarations of examples/*.sla (calendars, channels, severities, metrics,
// credits) repeated with distinct names, valid as it stands. Seeded: the
// same text on every run.
import { mulberry32 } from './seeded-random.mjs';

/** The declarations of examples/*.sla repeated with distinct names until the agreement has `lines` lines. */
export function largeAgreement(lines, seed = 5786) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const zones = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];
  const head = [
    '// A large agreement for bench/lsp-large.mjs: the declarations of the examples, repeated.',
    'agreement Large {',
    '  title "Large Service Level Agreement"',
    '  version "1.0"',
    '  effective 2026-04-01',
    '  provider "Northwind Hosting GmbH"',
    '  client CustomerName',
    '}',
    '',
    'param CustomerName "COMPANY NAME HERE"',
    '',
    'term "Business Hours" "the hours of the Office0 calendar, Berlin time"',
    'term "Incident" "an unplanned interruption of the Service"',
    '',
    'pause when status "Awaiting customer"',
    '',
    'calendar SundayNight {',
    '  timezone "Europe/Berlin"',
    '  hours Sun 02:00-06:00',
    '}',
    '',
  ];
  const tail = (n) => [
    'maintenance {',
    '  window SundayNight',
    '  notice 5 days',
    '  at most 8 hours monthly',
    '}',
    '',
    'escalation {',
    '  level 1 "Senior engineer on call" at 50% of Fix0',
    '  level 2 "Head of Operations" at 100% of Fix0',
    '}',
    '',
    'credits {',
    ...Array.from({ length: Math.min(Math.floor(n / 2), 20) }, (_, i) => `  when Uptime${2 * i + 1} below ${(99.9 - i * 0.1).toFixed(1)}% credit ${1 + (i % 5)}%`),
    '  cap 30%',
    '}',
    '',
    'clause "Incidents" "Each Incident is logged."',
  ];
  const holidays = (i) =>
    Array.from({ length: 18 }, (_, k) => `    2026-${String((k % 12) + 1).padStart(2, '0')}-${10 + Math.floor(k / 12) + (i % 9)} "Company day ${k + 1}"`);
  const calendar = (name, i) => [
    `calendar ${name} {`,
    `  timezone "${pick(zones)}"`,
    '  hours Mon-Thu 08:00-12:00, 13:00-17:00',
    '  hours Fri 08:00-14:00',
    `  holidays "${pick(['DE-BE', 'GB-ENG', 'US', 'FR'])}"`,
    '  holidays {',
    '    annually 12-24 hours 08:00-12:00 "Christmas Eve"',
    ...holidays(i),
    '  }',
    '}',
    '',
  ];
  // Within the document's limits (200 metrics, metrics x (severities + channels) <= 10,000 cells), so SLA5005 is judged.
  const severities = (i) => [
    `severity Critical${i} {`,
    '  description "The production site is down or data is at risk."',
    `  matches "urgent-${i}"`,
    '}',
    '',
    `severity Major${i} {`,
    '  description "A major function is degraded and no workaround exists."',
    `  matches "high-${i}"`,
    ...(i === 0 ? ['  default'] : []),
    '}',
    '',
  ];
  const channels = (i) => [
    `calendar NightDesk${i} {`,
    '  timezone "Europe/Berlin"',
    '  hours Sun-Thu 22:00-06:00',
    '}',
    '',
    `channel Phone${i} {`,
    `  contact "+49 30 555 ${String(1000 + i)}"`,
    `  hours Office${i}`,
    '}',
    '',
    `channel NightLine${i} {`,
    `  contact "+49 30 555 ${String(5000 + i)}"`,
    `  hours NightDesk${i}`,
    '}',
    '',
    `channel Email${i} {`,
    `  contact "support${i}@northwind.example"`,
    `  hours Support${i}`,
    `  matches "email-${i}"`,
    '}',
    '',
  ];
  const metrics = (i) => {
    const severity = i % 10;
    const reply = [
      `metric FirstResponse${i} {`,
      '  title "First response"',
      '  measures first response',
      `  clock Support${i}`,
      `  target Critical${severity} ${pick([15, 30, 45])} minutes`,
      `  target Major${severity} ${pick([1, 2, 4])} hours`,
      `  target Major${severity} via Email${i % 15} ${pick([1, 2])} hours`,
      `  objective ${pick([90, 95, 99])}% monthly`,
      '}',
      '',
    ];
    const second =
      i % 2 === 0
        ? [`metric Fix${i} {`, '  title "Bug fix or workaround"', '  measures resolution', `  clock Office${i}`,
           `  target Critical${severity} ${pick([1, 2])} business days`, `  target Major${severity} ${pick([5, 10])} business days`,
           '  objective 90% quarterly', '}', '']
        : [`metric Uptime${i} {`, '  title "Platform availability"', '  measures uptime', `  clock Office${i}`,
           '  excluding maintenance', `  objective ${pick(['99.5', '99.9'])}% monthly`, '}', ''];
    return [...reply, ...second];
  };
  const copy = (i) => [
    `// Copy ${i} of the examples' declarations.`,
    ...calendar(`Office${i}`, i),
    ...calendar(`Support${i}`, i + 1),
    ...(i < 10 ? severities(i) : []),
    ...(i < 15 ? channels(i) : []),
    ...metrics(i),
  ];
  const out = [...head];
  for (let i = 0; ; i++) {
    const next = copy(i);
    if (out.length + next.length + tail(i + 1).length > lines) {
      out.push(...tail(i));
      break;
    }
    out.push(...next);
  }
  while (out.length < lines) out.push('');
  return `${out.join('\n')}\n`;
}
