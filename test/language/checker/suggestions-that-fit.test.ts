import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../language/diagnostics/diagnostic.js';
import { analyze } from '../../../language/workspace/index.js';

/**
 * An agreement whose only error is the unknown name on the last line of `body`:
 * P1 and P2 are one letter from the misspelt `P3`, Email and Emil from `Emial`,
 * Acks (no objective) and Ack from `Acsk`, Ack alone from `Akc`; Ups and Up measure uptime, quarterly and monthly.
 * Where two are as near, the one declared first is suggested, so the ones that clash come first.
 */
const agreement = (body: string) => `calendar Office {
  timezone "UTC"
  hours Mon-Fri 08:00-18:00
}
severity P1 { default }
severity P2 { }
channel Email {
  contact "e@example.com"
  hours Office
}
channel Emil {
  contact "f@example.com"
  hours Office
}
metric Acks {
  measures resolution
  clock Office
  target 4 hours
}
metric Ack {
  measures first response
  clock Office
  target 1 hour
  objective 95% monthly
}
metric Ups {
  measures uptime
  clock Office
  objective 99% quarterly
}
metric Up {
  measures uptime
  clock Office
  objective 99% monthly
}
${body}
`;

const errorsOf = (text: string): Diagnostic[] =>
  analyze('/w/a.sla', { readFile: () => text }).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');

/** The text with the diagnostic's range replaced by its suggestion, as the quick fix "Change to 'X'" does. */
function applySuggestion(text: string, diagnostic: Diagnostic, suggestion: string): string {
  const lines = text.split('\n');
  const { start, end } = diagnostic.range;
  const line = lines[start.line]!;
  lines[start.line] = line.slice(0, start.character) + suggestion + line.slice(end.character);
  expect(end.line).toBe(start.line);
  return lines.join('\n');
}

describe('a "did you mean" never names what would make its statement an error', () => {
  it.each<[string, string, string | undefined]>([
    // The metric already targets P1 (SLA3025 once changed); P2 is free.
    ['a severity the metric targets', 'metric Fix {\n  measures resolution\n  clock Office\n  target P1 1 hour\n  target P3 8 hours\n}', 'P2'],
    ['every near severity targeted: none', 'metric Fix {\n  measures resolution\n  clock Office\n  target P1 1 hour\n  target P2 2 hours\n  target P3 8 hours\n}', undefined],
    ['a target via a channel is its own slot', 'metric Fix {\n  measures resolution\n  clock Office\n  target P1 1 hour\n  target P3 via Email 8 hours\n}', 'P1'],
    ['a severity targeted via that channel (SLA3046)', 'metric Fix {\n  measures resolution\n  clock Office\n  target P1 via Email 1 hour\n  target P3 via Email 8 hours\n}', 'P2'],
    ['a channel that severity is targeted via (SLA3046)', 'metric Fix {\n  measures resolution\n  clock Office\n  target P1 via Email 1 hour\n  target P1 via Emial 8 hours\n}', 'Emil'],
    ['a channel every severity is targeted via', 'metric Fix {\n  measures resolution\n  clock Office\n  target via Email 1 hour\n  target via Emil 2 hours\n  target via Emial 8 hours\n}', undefined],
    ['an uptime metric in an escalation (SLA3024)', 'escalation {\n  level 1 "Lead" at 50% of Upp\n}', undefined],
    ['a ticket metric in an escalation', 'escalation {\n  level 1 "Lead" at 50% of Akc\n}', 'Ack'],
    ['a metric an earlier level is at with more (SLA3010)', 'escalation {\n  level 1 "Lead" at 50% of Acks\n  level 2 "Head" at 30% of Acsk\n}', 'Ack'],
    // On the escalation's clock, at 100% Acks falls due after 4 hours and Ack after 1 hour.
    ['metrics due before an earlier after level (SLA3010)', 'escalation {\n  clock Office\n  level 1 "Lead" after 5 hours\n  level 2 "Head" at 100% of Acsk\n}', undefined],
    ['a metric due after a later after level (SLA3010)', 'escalation {\n  clock Office\n  level 1 "Lead" at 100% of Acsk\n  level 2 "Head" after 2 hours\n}', 'Ack'],
    ['a metric a later level is at with less (SLA3010)', 'escalation {\n  level 1 "Lead" at 50% of Acsk\n  level 2 "Head" at 30% of Acks\n}', 'Ack'],
    ['a metric without an objective in credits (SLA3023)', 'credits {\n  when Ack below 95% credit 5%\n  when Acsk below 90% credit 10%\n}', 'Ack'],
    ['a metric whose tier has that threshold (SLA3031), or of another period', 'credits {\n  when Ups below 99% credit 5%\n  when Upx below 99% credit 10%\n}', undefined],
    ['a metric whose tiers would then give less below a lower threshold (SLA3011), or of another period', 'credits {\n  when Ups below 99% credit 10%\n  when Upx below 98% credit 5%\n}', undefined],
    ['a metric of another period (SLA3036)', 'credits {\n  when Ack below 95% credit 5%\n  when Upx below 99% credit 10%\n}', 'Up'],
  ])('%s', (_name, body, expected) => {
    const text = agreement(body);
    const errors = errorsOf(text);
    expect(errors.map((diagnostic) => diagnostic.code)).toHaveLength(1);
    const [unknown] = errors;
    const suggestion = (unknown!.data as { suggestion?: string } | undefined)?.suggestion;
    expect(suggestion).toBe(expected);
    if (suggestion === undefined) {
      expect(unknown!.message).not.toContain('Did you mean');
      return;
    }
    expect(unknown!.message).toContain(`Did you mean '${suggestion}'?`);
    expect(errorsOf(applySuggestion(text, unknown!, suggestion))).toEqual([]);
  });
});
