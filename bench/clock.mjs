// Throughput of the clock's hot queries over random instants across three
// years, on the examples' calendars, and on an office calendar with and
// without 1.1 holidays (a country set, an annual short day) to show what the
// yearly holiday tables cost. Seeded, so every run asks the same questions.
// Run after `npm run build`: node bench/clock.mjs
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '../scripts/seeded-random.mjs';
import {
  closeOfNthOpenDay,
  compileCalendar,
  instantAfterOpenMillis,
  openMillisBetween,
  periodOf,
} from '../dist/runtime/clock/index.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const weekdays = (start, end) => [[], ...[1, 2, 3, 4, 5].map(() => [{ start, end }]), [], []];
const calendars = {
  BusinessHours: {
    name: 'BusinessHours',
    timezone: 'America/New_York',
    weekly: weekdays(480, 1080),
    holidays: ['2026-01-01', '2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'].map((date) => ({ date, name: 'H' })),
  },
  NightDesk: {
    name: 'NightDesk',
    timezone: 'Europe/Berlin',
    weekly: [[], [{ start: 1320, end: 1800 }], [{ start: 1320, end: 1800 }], [{ start: 1320, end: 1800 }], [{ start: 1320, end: 1800 }], [], [], [{ start: 1320, end: 1800 }]],
    holidays: [],
  },
};

const office = { name: 'Office', timezone: 'Europe/Berlin', weekly: weekdays(480, 1020), holidays: [], annualHolidays: [], holidaySets: [], holidayFiles: [] };
calendars.OfficePlain = office;
calendars.OfficeDEBE = {
  ...office,
  name: 'OfficeDEBE',
  holidaySets: ['DE-BE'],
  annualHolidays: [{ monthDay: '12-24', name: 'Christmas Eve', hours: [{ start: 480, end: 720 }] }, { monthDay: '12-31', name: "New Year's Eve" }],
  holidays: [{ date: '2026-05-01', name: 'Open on May Day', hours: [{ start: 540, end: 780 }] }],
};

const START = Date.UTC(2025, 0, 1);
const SPAN = 3 * 365 * DAY;
const QUERIES = 100_000;

function measure(label, run) {
  run(1_000); // warm-up: compiles the blocks and the JIT
  const started = performance.now();
  const checksum = run(QUERIES);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(48)} ${Math.round(QUERIES / seconds).toLocaleString('en-US').padStart(12)} queries/s  (checksum ${checksum})`);
}

// Queries across a decade: every year's holiday table is built once, on first use.
function measureDecade(name, model) {
  const calendar = compileCalendar(model);
  const decade = 10 * 365 * DAY;
  const started = performance.now();
  openMillisBetween(calendar, START, START + decade);
  console.log(`${name}: build 10 years of intervals in ${(performance.now() - started).toFixed(1)} ms`);
  measure(`${name} openMillisBetween (10 years)`, (count) => {
    const next = mulberry32(5);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const a = START + Math.floor(next() * decade);
      const b = START + Math.floor(next() * decade);
      sum += openMillisBetween(calendar, Math.min(a, b), Math.max(a, b)) / MINUTE;
    }
    return Math.round(sum);
  });
}

for (const [name, model] of Object.entries(calendars)) {
  const compileStarted = performance.now();
  const calendar = compileCalendar(model);
  openMillisBetween(calendar, START, START + SPAN); // builds every block of the three years
  console.log(`${name}: compile + build 3 years of intervals in ${(performance.now() - compileStarted).toFixed(1)} ms`);
  measure(`${name} openMillisBetween`, (count) => {
    const next = mulberry32(1);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const a = START + Math.floor(next() * SPAN);
      const b = START + Math.floor(next() * SPAN);
      sum += openMillisBetween(calendar, Math.min(a, b), Math.max(a, b)) / MINUTE;
    }
    return Math.round(sum);
  });
  measure(`${name} instantAfterOpenMillis (up to 2 weeks)`, (count) => {
    const next = mulberry32(2);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const from = START + Math.floor(next() * (SPAN - 30 * DAY));
      sum += (instantAfterOpenMillis(calendar, from, Math.floor(next() * 80 * 60) * MINUTE) - from) / MINUTE;
    }
    return Math.round(sum);
  });
  measure(`${name} closeOfNthOpenDay (1-5 days)`, (count) => {
    const next = mulberry32(3);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const from = START + Math.floor(next() * (SPAN - 30 * DAY));
      sum += (closeOfNthOpenDay(calendar, from, 1 + Math.floor(next() * 5)) - from) / MINUTE;
    }
    return Math.round(sum);
  });
  measure(`${name} periodOf (monthly)`, (count) => {
    const next = mulberry32(4);
    let sum = 0;
    for (let i = 0; i < count; i++) sum += periodOf(START + Math.floor(next() * SPAN), 'monthly', model.timezone).label.length;
    return sum;
  });
}

measureDecade('OfficePlain', calendars.OfficePlain);
measureDecade('OfficeDEBE', calendars.OfficeDEBE);
