import { DURATION_UNITS, MEASURE_KINDS, PERIOD_KINDS, statementKeywords, WEEKDAYS } from './language.js';

/** Words that start declarations, wherever they appear. */
const declarationKeywords = [
  'import', 'agreement', 'param', 'calendar', 'channel', 'severity', 'pause', 'metric', 'escalation',
  'credits', 'responsibilities', 'clause', 'review', 'override', 'Provider', 'Client', 'maintenance', 'portfolio',
  // Words of 1.1 phrases that follow a name (`target P1 via Email`, `client "A" uses "a.sla" with P "v"`).
  'via', 'from', 'uses', 'use', 'others', 'with', 'never', 'annually', 'next', 'reply', 'most',
  // Words of the contract terms that follow another word (`claim within 30 days`).
  'within', 'remedy',
];

let cached: Set<string> | undefined;

/**
 * Every word of the language: statement keywords of every block, measure
 * and period kinds, duration units and weekday names. A declaration named
 * like one of them would read ambiguously, so rename refuses them.
 */
export function reservedWords(): Set<string> {
  if (cached) return cached;
  const phrases: string[] = [
    ...declarationKeywords,
    ...Object.values(statementKeywords as Record<string, readonly string[]>).flat(),
    ...(MEASURE_KINDS as readonly string[]),
    ...(PERIOD_KINDS as readonly string[]),
    ...(DURATION_UNITS as readonly string[]),
    ...(WEEKDAYS as readonly string[]),
  ];
  cached = new Set(phrases.flatMap((phrase) => phrase.split(/\s+/)).filter(Boolean));
  for (const unit of DURATION_UNITS as readonly string[]) cached.add(`${unit}s`);
  return cached;
}
