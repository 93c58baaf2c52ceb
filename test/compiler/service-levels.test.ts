import { describe, expect, test } from 'vitest';
import { buildAgreementDocument } from '../../compiler/document/build.js';
import {
  channelPrecedenceSentence,
  measureSentence,
  metricPauseSentence,
} from '../../compiler/document/service-levels.js';
import { renderMarkdown } from '../../compiler/render/markdown.js';
import type { AgreementModel, ChannelModel, MetricModel } from '../../language/model/model.js';
import { prose } from './helpers.js';
import { agreement, calendar, contextOf, duration, metric } from './model-builder.js';

const markdownOf = (model: AgreementModel): string => prose(renderMarkdown(buildAgreementDocument(model)));

const onCall = calendar('OnCall', [1, 2, 3, 4, 5, 6, 7], ['00:00-24:00']);
const email: ChannelModel = { name: 'Email', contact: 'support@example.com', hours: 'OnCall', matches: ['email', 'web form'] };
const phone: ChannelModel = { name: 'Phone', contact: '+1 555 0100', matches: [] };

const nextReply = metric('NextReply', { title: 'Reply to each message', measures: 'nextReply', clock: 'Office', defaultTarget: duration(4, 'hours') });
const firstResponse = metric('FirstResponse', {
  title: 'First response',
  clock: 'OnCall',
  targets: { High: duration(1, 'hours'), Low: duration(8, 'hours') },
  channelTargets: [{ severity: 'Low', channel: 'Email', duration: duration(4, 'hours') }],
  objective: { percent: 95, period: 'monthly' },
});

function model(metrics: MetricModel[], extra: Partial<AgreementModel> = {}): AgreementModel {
  return agreement({ calendars: [...agreement().calendars, onCall], channels: [email, phone], metrics, ...extra });
}

describe('how severities and channels are recorded (matches)', () => {
  test('a "Recorded as" column in each table, only when some entry has matches', () => {
    const text = markdownOf(
      model([], { severities: [{ name: 'High', isDefault: false, matches: ['urgent', 'Highest'] }, { name: 'Low', isDefault: true, matches: [] }] }),
    );
    expect(text).toContain('| Channel | Contact | Hours | Recorded as |');
    expect(text).toContain('| Email | support@example.com | Every day, around the clock, Central European Time (Europe/Berlin) | “email” or “web form” |');
    expect(text).toContain('| Phone | +1 555 0100 | As announced by the Provider | — |');
    // flatten() has collapsed the empty description cells.
    expect(text).toContain('| 1 | High | | “urgent” or “Highest” |');
    expect(text).toContain('| 2 | Low (default) | | — |');
    expect(text).toContain(
      'In the Provider’s ticketing system a Severity Level is recorded by its name, in the capitals shown, or by one of the values under “Recorded as”, in any capitals; surrounding spaces are ignored.',
    );
    expect(text).toContain('In the Provider’s ticketing system a channel is recorded by its name');
  });

  test('no matches anywhere: no column and no sentence', () => {
    const text = markdownOf(agreement({ channels: [phone] }));
    expect(text).toContain('| Channel | Contact | Hours |');
    expect(text).toContain('| Rank | Severity | Description |');
    expect(text).not.toContain('Recorded as');
  });
});

