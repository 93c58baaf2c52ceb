import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

describe('the model with overrides (fixtures/ok-overrides.sla)', () => {
  const analysis = analyze(join(fixtures, 'ok-overrides.sla'));
  const model = analysis.model!;

  it('has no diagnostics and a model', () => {
    expect(analysis.diagnostics).toEqual([]);
    expect(model).toBeDefined();
  });

  it('keeps an overridden severity in the place of the one it replaces', () => {
    expect(model.severities).toEqual([
      { name: 'High', description: 'Down.', isDefault: false, matches: [] },
      { name: 'Medium', description: 'Degraded, for payroll.', isDefault: true, matches: [] },
      { name: 'Low', description: 'A question.', isDefault: false, matches: [] },
    ]);
    expect(model.defaultSeverity).toBe('Medium');
  });

  it('replaces the imported metric, escalation, pause, provider duties and clause', () => {
    expect(model.metrics).toHaveLength(1);
    expect(model.metrics[0]!.defaultTarget).toEqual({ amount: 1, unit: 'businessDays', text: '1 business day' });
    expect(model.escalation).toEqual({
      clock: 'Desk',
      levels: [
        { level: 1, who: 'Payroll lead', trigger: { kind: 'at', percent: 75, metric: 'Fix' } },
        { level: 2, who: 'Head of IT', trigger: { kind: 'after', duration: { amount: 2, unit: 'businessDays', text: '2 business days' } } },
      ],
    });
    expect(model.pause.statuses).toEqual(['On hold']);
    expect(model.responsibilities).toEqual({ provider: ['Run payroll on time.'], client: ['Name a contact.', 'Approve the run.'] });
    expect(model.clauses).toEqual([
      { title: 'Support', text: 'Support is given in Spanish and English.' },
      { title: 'Month end', text: 'Month-end runs come first.' },
    ]);
    expect(model.review?.every?.unit).toBe('months');
    expect(model.sources.map((s) => s.path)).toEqual(['ok-overrides.sla', 'shared/base.sla']);
  });

  it('resolves the imported escalation no more, and references in force go to the override', () => {
    const fix = analysis.symbols.declarations.filter((d) => d.name === 'Fix');
    expect(fix).toHaveLength(2);
    const [imported, override] = fix;
    expect(imported!.overriddenBy).toBe(override);
    // The imported file's escalation still names Fix; it resolves to the override too.
    const fromBase = analysis.symbols.references.filter((r) => r.name === 'Fix' && r.file.endsWith('base.sla'));
    expect(fromBase.map((r) => r.target)).toEqual([override]);
  });
});
