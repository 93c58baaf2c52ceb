import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { Position } from '../../language/syntax/range.js';

let zones: string[] | undefined;

/** The IANA time-zone names this Node.js knows (the runtime clock accepts the same). */
function timeZones(): string[] {
  zones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'].filter((zone, i, all) => all.indexOf(zone) === i);
  return zones;
}

/**
 * Every time zone, replacing what is typed between the opening quote and
 * the cursor (`typedLength` characters), so `Europe/Be` becomes
 * `Europe/Berlin` without doubling the prefix.
 */
export function timeZoneItems(position: Position, typedLength: number): CompletionItem[] {
  const range = { start: { line: position.line, character: position.character - typedLength }, end: position };
  return timeZones().map((zone) => ({
    label: zone,
    kind: CompletionItemKind.Value,
    filterText: zone,
    textEdit: { range, newText: zone },
  }));
}