describe('each commitment is stated once, in the targets table', () => {
  test.each<[string, Partial<MetricModel>, string]>([
    ['one target', {}, '| Reply to each message | Office Hours | 4 business hours | 4 business hours | Every Ticket |'],
    [
      'an objective and targets by severity',
      { defaultTarget: undefined, targets: { High: duration(1, 'hours'), Low: duration(8, 'hours') }, objective: { percent: 90, period: 'quarterly' } },
      '| Reply to each message | Office Hours | 1 business hour | 8 business hours | 90% of Tickets each quarter |',
    ],
    [
      'one severity only, around the clock',
      { defaultTarget: undefined, targets: { High: duration(30, 'minutes') }, clock: 'OnCall' },
      '| Reply to each message | On Call Hours, around the clock | 30 minutes | — | Every Ticket |',
    ],
  ])('the row with %s', (_name, change, row) => {
    const text = markdownOf(model([{ ...nextReply, ...change }]));
    expect(text).toContain('| Service level | Hours | High | Low | Objective |');
    expect(text).toContain(row);
    // The row is the commitment: no sentence restates the target.
    expect(text).not.toMatch(/within \d/);
    // The table and the sentence on what it measures, in the body; the worked examples name it too.
    const body = text.slice(0, text.indexOf('## Appendix A'));
    expect(body.match(/Reply to each message/g)).toHaveLength(2);
    expect(text.includes('A dash means that the service level sets no target for that Severity Level.')).toBe(row.includes('—'));
  });

  test.each<[MetricModel['measures'], string]>([
    ['firstResponse', 'is measured from when a Ticket is opened until its First Response, or its Resolution if that comes first.'],
    ['firstEstimate', 'is measured from when a Ticket is opened until the Provider gives its Resolution Estimate, or its Resolution if that comes first.'],
    ['resolution', 'is measured from when a Ticket is opened until its Resolution.'],
    ['updateInterval', 'is the longest Update Interval of a Ticket before its Resolution.'],
    ['nextReply', 'is measured for each Further Message, from that message until the Provider next replies or the Ticket’s Resolution.'],
  ])('what %s measures: the one sentence a row cannot say', (measures, sentence) => {
    const measured = { ...nextReply, measures };
    expect(measureSentence(contextOf(model([measured])), measured)).toBe(sentence);
    expect(markdownOf(model([measured]))).toContain(`**Reply to each message** ${sentence}`);
  });

  test('the sentence on what is measured carries the service level’s own pauses', () => {
    const paused = { ...nextReply, pause: { statuses: [] } };
    expect(measureSentence(contextOf(model([paused])), paused)).toBe(
      'is measured for each Further Message, from that message until the Provider next replies or the Ticket’s Resolution. The clock of this service level does not stop for any status of a Ticket.',
    );
  });
});

describe('next reply', () => {
  test('the definition of a Further Message, and the start of its clock, only when a next-reply metric exists', () => {
    const text = markdownOf(model([nextReply]));
    expect(text).toContain(
      '**Further Message** means a message the Client sends on a Ticket after the Provider’s first reply to it (written by a person, not an automated reply) and before its Resolution, or after it is reopened and before its next Resolution. The time to answer it runs from that message, or from the earliest of several messages not yet answered, until the Provider next replies or the Ticket’s Resolution. Automated replies neither start nor end it.',
    );
    expect(text).toContain('Each target is counted from the start of what its service level measures, on the hours shown with it;');
    expect(text).toContain('**Reply to each message** is measured for each Further Message, from that message until');
    expect(markdownOf(model([firstResponse]))).not.toContain('Further Message');
  });
});

describe('channel targets', () => {
  test('a metric with channel targets only: a dash for severities, a row for the channel', () => {
    const phoneOnly = metric('PhoneAnswer', { title: 'Phone answer', clock: 'OnCall', channelTargets: [{ channel: 'Phone', duration: duration(2, 'minutes') }] });
    const text = markdownOf(model([phoneOnly]));
    expect(text).toContain('| Phone answer | On Call Hours, around the clock | — | — | Every Ticket |');
    expect(text).toContain('| Phone answer, raised by Phone | As above | 2 minutes | 2 minutes | As above |');
  });

  test.each<[string, MetricModel[], string | undefined]>([
    ['no channel target', [nextReply], undefined],
    [
      'severity and channel over severity',
      [firstResponse],
      'A Ticket is raised by the channel first recorded for it. When more than one target of a service level fits a Ticket, the most specific applies: first one for its severity and channel, then one for its severity.',
    ],
    [
      'every kind',
      [
        metric('All', {
          defaultTarget: duration(4, 'hours'),
          targets: { High: duration(1, 'hours') },
          channelTargets: [
            { channel: 'Phone', duration: duration(2, 'minutes') },
            { severity: 'High', channel: 'Email', duration: duration(30, 'minutes') },
          ],
        }),
      ],
      'A Ticket is raised by the channel first recorded for it. When more than one target of a service level fits a Ticket, the most specific applies: first one for its severity and channel, then one for its channel, then one for its severity, then the target for every Ticket.',
    ],
  ])('precedence, stated once, with %s', (_name, metrics, sentence) => {
    expect(channelPrecedenceSentence(contextOf(model(metrics)))).toBe(sentence);
  });

  test('the table has a row per channel, each cell the target that applies by precedence', () => {
    const text = markdownOf(model([firstResponse]));
    expect(text).toContain('The Provider commits to the targets in the following table, for each Severity Level and, where a row names one, for Tickets raised by that channel.');
    expect(text).toContain('| First response | On Call Hours, around the clock | 1 hour | 8 hours | 95% of Tickets each month |');
    expect(text).toContain('| First response, raised by Email | As above | 1 hour | 4 hours | As above |');
    expect(text.match(/most specific applies/g)).toHaveLength(1);
  });
});

