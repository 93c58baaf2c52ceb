import { expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { freshFolder, write } from '../cli/hardening-fixtures.js';
import { loadModel, prose } from './helpers.js';

// An agreement that lacks ticket service levels (or any metric) must not speak of what it lacks: a lawyer
// reads every sentence, and boilerplate about service levels, targets or Tickets would bind the parties to
// nothing or to something unstated.
const HEAD = 'agreement Small {\n  title "Small"\n  provider "Provider Ltd"\n  client "Client Ltd"\n}\n';
const OFFICE = 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n';
const ALWAYS = 'calendar Always {\n  timezone "Europe/Berlin"\n  hours Mon-Sun 00:00-24:00\n}\n';
const EMAIL = 'channel Email {\n  contact "support@example.com"\n  hours Office\n}\n';
const UPTIME = 'metric Uptime {\n  measures uptime\n  clock Always\n  objective 99.5% monthly\n}\n';
const OFFICE_UPTIME = 'metric OfficeUptime {\n  measures uptime\n  clock Office\n  objective 99% monthly\n}\n';
const ESCALATION = 'escalation {\n  clock Office\n  level 1 "Duty manager" after 2 hours\n}\n';
const SEVERITIES = 'severity High { description "Down" }\nseverity Normal { default }\n';

const LOCAL_TIMES = 'Times are local to the time zone of each calendar, including changes between standard and daylight saving time.';

const CASES = [
  {
    name: 'a calendar alone',
    source: OFFICE,
    purpose: 'The Agreement sets out the terms agreed between the Provider and the Client.',
    hours: LOCAL_TIMES,
    absent: [/service levels?(?! Agreement)/i, /levels of service/i, /target/i, /Ticket/, /support/i, /review/i, /clocks|its clock/i],
  },
  {
    name: 'calendars and channels',
    source: OFFICE + EMAIL,
    purpose: 'The Agreement sets out the support the Provider gives the Client.',
    hours: LOCAL_TIMES,
    absent: [/service levels?(?! Agreement)/i, /levels of service/i, /target/i, /Ticket/, /review/i, /clocks|its clock/i],
  },
  {
    name: 'an availability objective alone',
    source: ALWAYS + UPTIME,
    purpose: 'The Agreement sets out the levels of service the Provider commits to and how those levels are measured.',
    hours: LOCAL_TIMES,
    absent: [/service levels?(?! Agreement)/i, /target/i, /Ticket/, /support/i, /review/i, /clocks|its clock/i],
  },
  {
    name: 'availability objectives, channels and severities, with a review',
    source: OFFICE + ALWAYS + EMAIL + SEVERITIES + UPTIME + OFFICE_UPTIME + 'review { also on request }\n',
    purpose: 'The Agreement sets out the support the Provider gives the Client, the levels of service the Provider commits to, and how those levels are measured and reviewed.',
    hours: LOCAL_TIMES,
    absent: [/service levels?(?! Agreement)/i, /target/i, /clocks|its clock/i],
  },
  {
    name: 'an escalation alone, with a review',
    source: OFFICE + SEVERITIES + ESCALATION + 'review { also on request }\n',
    purpose: 'The Agreement sets out the support the Provider gives the Client and how the Agreement is reviewed.',
    hours: 'Escalation times are counted only during the hours of the calendar the escalation names. ' + LOCAL_TIMES,
    absent: [/service levels?(?! Agreement)/i, /levels of service/i, /target/i],
  },
  {
    // Paused Time and Business Day spoke of 'every service level' and 'a target of N Business Days'.
    name: 'an escalation after Business Days alone, with pauses',
    source: OFFICE + SEVERITIES + 'pause when status "Waiting"\n' + ESCALATION.replace('after 2 hours', 'after 1 business day'),
    purpose: 'The Agreement sets out the support the Provider gives the Client.',
    hours: 'Escalation times are counted only during the hours of the calendar the escalation names. ' + LOCAL_TIMES,
    absent: [/service levels?(?! Agreement)/i, /levels of service/i, /target/i],
  },
];

test.each(CASES)('an agreement with $name says nothing of what it lacks', ({ source, purpose, hours, absent }) => {
  const file = write(freshFolder('without-service-levels'), 'small.sla', HEAD + source);
  const flat = prose(renderAgreement(loadModel(file), { final: true }).markdown);
  expect(flat).toContain(`## 1. Purpose ${purpose} ##`);
  expect(flat).toContain(`## 3. Service Hours ${hours} Ranges include their start and exclude their end.`);
  for (const pattern of absent) expect(flat).not.toMatch(pattern);
});
