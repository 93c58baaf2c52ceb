import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCalendar, findMetric, memberForClient, type AgreementModel, type PortfolioModel } from '../../language/model/model.js';
import { analyze, loadAgreementOrPortfolio } from '../../language/workspace/index.js';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const examples = [
  ...readdirSync(examplesDir).filter((name) => name.endsWith('.sla')),
  ...readdirSync(join(examplesDir, 'multilevel')).map((name) => `multilevel/${name}`),
].sort();

function modelOf(example: string): AgreementModel {
  const analysis = analyze(join(examplesDir, example));
  expect(analysis.diagnostics).toEqual([]);
  expect(analysis.model).toBeDefined();
  return analysis.model!;
}

describe('the examples', () => {
  it('are all found', () => {
    expect(examples).toEqual([
      'hosting.sla',
      'letsflo.sla',
      'multilevel/corporate.sla',
      'multilevel/departments.sla',
      'multilevel/finance.sla',
      'multilevel/hr.sla',
      'poologics.sla',
    ]);
  });

  const agreements = examples.filter((example) => example !== 'multilevel/departments.sla');

  it.each(agreements)('%s analyses with no diagnostic and yields a model', (example) => {
    const model = modelOf(example);
    expect(model.format).toBe('slac-model');
    expect(model.version).toBe(2);
    expect(model.sources[0]!.path).toBe(example.split('/').pop());
    expect(model.sources[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('poologics: business hours, severities, metrics, escalation, review', () => {
    const model = modelOf('poologics.sla');
    const hours = findCalendar(model, 'BusinessHours')!;
    expect(hours.timezone).toBe('America/New_York');
    expect(hours.weekly).toEqual([[], ...Array(5).fill([{ start: 480, end: 1080 }]), [], []]);
    expect(hours.holidays).toEqual([]);
    expect(hours.holidaySets).toEqual(['US']);
    expect(model.severities.map((s) => [s.name, s.isDefault])).toEqual([['Critical', false], ['Standard', true]]);
    expect(model.defaultSeverity).toBe('Standard');
    expect(model.agreement?.client).toEqual({ kind: 'param', param: 'ClientName' });
    expect(model.agreement?.provider).toEqual({ kind: 'text', text: 'Poologics Customer Success Department' });
    expect(model.agreement?.purpose).toBe(
      'This agreement defines the scope of support services, establishes\nperformance expectations, and outlines responsibilities to ensure the\nefficient resolution of IT-related issues.',
    );
    expect(model.params).toEqual([{ name: 'ClientName', placeholder: '[Company Name]' }]);
    expect(findMetric(model, 'Acknowledgement')!.defaultTarget).toEqual({ amount: 20, unit: 'minutes', minutes: 20, text: '20 minutes' });
    expect(findMetric(model, 'Resolution')!.targets['Critical']).toEqual({ amount: 1, unit: 'hours', minutes: 60, text: '1 hour' });
    expect(findMetric(model, 'Availability')).toMatchObject({ measures: 'uptime', excludingMaintenance: true, objective: { percent: 99, period: 'monthly' } });
    expect(model.escalation?.levels.map((l) => l.trigger)).toEqual([
      { kind: 'at', percent: 50, metric: 'Resolution' },
      { kind: 'at', percent: 100, metric: 'Resolution' },
      { kind: 'at', percent: 200, metric: 'Resolution' },
    ]);
    expect(model.channels[1]).toEqual({ name: 'Chat', hours: 'BusinessHours', matches: [] });
    expect(model.maintenance).toEqual({
      notice: { amount: 2, unit: 'days', minutes: 2880, text: '2 days' },
      atMost: { duration: { amount: 8, unit: 'hours', minutes: 480, text: '8 hours' }, period: 'monthly' },
    });
    expect(model.review?.every).toEqual({ amount: 12, unit: 'months', text: '12 months' });
    expect(model.pause.statuses).toEqual(['Waiting on customer']);
  });

  it('hosting: the night desk crosses midnight, Christmas Eve is short, credits and cap', () => {
    const model = modelOf('hosting.sla');
    const night = findCalendar(model, 'NightDesk')!;
    const shift = [{ start: 1320, end: 1800 }];
    expect(night.weekly).toEqual([[], shift, shift, shift, shift, [], [], shift]);
    const office = findCalendar(model, 'Office')!;
    expect(office.weekly[1]).toEqual([{ start: 480, end: 720 }, { start: 780, end: 1020 }]);
    expect(office.weekly[5]).toEqual([{ start: 480, end: 840 }]);
    expect(office.holidays).toEqual([]);
    expect(office.holidaySets).toEqual(['DE-BE']);
    expect(office.annualHolidays).toEqual([
      { monthDay: '12-24', name: 'Christmas Eve', hours: [{ start: 480, end: 720 }] },
      { monthDay: '12-31', name: "New Year's Eve", hours: [{ start: 480, end: 720 }] },
    ]);
    expect(findCalendar(model, 'OnCall')!.weekly.slice(1)).toEqual(Array(7).fill([{ start: 0, end: 1440 }]));
    expect(findMetric(model, 'Fix')!.targets['P2']).toEqual({ amount: 2, unit: 'businessDays', text: '2 business days' });
    expect(findMetric(model, 'FirstResponse')!.title).toBe('First response');
    expect(model.defaultSeverity).toBe('P3');
    expect(model.credits).toEqual({
      tiers: [
        { metric: 'Uptime', belowPercent: 99.9, creditPercent: 5 },
        { metric: 'Uptime', belowPercent: 99.5, creditPercent: 10 },
        { metric: 'Uptime', belowPercent: 99, creditPercent: 25 },
        { metric: 'FirstResponse', belowPercent: 95, creditPercent: 5 },
      ],
      capPercent: 30,
    });
    expect(model.clauses.map((c) => c.title)).toEqual(['Emergency maintenance']);
    expect(model.clauses[0]!.text.startsWith('The Provider may fix a security vulnerability outside the maintenance\nwindow')).toBe(true);
    expect(model.responsibilities.provider).toHaveLength(3);
    expect(model.responsibilities.client).toHaveLength(2);
    expect(model.review).toMatchObject({ onRequest: true, afterMajorIncident: false, every: { amount: 3, unit: 'months' } });
  });

  it('letsflo: review participants, agenda, report and notification', () => {
    const review = modelOf('letsflo.sla').review!;
    expect(review.participants.map((p) => p.party)).toEqual(['Provider', 'Client']);
    expect(review.agenda).toHaveLength(6);
    expect(review.agenda[0]!.title).toBe('Performance metrics');
    expect(review.report).toHaveLength(3);
    expect(review.notifyChangesBy).toBe('email');
    expect(review).toMatchObject({ onRequest: true, afterMajorIncident: true });
  });

  it('finance: corporate terms imported, Resolution overridden', () => {
    const analysis = analyze(join(examplesDir, 'multilevel', 'finance.sla'));
    const model = analysis.model!;
    expect(model.sources.map((s) => s.path)).toEqual(['finance.sla', 'corporate.sla']);
    expect(model.metrics.map((m) => m.name)).toEqual(['Response', 'Resolution']);
    const resolution = findMetric(model, 'Resolution')!;
    expect(resolution.targets['Medium']).toEqual({ amount: 1, unit: 'businessDays', text: '1 business day' });
    expect(resolution.objective).toEqual({ percent: 95, period: 'monthly' });
    expect(model.severities.map((s) => s.name)).toEqual(['High', 'Medium', 'Low']);
    expect(model.defaultSeverity).toBe('Medium');
    expect(model.calendars.map((c) => c.name)).toEqual(['ServiceDesk']);
    expect(model.responsibilities.provider).toHaveLength(1);
    expect(model.pause.statuses).toEqual(['Waiting for requester']);
    expect(model.agreement?.client).toEqual({ kind: 'text', text: 'Finance Department' });

    const symbols = analysis.symbols;
    const [corporateResolution, financeResolution] = symbols.declarations.filter((d) => d.name === 'Resolution');
    expect(corporateResolution!.file.endsWith('corporate.sla')).toBe(true);
    expect(corporateResolution!.overriddenBy).toBe(financeResolution);
    expect(financeResolution!.overrides).toBe(corporateResolution);
    const references = symbols.referencesTo(financeResolution!);
    expect(references.map((r) => r.file.endsWith('finance.sla'))).toEqual([true, true]);
    expect(symbols.visibleDeclarations(analysis.entry, 'metric')).toEqual([
      symbols.declarations.find((d) => d.name === 'Response'),
      financeResolution,
    ]);
  });

  it('hosting: matches, next reply, a channel target, pause never, maintenance', () => {
    const model = modelOf('hosting.sla');
    expect(model.severities.map((s) => [s.name, s.matches])).toEqual([['P1', ['urgent']], ['P2', ['high']], ['P3', ['normal', 'low']]]);
    expect(model.channels.map((c) => [c.name, c.matches])).toEqual([
      ['Phone', []], ['NightLine', []], ['Email', ['email', 'mail']], ['Portal', ['web', 'web form']],
    ]);
    expect(findMetric(model, 'FirstResponse')!.channelTargets).toEqual([
      { severity: 'P3', channel: 'Email', duration: { amount: 4, unit: 'hours', minutes: 240, text: '4 hours' } },
    ]);
    expect(findMetric(model, 'FirstResponse')!.targets['P3']).toEqual({ amount: 8, unit: 'hours', minutes: 480, text: '8 hours' });
    expect(findMetric(model, 'NextReply')).toMatchObject({ measures: 'nextReply', pause: { statuses: [] } });
    expect(findMetric(model, 'Fix')!.pause).toBeUndefined();
    expect(model.maintenance).toEqual({
      window: 'SundayNight',
      notice: { amount: 5, unit: 'days', minutes: 7200, text: '5 days' },
      atMost: { duration: { amount: 8, unit: 'hours', minutes: 480, text: '8 hours' }, period: 'monthly' },
    });
  });

  it('departments: a portfolio of two agreements that share the corporate terms', () => {
    const { kind, model, diagnostics } = loadAgreementOrPortfolio(join(examplesDir, 'multilevel', 'departments.sla'));
    expect(diagnostics).toEqual([]);
    expect(kind).toBe('portfolio');
    const portfolio = model as PortfolioModel;
    expect(portfolio).toMatchObject({ format: 'slac-portfolio', version: 2, name: 'Departments' });
    expect(portfolio.clients.map((c) => [c.names, c.path, c.params, c.agreement.agreement?.name])).toEqual([
      [['Finance Department', 'Finance'], 'finance.sla', {}, 'FinancePayroll'],
      [['Human Resources Department', 'HR'], 'hr.sla', {}, 'HumanResources'],
    ]);
    expect(portfolio.others).toBeUndefined();
    expect(portfolio.sources.map((s) => s.path)).toEqual(['departments.sla', 'finance.sla', 'corporate.sla', 'hr.sla']);
    expect(memberForClient(portfolio, ' hr ')?.agreement.agreement?.name).toBe('HumanResources');
    expect(memberForClient(portfolio, 'Legal')).toBeUndefined();
  });

  it('corporate: shared terms without an agreement still give a model', () => {
    const model = modelOf('multilevel/corporate.sla');
    expect(model.agreement).toBeUndefined();
    expect(findCalendar(model, 'ServiceDesk')!.weekly[1]).toEqual([{ start: 510, end: 1110 }]);
  });
});
