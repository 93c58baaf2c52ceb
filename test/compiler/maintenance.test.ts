import { describe, expect, test } from 'vitest';
import { buildAgreementDocument } from '../../compiler/document/build.js';
import { scheduledMaintenanceMeaning } from '../../compiler/document/maintenance.js';
import { renderMarkdown } from '../../compiler/render/markdown.js';
import type { AgreementModel, MaintenanceModel } from '../../language/model/model.js';
import { prose } from './helpers.js';
import { agreement, calendar, contextOf, duration, metric } from './model-builder.js';

const sundayNight = calendar('SundayNight', [7], ['02:00-06:00']);
const uptime = metric('Uptime', { title: 'Platform availability', measures: 'uptime', clock: 'Office', excludingMaintenance: true, objective: { percent: 99.9, period: 'monthly' } });

function withMaintenance(maintenance: MaintenanceModel | undefined, metrics = [uptime]): AgreementModel {
  return agreement({ calendars: [...agreement().calendars, sundayNight], metrics, ...(maintenance ? { maintenance } : {}) });
}

const markdownOf = (model: AgreementModel): string => prose(renderMarkdown(buildAgreementDocument(model)));

const WINDOW = '**Window.** Planned maintenance takes place within Sunday Night Hours, which is open Sunday 02:00–06:00, Central European Time (Europe/Berlin). The part of any maintenance outside these hours counts as Downtime.';
const NOTICE = '**Notice.** The Provider announces planned maintenance to the Client at least 5 days (120 hours) before it starts. Maintenance announced later, or not announced, counts as Downtime.';
const LIMIT = '**Limit.** No more than 8 hours of maintenance in each month is Scheduled Maintenance, counted in the order the maintenance takes place. Months are counted in Central European Time (Europe/Berlin). Maintenance beyond that counts as Downtime.';

describe('maintenance terms in full', () => {
  test.each<[string, MaintenanceModel, string]>([
    ['a window', { window: 'SundayNight' }, 'within Sunday Night Hours.'],
    ['a notice', { notice: duration(48, 'hours') }, ', announced to the Client at least 48 hours before it starts.'],
    ['a cap', { atMost: { duration: duration(4, 'hours'), period: 'quarterly' } }, ', up to 4 hours in each quarter.'],
    [
      'all three',
      { window: 'SundayNight', notice: duration(5, 'days'), atMost: { duration: duration(8, 'hours'), period: 'monthly' } },
      'within Sunday Night Hours, announced to the Client at least 5 days (120 hours) before it starts, up to 8 hours in each month.',
    ],
  ])('the definition states only the declared terms: %s', (_name, maintenance, terms) => {
    const meaning = scheduledMaintenanceMeaning(contextOf(withMaintenance(maintenance)), true);
    expect(meaning).toBe(
      `means planned maintenance of the Service that the Provider carries out${terms.startsWith(',') ? '' : ' '}${terms} Any maintenance, or part of it, that falls outside these terms counts as Downtime. Where an availability objective excludes it, Scheduled Maintenance is not counted as Scheduled Time or as Downtime.`,
    );
  });

  test('the section lists each term and what happens outside it; the definitions say Downtime includes the rest', () => {
    const text = markdownOf(
      withMaintenance({ window: 'SundayNight', notice: duration(5, 'days'), atMost: { duration: duration(8, 'hours'), period: 'monthly' } }),
    );
    expect(text).toContain('## 2. Definitions');
    expect(text).toContain('**Scheduled Maintenance** means planned maintenance of the Service');
    expect(text).toContain('**Downtime** means Scheduled Time during which the Service is unavailable to the Client.');
    expect(text).toMatch(/\*\*Downtime\*\* means [^-]* Maintenance that is not Scheduled Maintenance is Downtime\./);
    expect(text).toMatch(/## \d+\. Availability and Maintenance /);
    expect(text).toMatch(/### \d+\.\d+ Scheduled Maintenance Planned maintenance is Scheduled Maintenance only/);
    expect(text).toContain(`Scheduled Maintenance Planned maintenance is Scheduled Maintenance only when it keeps to all of the following terms: - ${WINDOW} - ${NOTICE} - ${LIMIT}`);
    expect(text).toContain('The Service will be available at least 99.9% of the Scheduled Time in Office Hours each month, excluding Scheduled Maintenance.');
  });

  test('one term only: neither of the others is mentioned', () => {
    const text = markdownOf(withMaintenance({ notice: duration(3, 'days') }));
    expect(text).toContain('only when it keeps to the following term: - **Notice.** The Provider announces planned maintenance to the Client at least 3 days (72 hours) before it starts.');
    expect(text).not.toContain('Window.');
    expect(text).not.toContain('Limit.');
  });

  test('no maintenance declaration: no Scheduled Maintenance, and the section is "Availability"', () => {
    const text = markdownOf(withMaintenance(undefined, [{ ...uptime, excludingMaintenance: false }]));
    expect(text).not.toContain('Scheduled Maintenance');
    expect(text).not.toContain('maintenance');
    expect(text).toMatch(/## \d+\. Availability (?!and)/);
  });

  test('maintenance without an uptime metric: a "Maintenance" section, and no claim about scheduled time', () => {
    const text = markdownOf(withMaintenance({ notice: duration(2, 'days') }, []));
    expect(text).toMatch(/## \d+\. Maintenance /);
    expect(text).not.toContain('not counted as scheduled time');
    expect(text).not.toContain('Availability');
    // Without an availability objective there is no Downtime to count maintenance as.
    expect(text).not.toContain('Downtime');
    expect(text).toContain('**Notice.** The Provider announces planned maintenance to the Client at least 2 days (48 hours) before it starts. Maintenance announced later, or not announced, is not Scheduled Maintenance.');
    expect(text).toContain('**Scheduled Maintenance** means planned maintenance of the Service that the Provider carries out, announced to the Client at least 2 days (48 hours) before it starts.');
    expect(text).toContain('**Service** means');
  });
});

test('a weekly limit says which day a week starts on, as slac check counts it (ISO weeks)', () => {
  const text = markdownOf(withMaintenance({ atMost: { duration: duration(2, 'hours'), period: 'weekly' } }));
  expect(text).toContain('**Limit.** No more than 2 hours of maintenance in each week (from Monday to Sunday) is Scheduled Maintenance');
});
