import { zoneNameNote } from '../language/checker/zone-names.js';
import { catalogueEntry } from '../language/diagnostics/catalogue.js';
import { formatMessage } from '../language/diagnostics/diagnostic.js';
import type { CliIo } from './io.js';

/**
 * One line on standard error when `--assume-timezone` names a zone that is
 * read otherwise than it seems (`EST`: America/Panama, with no summer
 * time), in the words of the agreement's warnings SLA3081 and SLA3082: the
 * log's local times are read in that zone. The command goes on. (The quick
 * fix an editor offers has no place on a command line.)
 */
export function warnAboutZoneOption(zone: string | undefined, io: CliIo): void {
  const note = zone === undefined ? undefined : zoneNameNote(zone);
  if (note) io.stderr(`slac: warning: --assume-timezone: ${formatMessage(catalogueEntry(note.code).message, note.args)} [${note.code}]\n`);
}
