import { describe, expect, it } from 'vitest';
import { analyze } from '../../language/workspace/index.js';
import type { SourceHost } from '../../language/workspace/source-host.js';

/** The zone-name warnings (SLA3081, SLA3082) of a calendar in `zone`, with their quick-fix suggestion. */
function zoneNotes(zone: string): { code: string; message: string; suggestion?: unknown }[] {
  const text = `calendar Office {\n  timezone "${zone}"\n  hours Mon-Fri 09:00-17:00\n}\n`;
  const host: SourceHost = { readFile: (file) => (file === '/m/entry.sla' ? text : undefined) };
  return analyze('/m/entry.sla', host)
    .diagnostics.filter((d) => d.code === 'SLA3081' || d.code === 'SLA3082')
    .map((d) => ({ code: d.code, message: d.message, suggestion: (d.data as { suggestion?: unknown } | undefined)?.suggestion }));
}

const READ_AS = "is an abbreviation, which the time-zone database reads as one place's zone:";

describe('a valid zone name that is read otherwise than it seems', () => {
  it.each([
    ['EST', `'EST' ${READ_AS} America/Panama, UTC-05:00 all year. Eastern Time, with its summer time, is "America/New_York".`, 'America/New_York'],
    ['MST', `'MST' ${READ_AS} America/Phoenix, UTC-07:00 all year. Mountain Time, with its summer time, is "America/Denver"; Arizona keeps UTC-07:00 all year as "America/Phoenix".`, undefined],
    ['BST', `'BST' ${READ_AS} Asia/Dhaka, UTC+06:00 all year. British time, with its summer time, is "Europe/London".`, 'Europe/London'],
    ['PST', `'PST' ${READ_AS} America/Los_Angeles, UTC-08:00 in January and UTC-07:00 in July. Pacific Time is "America/Los_Angeles".`, 'America/Los_Angeles'],
    ['EST5EDT', `'EST5EDT' ${READ_AS} America/New_York, UTC-05:00 in January and UTC-04:00 in July. If these are the hours of America/New_York, write "America/New_York"; otherwise name the place whose hours they are.`, 'America/New_York'],
  ])('%s: SLA3081 says what it is read as', (zone, message, suggestion) => {
    expect(zoneNotes(zone)).toEqual([{ code: 'SLA3081', message, suggestion }]);
  });

  it.each([
    ['Etc/GMT+5', `'Etc/GMT+5' is UTC-05:00 all year: the Etc/GMT zones count hours west of Greenwich, the reverse of how UTC offsets are written. If UTC+05:00 was meant, write "Etc/GMT-5".`],
    ['Etc/GMT-10', `'Etc/GMT-10' is UTC+10:00 all year: the Etc/GMT zones count hours west of Greenwich, the reverse of how UTC offsets are written. If UTC-10:00 was meant, write "Etc/GMT+10".`],
  ])('%s: SLA3082 says its offset as UTC offsets are written', (zone, message) => {
    expect(zoneNotes(zone)).toEqual([{ code: 'SLA3082', message, suggestion: undefined }]);
  });

  it.each(['UTC', 'GMT', 'Etc/UTC', 'Etc/GMT', 'Etc/GMT+0', 'America/New_York', 'Europe/London', 'Japan', 'US/Eastern'])('%s: no note', (zone) => {
    expect(zoneNotes(zone)).toEqual([]);
  });
});
