import { abbreviatedZone, etcOffsetZone } from '../language/checker/zone-names.js';
import { catalogueEntry } from '../language/diagnostics/catalogue.js';
import { formatMessage } from '../language/diagnostics/diagnostic.js';
import type { CliIo } from './io.js';

/**
 * One line on standard error when `--assume-timezone` names a zone that is
 * read otherwise than it seems (`EST`: America/Panama, with no summer
 * time), in the words of the agreement's warnings SLA3081 and SLA3082: the
 * log's local times are read in that zone. The command goes on.
 */
export function warnAboutZoneOption(zone: string | undefined, io: CliIo): void {
  if (zone === undefined) return;
  const abbreviated = abbreviatedZone(zone);
  const etc = abbreviated ? undefined : etcOffsetZone(zone);
  const code = abbreviated ? 'SLA3081' : etc ? 'SLA3082' : undefined;
  if (code === undefined) return;
  const { suggestion: _, ...args } = abbreviated ?? { suggestion: undefined, ...etc! };
  io.stderr(`slac: warning: --assume-timezone: ${formatMessage(catalogueEntry(code).message, { zone, ...args })} [${code}]\n`);
}
