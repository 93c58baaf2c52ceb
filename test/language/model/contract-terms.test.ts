import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

describe('the contract terms in the model (fixtures/ok-contract-terms.sla)', () => {
  const analysis = analyze(join(fixtures, 'ok-contract-terms.sla'));
  const model = analysis.model!;

  it('has no diagnostics and a model', () => {
    expect(analysis.diagnostics).toEqual([]);
    expect(model).toBeDefined();
  });

  it('says who assigns a severity and who may change it, with the conditions as written', () => {
    expect(model.severityAssignment).toEqual({
      assignedBy: { party: 'Provider', condition: 'when it receives the Ticket' },
      changedBy: [{ party: 'Provider', condition: "on the Client's reasonable request" }, { party: 'Client' }],
    });
  });

  it('names the system of record', () => {
    expect(model.measurement).toEqual({ records: "the Provider's Zendesk instance" });
  });

  it('keeps the terms in force in order, an override in the place of the imported term', () => {
    expect(model.terms).toEqual([
      { term: 'Business Hours', definition: 'The hours of the Office calendar, in Berlin time.' },
      { term: 'Incident', definition: 'an unplanned interruption of the Service' },
      { term: 'Service', definition: 'the hosting service' },
    ]);
  });

  it('adds the fee, the claim and the sole remedy to the credits', () => {
    expect(model.credits).toEqual({
      tiers: [{ metric: 'Uptime', belowPercent: 99, creditPercent: 10 }],
      capPercent: 20,
      fee: 'the monthly service fee',
      claim: { within: { amount: 30, unit: 'days', minutes: 43200, text: '30 days' }, how: 'email to billing@example.com' },
      soleRemedy: true,
    });
  });

  it('leaves every contract term out of a model that does not declare it', () => {
    const plain = analyze(join(fixtures, 'ok-overrides.sla')).model!;
    expect(plain).not.toHaveProperty('severityAssignment');
    expect(plain).not.toHaveProperty('measurement');
    expect(plain).not.toHaveProperty('terms');
    expect(plain.credits ?? {}).not.toHaveProperty('fee');
  });
});
