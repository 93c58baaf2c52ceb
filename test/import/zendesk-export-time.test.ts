import { describe, expect, it } from 'vitest';
import { ImportSummary } from '../../import/import-summary.js';
import { formatLogTime } from '../../import/warehouse-time.js';
import { exportTime } from '../../import/zendesk/updates.js';

/**
 * The Zendesk export's `created_at`: a time with an offset of hours alone
 * (`-05`, as Postgres writes one) was read with its offset, yet noted as
 * "times without an offset: taken as UTC". The note is now made only for a
 * time that has no offset.
 */

const NOTE = 'times without an offset: taken as UTC';

describe('the note on Zendesk times without an offset', () => {
  const cases: [string, string, boolean][] = [
    ['2024-03-05T09:00:00-05', '2024-03-05T14:00:00Z', false],
    ['2024-03-05T09:00:00+0530', '2024-03-05T03:30:00Z', false],
    ['2024-03-05T09:00:00-05:00', '2024-03-05T14:00:00Z', false],
    ['2024-03-05T09:00:00Z', '2024-03-05T09:00:00Z', false],
    ['2024-03-05 09:00:00 UTC', '2024-03-05T09:00:00Z', false],
    ['2024-03-05 09:00:00', '2024-03-05T09:00:00Z', true],
  ];
  it.each(cases)('%s is %s, noted: %s', (iso, read, noted) => {
    const summary = new ImportSummary();
    const time = exportTime(undefined, iso, summary);
    expect(time === undefined ? undefined : formatLogTime(time)).toBe(read);
    expect(summary.notes.has(NOTE)).toBe(noted);
  });
});
