import { abbreviatedZone, etcOffsetZone } from '../language/checker/zone-names.js';
import { catalogueEntry } from '../language/diagnostics/catalogue.js';
import { formatMessage, type MessageArgs } from '../language/diagnostics/diagnostic.js';
import type { CliIo } from './io.js';

/**
 * One line on standard error when `--assume-timezone` names a zone that is
 * read otherwise than it seems (`EST`: America/Panama, with no summer
 * time), in the words of the agreement's warnings SLA3081 and SLA3082: the
 * log's local times are read in that zone. The command goes on.
 */
export function warnAboutZoneOption(zone: string | undefined, io: CliIo): void {
  if (zone === undefined) return;
  const say = (code: 'SLA3081' | 'SLA3082', args: MessageArgs): void =>
    io.stderr(`slac: warning: --assume-timezone: ${formatMessage(catalogueEntry(code).message, { zone, ...args })} [${code}]\n`);
  const abbreviated = abbreviatedZone(zone);
  if (abbreviated) {
    // The quick fix an editor offers has no place on a command line.
    const { suggestion: _quickFix, ...args } = abbreviated;
    return say('SLA3081', args);
  }
  const etc = etcOffsetZone(zone);
  if (etc) say('SLA3082', etc);
}
