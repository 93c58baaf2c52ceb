import { describe, expect, it } from 'vitest';
import { accounts, exportFolderIn, expectEveryRecordAccounted, ndjsonRows, outputFolder, skippedSection, slac } from './helpers.js';

/**
 * A GLPI ticket given twice (two exports of different days: Monday's
 * glpi_tickets.csv and Tuesday's tickets.csv, or pages fetched while an
 * agent worked the ticket) kept its first record, whichever it was: a
 * ticket closed on Tuesday stayed open in the log when Monday's file came
 * first, as the other sources did before they kept the copy updated last.
 * The record GLPI updated last (`date_mod`) is kept now, and the other is
 * listed as jira's, freshdesk's and zammad's are. Through the built CLI.
 */

const out = outputFolder('glpi-latest-copy');

const HEADER = 'id,entities_id,date,closedate,solvedate,date_mod,status,priority,is_deleted';
const monday = '7,0,2024-03-04 09:00:00,,,2024-03-04 09:30:00,2,3,0';
const tuesday = '7,0,2024-03-04 09:00:00,2024-03-05 10:00:00,2024-03-05 10:00:00,2024-03-05 10:00:00,6,3,0';
const table = (...rows: string[]): string => [HEADER, ...rows, ''].join('\n');

/** The log's rows as "ticket time event status". */
function rowsOf(stdout: string): string[] {
  if (stdout.trim() === '') return [];
  return ndjsonRows(stdout).map((row) => `${row.ticket} ${row.time} ${row.event}${row.status === undefined ? '' : ` ${row.status}`}`);
}

const closed = '7 2024-03-05T10:00:00Z closed';
const later = (place: string): string => `ticket 7 is given again, updated later, at ${place} (updated 2024-03-05T10:00:00Z; 2024-03-04T09:30:00Z here): the latest copy is kept`;

describe('slac import glpi: a ticket given twice keeps the record updated last (date_mod)', () => {
  it.each([
    ['older first', { 'glpi_tickets.csv': table(monday), 'tickets.csv': table(tuesday) }, 'glpi_tickets.csv:2', 'tickets.csv:2'],
    ['newer first', { 'glpi_tickets.csv': table(tuesday), 'tickets.csv': table(monday) }, 'tickets.csv:2', 'glpi_tickets.csv:2'],
    ['both in one file, older first', { 'glpi_tickets.csv': table(monday, tuesday) }, 'glpi_tickets.csv:2', 'glpi_tickets.csv:3'],
  ])('%s: closed in the log, the older record listed, every file\'s rows accounted for', (name, files, older, newer) => {
    const folder = exportFolderIn(out, name.replace(/[ ,]+/g, '-'), files);
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    const rows = rowsOf(run.stdout);
    expect(rows).toContain(closed);
    expect(rows.filter((row) => row.includes('created'))).toEqual(['7 2024-03-04T09:00:00Z created']);
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/${older}: ${later(`${folder}/${newer}`)}\n`);
    expectEveryRecordAccounted(accounts(run.stderr));
  });

  it('a later record in GLPI\'s trash: the ticket is not written, and the older record says so', () => {
    const trashed = tuesday.replace(/,0$/, ',1');
    const folder = exportFolderIn(out, 'newer-in-trash', { 'glpi_tickets.csv': table(monday), 'tickets.csv': table(trashed) });
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout)).toEqual([]);
    const skipped = skippedSection(run.stderr);
    expect(skipped).toContain(`  ${folder}/glpi_tickets.csv:2: ticket 7 is given again, updated later, at ${folder}/tickets.csv:2 (updated 2024-03-05T10:00:00Z; 2024-03-04T09:30:00Z here): the latest copy is in GLPI's trash (is_deleted), so the ticket is not written\n`);
    expect(skipped).not.toContain('the latest copy is kept');
    expectEveryRecordAccounted(accounts(run.stderr));
  });

  it('an earlier record in the trash, a later one out of it (restored): the later one is written', () => {
    const trashed = monday.replace(/,0$/, ',1');
    const folder = exportFolderIn(out, 'restored', { 'glpi_tickets.csv': table(trashed), 'tickets.csv': table(tuesday) });
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout)).toContain(closed);
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/glpi_tickets.csv:2: ${later(`${folder}/tickets.csv:2`)}\n`);
  });

  it('a later record whose date is not a time: the older record is written, the later listed with its own reason', () => {
    const unreadable = tuesday.replace('7,0,2024-03-04 09:00:00', '7,0,yesterday');
    const folder = exportFolderIn(out, 'newer-unreadable', { 'glpi_tickets.csv': table(monday), 'tickets.csv': table(unreadable) });
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout)).toContain('7 2024-03-04T09:30:00Z status Processing (assigned)');
    const skipped = skippedSection(run.stderr);
    expect(skipped).toContain(`  ${folder}/tickets.csv:2: ticket 7: date: 'yesterday' is not a time`);
    expect(skipped).not.toContain('given again');
  });

  it('records updated at the same time keep the first, as before', () => {
    const sameTime = monday.replace(',2,3,0', ',1,3,0');
    const folder = exportFolderIn(out, 'same-time', { 'glpi_tickets.csv': table(monday, sameTime) });
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout)).toContain('7 2024-03-04T09:30:00Z status Processing (assigned)');
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/glpi_tickets.csv:3: ticket 7 has an earlier record\n`);
  });
});
