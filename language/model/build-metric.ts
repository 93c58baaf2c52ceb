import type {
  CreditsDeclaration,
  EscalationDeclaration,
  MaintenanceDeclaration,
  MeasureKind,
  MetricDeclaration,
  ReviewDeclaration,
} from '../syntax/ast.js';
import type {
  CreditsModel,
  DurationModel,
  EscalationLevelModel,
  EscalationModel,
  MaintenanceModel,
  Measure,
  MetricModel,
  ReviewModel,
} from './model.js';
import { durationModel, textOf, titleFromName } from './text.js';
import { setOwnValue } from './own-keys.js';

const measures: Record<MeasureKind, Measure> = {
  'first response': 'firstResponse',
  resolution: 'resolution',
  'first estimate': 'firstEstimate',
  'update interval': 'updateInterval',
  'next reply': 'nextReply',
  uptime: 'uptime',
};

/** A metric of the model: measure, clock, targets (default, per severity, per channel), objective, own pauses. */
export function buildMetric(metric: MetricDeclaration): MetricModel {
  const name = metric.name?.text ?? '';
  const model: MetricModel = {
    name,
    title: titleFromName(name),
    measures: 'resolution',
    clock: '',
    targets: {},
    channelTargets: [],
    excludingMaintenance: false,
  };
  for (const statement of metric.statements ?? []) {
    if (!statement) continue;
    switch (statement.kind) {
      case 'Title':
        model.title = textOf(statement.value);
        break;
      case 'Measures':
        if (statement.measure) model.measures = measures[statement.measure];
        break;
      case 'Clock':
        model.clock = statement.calendar?.text ?? '';
        break;
      case 'Target': {
        const duration: DurationModel = durationModel(statement.duration);
        if (statement.channel) {
          model.channelTargets.push({ ...(statement.severity ? { severity: statement.severity.text } : {}), channel: statement.channel.text, duration });
        } else if (statement.severity) setOwnValue(model.targets, statement.severity.text, duration);
        else model.defaultTarget = duration;
        break;
      }
      case 'Objective':
        model.objective = { percent: statement.percent?.value ?? 0, period: statement.period ?? 'monthly' };
        break;
      case 'ExcludingMaintenance':
        model.excludingMaintenance = true;
        break;
      case 'MetricPause':
        model.pause = { statuses: statement.never ? [] : pauseStatuses(statement.statuses ?? []) };
        break;
    }
  }
  return model;
}

/** Statuses as written, each once (compared as the runtime compares them: trimmed, any case). */
export function pauseStatuses(statuses: readonly { value: string }[]): string[] {
  const seen = new Set<string>();
  return statuses.flatMap(({ value }) => {
    const key = value.trim().toLowerCase();
    if (seen.has(key)) return [];
    seen.add(key);
    return [value];
  });
}

/** The maintenance terms: window calendar, notice and cap, each when stated. */
export function buildMaintenance(maintenance: MaintenanceDeclaration): MaintenanceModel {
  const model: MaintenanceModel = {};
  for (const statement of maintenance.statements ?? []) {
    if (statement?.kind === 'Window' && statement.calendar) model.window = statement.calendar.text;
    if (statement?.kind === 'Notice' && statement.duration) model.notice = durationModel(statement.duration);
    if (statement?.kind === 'AtMost' && statement.duration) {
      model.atMost = { duration: durationModel(statement.duration), period: statement.period ?? 'monthly' };
    }
  }
  return model;
}

/** The escalation block: its clock and its levels in declaration order. */
export function buildEscalation(escalation: EscalationDeclaration): EscalationModel {
  const model: EscalationModel = { levels: [] };
  for (const statement of escalation.statements ?? []) {
    if (statement?.kind === 'Clock' && statement.calendar) model.clock = statement.calendar.text;
    if (statement?.kind !== 'Level') continue;
    const trigger = statement.trigger;
    const level: EscalationLevelModel = {
      level: statement.level?.value ?? 0,
      who: statement.who?.value ?? '',
      trigger:
        trigger?.kind === 'After'
          ? { kind: 'after', duration: durationModel(trigger.duration) }
          : { kind: 'at', percent: trigger?.percent?.value ?? 0, metric: trigger?.metric?.text ?? '' },
    };
    model.levels.push(level);
  }
  return model;
}

/** The credit tiers in declaration order and the cap. */
export function buildCredits(credits: CreditsDeclaration): CreditsModel {
  const model: CreditsModel = { tiers: [] };
  for (const statement of credits.statements ?? []) {
    if (statement?.kind === 'Cap' && statement.percent) model.capPercent = statement.percent.value;
    if (statement?.kind === 'Tier') {
      model.tiers.push({
        metric: statement.metric?.text ?? '',
        belowPercent: statement.below?.value ?? 0,
        creditPercent: statement.credit?.value ?? 0,
      });
    }
  }
  return model;
}

/** The review cadence, its triggers, participants, agenda, report and amendments. */
export function buildReview(review: ReviewDeclaration): ReviewModel {
  const model: ReviewModel = { onRequest: false, afterMajorIncident: false, participants: [], agenda: [], report: [] };
  for (const statement of review.statements ?? []) {
    if (!statement) continue;
    switch (statement.kind) {
      case 'Every':
        model.every = durationModel(statement.duration);
        break;
      case 'AlsoOnRequest':
        model.onRequest = true;
        break;
      case 'AlsoAfterMajorIncident':
        model.afterMajorIncident = true;
        break;
      case 'Participants':
        for (const entry of statement.entries ?? []) {
          const party = entry?.party?.text === 'Client' ? 'Client' : 'Provider';
          if (entry) model.participants.push({ party, text: textOf(entry.text) });
        }
        break;
      case 'Agenda':
        for (const item of statement.items ?? []) {
          if (item) model.agenda.push({ title: item.title?.value ?? '', text: textOf(item.text) });
        }
        break;
      case 'Report':
        for (const item of statement.items ?? []) model.report.push(textOf(item));
        break;
      case 'NotifyChanges':
        if (statement.medium) model.notifyChangesBy = statement.medium.text;
        break;
      case 'Amendments':
        model.amendments = textOf(statement.value);
        break;
    }
  }
  return model;
}
