import { describe, expect, test } from 'vitest';
import { buildAgreementDocument } from '../../compiler/document/build.js';
import {
  channelPrecedenceSentence,
  metricPauseSentence,
  metricSentence,
} from '../../compiler/document/service-levels.js';
import { renderMarkdown } from '../../compiler/render/markdown.js';
import type { AgreementModel, ChannelModel, MetricModel } from '../../language/model/model.js';
import { flatten } from './helpers.js';
import { agreement, calendar, contextOf, duration, metric } from './model-builder.js';

const markdownOf = (model: AgreementModel): string => flatten(renderMarkdown(buildAgreementDocument(model)));

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
      'In the Provider’s ticketing system a severity level is recorded by its name or by one of the values shown under “Recorded as”; those values are compared without regard to capitals or surrounding spaces.',
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

describe('next reply', () => {
  test.each<[string, Partial<MetricModel>, string]>([
    ['one target', {}, 'After its first response, the Provider will answer each Further Message from the Client on every ticket within 4 business hours (Office).'],
    [
      'an objective and targets by severity',
      { defaultTarget: undefined, targets: { High: duration(1, 'hours'), Low: duration(8, 'hours') }, objective: { percent: 90, period: 'quarterly' } },
      'After its first response, the Provider will answer each Further Message from the Client on 90% of tickets each quarter within 1 business hour for High tickets and 8 business hours for Low tickets (Office).',
    ],
    [
      'one severity only, around the clock',
      { defaultTarget: undefined, targets: { High: duration(30, 'minutes') }, clock: 'OnCall' },
      'After its first response, the Provider will answer each Further Message from the Client on every High ticket within 30 minutes (OnCall, around the clock).',
    ],
  ])('the commitment with %s', (_name, change, sentence) => {
    const changed = { ...nextReply, ...change };
    expect(metricSentence(contextOf(model([changed])), changed)).toBe(sentence);
  });

  test('the definition of a Further Message, and the start of its clock, only when a next-reply metric exists', () => {
    const text = markdownOf(model([nextReply]));
    expect(text).toContain(
      '**Further Message** means a message the Client sends on a ticket after the Provider’s first reply to it (written by a person, not an automated reply) while the ticket is unresolved. The time to answer it runs from that message, or from the earliest of several messages not yet answered, until the Provider next replies or resolves the ticket. Automated replies neither start nor end it.',
    );
    expect(text).toContain('Each target is counted from when a ticket is opened (the answer to a Further Message, from that message), on the calendar');
    expect(markdownOf(model([firstResponse]))).not.toContain('Further Message');
  });
});

describe('channel targets', () => {
  test('the sentence names the channel target after the severity targets', () => {
    expect(metricSentence(contextOf(model([firstResponse])), firstResponse)).toBe(
      'The Provider will send a first response to 95% of tickets each month within 1 hour for High tickets and 8 hours for Low tickets (OnCall, around the clock), and within 4 hours for Low tickets raised by Email.',
    );
  });

  test('a channel target for every severity, and a metric with channel targets only', () => {
    const phoneOnly = metric('PhoneAnswer', { title: 'Phone answer', clock: 'OnCall', channelTargets: [{ channel: 'Phone', duration: duration(2, 'minutes') }] });
    expect(metricSentence(contextOf(model([phoneOnly])), phoneOnly)).toBe(
      'The Provider will send a first response to every ticket within 2 minutes for tickets raised by Phone (OnCall, around the clock).',
    );
  });

  test.each<[string, MetricModel[], string | undefined]>([
    ['no channel target', [nextReply], undefined],
    [
      'severity and channel over severity',
      [firstResponse],
      'A ticket is raised by the channel first recorded for it. When more than one target of a service level fits a ticket, the most specific applies: first one for its severity and channel, then one for its severity.',
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
      'A ticket is raised by the channel first recorded for it. When more than one target of a service level fits a ticket, the most specific applies: first one for its severity and channel, then one for its channel, then one for its severity, then the target for every ticket.',
    ],
  ])('precedence, stated once, with %s', (_name, metrics, sentence) => {
    expect(channelPrecedenceSentence(contextOf(model(metrics)))).toBe(sentence);
  });

  test('the table has a row per channel, each cell the target that applies by precedence', () => {
    const text = markdownOf(model([firstResponse]));
    expect(text).toContain('The targets by severity level, and by channel where one is set, are:');
    expect(text).toContain('| First response | 1 hour | 8 hours | 95% each month |');
    expect(text).toContain('| First response, raised by Email | 1 hour | 4 hours | As above |');
    expect(text.match(/most specific applies/g)).toHaveLength(1);
  });
});

describe('per-metric pauses', () => {
  const wide = { pause: { statuses: ['Waiting on customer'] } };
  test.each<[string, Partial<AgreementModel>, MetricModel['pause'], string | undefined]>([
    ['no pause of its own', wide, undefined, undefined],
    ['pause never, with agreement-wide pauses', wide, { statuses: [] }, 'The clock of this service level does not stop while a ticket is paused: Paused Time counts.'],
    ['pause never, with none agreement-wide', {}, { statuses: [] }, 'The clock of this service level does not stop for any status of a ticket.'],
    ['its own statuses, in place of the agreement’s', wide, { statuses: ['On hold', 'Parked'] }, 'The clock of this service level stops only while the ticket’s status is “On hold” or “Parked”, in place of Paused Time.'],
    ['its own statuses, with none agreement-wide', {}, { statuses: ['On hold'] }, 'The clock of this service level stops while the ticket’s status is “On hold”.'],
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
    expect(text).toContain('| Service level | High | Low | Objective | Clock stops |');
    expect(text).toContain('| First response | 1 hour | 8 hours | 95% each month | During Paused Time |');
    expect(text).toContain('| First response, raised by Email | 1 hour | 4 hours | As above | As above |');
    expect(text).toContain('| Reply to each message | 4 business hours | 4 business hours | — | Never |');
    expect(text).toContain('| Fix | 2 business days | 2 business days | — | While “On hold” |');
    expect(text).toContain('Paused Time does not count, unless a service level below says otherwise.');
    expect(text).toContain('The clock of every service level that does not state its own pauses stops while a ticket is paused');
  });

  test('without own pauses the table has no such column', () => {
    expect(markdownOf(model([firstResponse], { pause: { statuses: ['Waiting on customer'] } }))).not.toContain('Clock stops');
  });
});
