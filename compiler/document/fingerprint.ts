import { createHash } from 'node:crypto';
import type { AgreementModel } from '../../language/model/model.js';

/** How many hex digits of the fingerprint the document prints (the footer and the note by the signatures). */
export const FINGERPRINT_DIGITS = 12;

/** One input of the fingerprint, as the document lists it. */
export interface FingerprintInput {
  kind: 'source' | 'holiday file' | 'param';
  name: string;
  sha256: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * What the fingerprint covers, in a stable order: every source file of the
 * model (entry first, then imports, as the model lists them), every iCalendar
 * holiday file by calendar and path, then every param value given, by name.
 * A file's content enters by its own SHA-256, so the inputs are unambiguous.
 */
export function fingerprintInputs(model: AgreementModel, params: Readonly<Record<string, string>>): FingerprintInput[] {
  const inputs: FingerprintInput[] = model.sources.map((source) => ({ kind: 'source', name: source.path, sha256: source.sha256 }));
  const files = new Map<string, string>();
  for (const calendar of model.calendars) {
    for (const file of calendar.holidayFiles ?? []) files.set(`${calendar.name}: ${file.path}`, sha256(file.ics));
  }
  for (const [name, hash] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    inputs.push({ kind: 'holiday file', name, sha256: hash });
  }
  for (const name of Object.keys(params).sort()) {
    inputs.push({ kind: 'param', name, sha256: sha256(params[name]!) });
  }
  return inputs;
}

/**
 * The document fingerprint: hex SHA-256 over one line per input
 * (`kind`, name and content hash, tab-separated). Editing an imported file,
 * a holiday file or a param value changes it; nothing else (the date, the
 * machine, the output format) does.
 */
export function documentFingerprint(model: AgreementModel, params: Readonly<Record<string, string>>): string {
  const lines = fingerprintInputs(model, params).map((input) => `${input.kind}\t${input.name}\t${input.sha256}\n`);
  return sha256(`slac-document-fingerprint-1\n${lines.join('')}`);
}