describe('per-metric pauses', () => {
  const wide = { pause: { statuses: ['Waiting on customer'] } };
  test.each<[string, Partial<AgreementModel>, MetricModel['pause'], string | undefined]>([
    ['no pause of its own', wide, undefined, undefined],
    ['pause never, with agreement-wide pauses', wide, { statuses: [] }, 'The clock of this service level does not stop while a Ticket is paused: Paused Time counts.'],
    ['pause never, with none agreement-wide', {}, { statuses: [] }, 'The clock of this service level does not stop for any status of a Ticket.'],
    ['its own statuses, in place of the agreement’s', wide, { statuses: ['On hold', 'Parked'] }, 'The clock of this service level stops only while the Ticket’s status is “On hold” or “Parked”, in place of Paused Time.'],
    ['its own statuses, with none agreement-wide', {}, { statuses: ['On hold'] }, 'The clock of this service level stops while the Ticket’s status is “On hold”.'],
  ])('%s', (_name, extra, pause, sentence) => {
    const paused = { ...nextReply, ...(pause ? { pause } : {}) };
    expect(metricPauseSentence(contextOf(model([paused], extra)), paused)).toBe(sentence);
  });

  test('the table shows when each clock stops, and the definition of Paused Time leaves room for own pauses', () => {
    const text = markdownOf(
      model([firstResponse, { ...nextReply, pause: { statuses: [] } }, metric('Fix', { measures: 'resolution', defaultTarget: duration(2, 'businessDays'), pause: { statuses: ['On hold'] } })], {
        pause: { statuses: ['Waiting on customer'] },
      }),
    );
    expect(text).toContain('| Service level | Hours | High | Low | Objective | Clock stops |');
    expect(text).toContain('| First response | On Call Hours, around the clock | 1 hour | 8 hours | 95% of Tickets each month | During Paused Time |');
    expect(text).toContain('| First response, raised by Email | As above | 1 hour | 4 hours | As above | As above |');
    // Not 'Never': the clock of Office Hours stops every evening; what it does not stop for is a status.
    expect(text).toContain('| Reply to each message | Office Hours | 4 business hours | 4 business hours | Every Ticket | Not during Paused Time |');
    expect(text).toContain('| Fix | Office Hours | 2 Business Days | 2 Business Days | Every Ticket | While “On hold” |');
    expect(text).toContain('Paused Time does not count, unless the “Clock stops” column says otherwise.');
    expect(text).toContain('The clock of every service level that does not state its own pauses stops while a Ticket is paused');
  });

  test('pause never without agreement-wide pauses: the clock stops for no status, not never', () => {
    const text = markdownOf(model([firstResponse, { ...nextReply, pause: { statuses: [] } }]));
    expect(text).toContain('| Reply to each message | Office Hours | 4 business hours | 4 business hours | Every Ticket | For no status |');
  });

  test('without own pauses the table has no such column', () => {
    expect(markdownOf(model([firstResponse], { pause: { statuses: ['Waiting on customer'] } }))).not.toContain('Clock stops');
  });
});

