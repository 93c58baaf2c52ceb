// Benchmark of `slac import zendesk-tables` on a seeded export of Fivetran's
// Zendesk tables (BENCH_TICKETS tickets, default 100,000, with three status
// changes each and BENCH_COMMENTS comments each, default 10), written into
// .bench/zendesk-tables-TICKETS-COMMENTS/ when missing: wall time, CPU time
// and peak RSS of the import, and the peak's bytes a ticket. What grows with
// the export is the tickets held until their history and comments are read
// (docs/import/zendesk-tables.md, "Memory"); the figures there were
// measured with this export.
//
//   BENCH_TICKETS=1000000 BENCH_COMMENTS=2 node bench/import-tables.mjs
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../scripts/seeded-random.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tickets = Number(process.env.BENCH_TICKETS ?? 100_000);
const commentsPerTicket = Number(process.env.BENCH_COMMENTS ?? 10);
const folder = join(root, '.bench', `zendesk-tables-${tickets}-${commentsPerTicket}`);

/** Writes `rows()` (lines without their ending) after `header` to `path`, 64 KB at a time. */
async function writeTable(path, header, rows) {
  const out = createWriteStream(path);
  let buffer = `${header}\n`;
  for (const row of rows()) {
    buffer += `${row}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise((resolve) => out.end(resolve));
}

const warehouseTime = (seconds) => new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19);
const START = Date.UTC(2024, 0, 1) / 1000;
const createdAt = (ticket) => START + ticket * 300;
const ORGANIZATION = 360_000_000_000;
const AGENT = 400_000_000_000;
const END_USER = 410_000_000_000;

/** The export, as a sync writes it: ids as Zendesk numbers them, 200 organisations, 50 agents, 50,000 end users. */
async function writeExport(target) {
  const random = mulberry32(42);
  mkdirSync(target, { recursive: true });
  await writeTable(join(target, 'organization.csv'), 'id,name', function* () {
    for (let organization = 1; organization <= 200; organization++) yield `${ORGANIZATION + organization},Org ${organization}`;
  });
  await writeTable(join(target, 'user.csv'), 'id,role', function* () {
    for (let agent = 1; agent <= 50; agent++) yield `${AGENT + agent},agent`;
    for (let user = 1; user <= 50_000; user++) yield `${END_USER + user},end-user`;
  });
  await writeTable(join(target, 'ticket.csv'), 'id,created_at,status,updated_at,priority,via_channel,requester_id,organization_id,description', function* () {
    for (let ticket = 1; ticket <= tickets; ticket++) {
      const created = createdAt(ticket);
      yield `${ticket},${warehouseTime(created)},solved,${warehouseTime(created + 86_400)},normal,web,${END_USER + 1 + (ticket % 50_000)},${ORGANIZATION + 1 + (ticket % 200)},Description of ticket ${ticket}`;
    }
  });
  await writeTable(join(target, 'ticket_field_history.csv'), 'ticket_id,field_name,updated,value', function* () {
    for (let ticket = 1; ticket <= tickets; ticket++) {
      const created = createdAt(ticket);
      yield `${ticket},status,${warehouseTime(created)},new`;
      yield `${ticket},status,${warehouseTime(created + 600)},open`;
      yield `${ticket},status,${warehouseTime(created + 86_400)},solved`;
    }
  });
  let comment = 1_300_000_000_000;
  await writeTable(join(target, 'ticket_comment.csv'), 'id,_fivetran_synced,ticket_id,created,public,user_id,body', function* () {
    for (let ticket = 1; ticket <= tickets; ticket++) {
      for (let index = 0; index < commentsPerTicket; index++) {
        comment += 1 + Math.floor(random() * 5000);
        const user = index % 2 === 0 ? END_USER + 1 + (ticket % 50_000) : AGENT + 1 + (ticket % 50);
        const created = createdAt(ticket);
        yield `${comment},${warehouseTime(created + 2 * 86_400)},${ticket},${warehouseTime(created + 60 + index)},${index === 3 ? 'false' : 'true'},${user},Body of comment ${index} on ticket ${ticket}`;
      }
    }
  });
}

if (!existsSync(folder)) {
  // Written beside, then renamed: an interrupted run leaves no half export to be measured next time.
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  await writeExport(partial);
  renameSync(partial, folder);
}

const log = join(root, '.bench', `zendesk-tables-${tickets}-${commentsPerTicket}.ndjson`);
const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, join(root, 'bin', 'slac.js'), 'import', 'zendesk-tables', folder, '-o', log], { cwd: root, encoding: 'utf8' });
const lines = result.stderr.trim().split('\n');
if (result.status !== 0) {
  console.error(result.stderr);
  process.exit(1);
}
const [seconds, user, system, kilobytes] = lines[lines.length - 1].split(' ').map(Number);
const peakMib = kilobytes / 1024;
console.log(`slac import zendesk-tables, ${tickets.toLocaleString('en')} tickets, ${commentsPerTicket} comments each (${lines[0]})`);
console.log(`  ${seconds.toFixed(1)} s, CPU ${(user + system).toFixed(1)} s, peak RSS ${peakMib.toFixed(0)} MiB (${Math.round((kilobytes * 1024) / tickets).toLocaleString('en')} bytes a ticket, the program's own 70-80 MiB included)`);
rmSync(log, { force: true });