describe('escalation and pauses', () => {
  const fix = metric('Fix', { title: 'Fix', clock: 'OnCall', defaultTarget: duration(4, 'hours') });
  const reply = { ...metric('Reply', { title: 'Reply', clock: 'OnCall', defaultTarget: duration(2, 'hours') }), pause: { statuses: [] } };
  const escalated = (levels: number, byReply: boolean, statuses: string[]): AgreementModel =>
    model([fix, reply], {
      pause: { statuses },
      escalation: {
        levels: [
          { level: 1, who: 'Lead', trigger: { kind: 'at' as const, percent: 50, metric: 'Fix' } },
          ...(byReply ? [{ level: 2, who: 'Head', trigger: { kind: 'at' as const, percent: 100, metric: 'Reply' } }] : []),
        ].slice(0, levels),
      },
    });

  // A level at P% of a service level falls due as that service level's clock runs: one with `pause never` counts Paused Time.
  test.each([
    ['agreement pauses, every level on a paused clock', escalated(1, false, ['Waiting']), 'Paused Time does not count towards these times.'],
    [
      'agreement pauses, a level on a service level with its own pauses',
      escalated(2, true, ['Waiting']),
      'Paused Time does not count towards these times, except that a level tied to the Reply target follows the pauses of that service level, as the “Clock stops” column under Service Levels shows.',
    ],
    [
      'no agreement pauses, a level on a service level with its own pauses',
      escalated(2, true, []),
      'A level tied to the Reply target follows the pauses of that service level, as the “Clock stops” column under Service Levels shows.',
    ],
  ])('%s', (_, agreementModel, sentence) => {
    expect(markdownOf(agreementModel)).toContain(sentence);
  });

  // slac check meets a level by an escalation to it or to a higher level by its time (SEMANTICS.md, Escalation):
  // a Ticket taken straight to Level 2 keeps Level 1 too, which the table alone leaves open.
  test('what meets a level is stated', () => {
    expect(markdownOf(escalated(2, true, []))).toContain('A level is met when the Ticket is escalated to that level, or to a higher one, by the time shown.');
  });

  test('no sentence on pauses when nothing pauses', () => {
    expect(markdownOf(escalated(1, false, []))).not.toMatch(/Paused Time does not count towards these times|follows the pauses/);
  });
});

describe('the periods the allowance table lists', () => {
  const uptime = (period: 'weekly' | 'monthly' | 'quarterly' | 'yearly'): MetricModel => metric('Up', { title: 'Uptime', measures: 'uptime', clock: 'OnCall', objective: { percent: 99.9, period } });

  // The table lists four weeks, not a year of them: the sentences say so.
  test.each([
    ['weekly', 'each of the first 4 weeks'],
    ['monthly', 'each month of the first year'],
    ['quarterly', 'each quarter of the first year'],
    // One period: not `each year of the first year`.
    ['yearly', 'the first year'],
  ] as const)('%s: %s', (period, phrase) => {
    const text = markdownOf(model([uptime(period)]));
    expect(text).toContain(`Appendix A lists the Downtime allowed in ${phrase}.`);
    expect(text).toContain(`the Downtime the objective allows in ${phrase}.`);
  });
});

describe('how a percentage objective is worked out', () => {
  const sentence = 'A percentage is worked out over the Tickets opened in the period, a calendar period in the time zone of the hours shown with the service level, that have met or missed their target';

  // As slac check counts it (SEMANTICS.md, Objectives): pending tickets wait, an empty period has no result,
  // and a ticket opened before the effective date counts in its period.
  test('is stated with an objective, with the tickets opened before the effective date', () => {
    const text = markdownOf(model([firstResponse]));
    expect(text).toContain(`${sentence}: a Ticket still within its target counts once it meets or misses it, and a period without such a Ticket has no result.`);
    expect(text).toContain('A Ticket opened before the Agreement takes effect counts in the period in which it was opened.');
    expect(text).toContain('A target is met when the time counted is no more than the target.');
  });

  test('is not stated without an objective', () => {
    expect(markdownOf(model([nextReply]))).not.toContain(sentence);
  });
});

describe('the definition of Paused Time', () => {
  // slac check keeps the clock stopped from one paused status to another ("On hold" to "Waiting"), and reads
  // "ON HOLD " as "On hold" (LANGUAGE.md: compared case-insensitively, trimmed); the definition says both.
  test('the clock runs again only on a status that does not pause, compared as slac check compares it', () => {
    const text = markdownOf(model([firstResponse], { pause: { statuses: ['On hold', 'Waiting'] } }));
    expect(text).toContain(
      'The clock of every service level stops while a Ticket is paused and runs again when its status changes to one not named here. Statuses are compared without regard to capitals or surrounding spaces.',
    );
  });
});

describe('the definition of Update Interval', () => {
  // slac check (SEMANTICS.md, update interval) ends a gap at a Resolution and starts a new one at a reopening:
  // an update at 09:10, a Resolution at 09:50 and a reopening at 13:00 answered at 13:40 are two gaps of 40
  // minutes, not one of 80 from the last update to the next with the closed time left out.
  test('a Resolution ends an interval and a reopening starts one', () => {
    const updates = metric('Updates', { measures: 'updateInterval', clock: 'Office', defaultTarget: duration(1, 'hours') });
    expect(markdownOf(model([updates]))).toContain(
      '**Update Interval** means the time from the opening of a Ticket, its reopening or the Provider’s last update on it, whichever is latest, to the Provider’s next update or the Ticket’s Resolution, whichever comes first.',
    );
  });
});

describe('weekly periods say which day a week starts on', () => {
  // slac check counts ISO weeks (SEMANTICS.md, Objectives): a Ticket opened on Sunday 8 March 2026 counts in
  // the week of Monday 2 March, where a reader whose weeks start on Sunday would count it in the next one.
  const weekly = { percent: 95, period: 'weekly' as const };

  test('a ticket objective', () => {
    expect(markdownOf(model([{ ...firstResponse, objective: weekly }]))).toContain(
      'a calendar period in the time zone of the hours shown with the service level (a week runs from Monday to Sunday), that have met or missed their target',
    );
  });

  test('an availability objective', () => {
    const up = metric('Up', { title: 'Uptime', measures: 'uptime', clock: 'OnCall', objective: { percent: 99.9, period: 'weekly' } });
    expect(markdownOf(model([up]))).toContain('local weeks, each from Monday to Sunday.');
  });

  test('not without a weekly period', () => {
    expect(markdownOf(model([firstResponse]))).not.toContain('Monday to Sunday');
  });
});

describe('the time zone of availability periods', () => {
  // slac check cuts periods in the zone of the objective's calendar (SEMANTICS.md, Objectives), with or without an
  // effective date; without one the document had no worked example, and with it no word of the zone.
  test('is stated without an effective date', () => {
    const up = metric('Up', { title: 'Uptime', measures: 'uptime', clock: 'OnCall', objective: { percent: 99.9, period: 'monthly' } });
    const undated = model([up], { agreement: { ...agreement().agreement!, effective: undefined } });
    expect(markdownOf(undated)).toContain('Availability is measured in Central European Time (Europe/Berlin) local months.');
  });
});

describe('a change of severity and the services measured until Resolution', () => {
  // `slac check` judges every reply cycle and update interval by the severity at Resolution (SEMANTICS.md, Target).
  const bySeverity = { targets: { High: duration(1, 'hours'), Low: duration(2, 'hours') } };
  const cycles = metric('Answer', { title: 'Answer', measures: 'nextReply', clock: 'OnCall', ...bySeverity });
  const intervals = metric('Updates', { title: 'Updates', measures: 'updateInterval', clock: 'OnCall', ...bySeverity });
  const intervalsByChannel = metric('Updates', { title: 'Updates', measures: 'updateInterval', clock: 'OnCall', defaultTarget: duration(2, 'hours'), channelTargets: [{ severity: 'High', channel: 'Email', duration: duration(1, 'hours') }] });
  const sentence = (measured: string, every: string) =>
    `A service level measured ${measured} is measured until the Ticket’s Resolution, so the new level’s target applies to every ${every} of the Ticket, earlier ones included.`;

  test.each<[string, MetricModel[], string | undefined]>([
    ['next reply by severity', [cycles], sentence('for each Further Message', 'Further Message')],
    ['update interval by severity and channel', [intervalsByChannel], sentence('by Update Intervals', 'Update Interval')],
    ['both', [cycles, intervals], sentence('for each Further Message or by Update Intervals', 'Further Message and every Update Interval')],
    ['next reply with one target for every severity', [nextReply], undefined],
    ['first response only', [firstResponse], undefined],
  ])('%s', (_case, metrics, expected) => {
    const text = markdownOf(model(metrics));
    expect(text).toContain('A change of severity applies the targets of the new level');
    if (expected) expect(text).toContain(expected);
    else expect(text).not.toContain('earlier ones included');
  });
});
