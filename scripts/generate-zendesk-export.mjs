#!/usr/bin/env node
// Writes a seeded Zendesk Incremental Ticket Event Export
// (`include=comment_events`) of TICKETS tickets into FOLDER, as a paging
// script saves it: one page of 1000 ticket events per line, 100 pages per
// file (ticket_events-0000.jsonl, ...), and a users file (users.json) with
// the agents and the requesters. The same seed gives the same bytes on every
// run and machine. bench/import.mjs runs `slac import zendesk` on it.
//
//   node scripts/generate-zendesk-export.mjs FOLDER [TICKETS] [SEED]
//
// Each ticket: a creation (status new, a priority, requester, organisation,
// the description), an agent's reply opening it, a private note (30%), a
// priority change (10%), the solving reply, a customer's reply reopening it
// and a second solve (5%), and the closing by an automation 4 days later
// (90%). Events are written in time order, as the export gives them. Pages
// are built as text from templates: no object per event, no JSON.stringify.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './seeded-random.mjs';

const PAGE = 1000;
const PAGES_PER_FILE = 100;
const MINUTE = 60;
const DAY = 86_400;
const AGENTS = 50;
const REQUESTERS = 50_000;
const ORGANIZATIONS = 200;
const VIAS = ['Mail', 'Web form', 'Chat'];
const PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent'];
/** Seconds of the day as `hh:mm:ss`, and days as `YYYY-MM-DDT`, so no Date is made per event. */
const TIMES_OF_DAY = Array.from({ length: DAY }, (_, second) =>
  [Math.floor(second / 3600), Math.floor(second / 60) % 60, second % 60].map((part) => String(part).padStart(2, '0')).join(':'),
);
const dayPrefixes = new Map();

/** `2026-01-05T13:00:00Z` for Unix seconds. */
function isoTime(seconds) {
  const day = Math.floor(seconds / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY * 1000).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  return `${prefix}${TIMES_OF_DAY[seconds - day * DAY]}Z`;
}

/**
 * Writes the export into `folder` (created if missing).
 * @param {string} folder
 * @param {number} tickets
 * @param {number} [seed]
 * @returns {{ events: number, pages: number, files: number }}
 */
export function writeZendeskExport(folder, tickets, seed = 20260310) {
  mkdirSync(folder, { recursive: true });
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const start = Date.UTC(2026, 0, 5, 13) / 1000;
  const spacing = (300 * DAY) / tickets;
  let nextId = 1;

  /** Events waiting to be written, by minute: [seconds, text] in the order made. */
  const waiting = new Map();
  let nextMinute = Math.floor(start / MINUTE);
  let lastMinute = nextMinute;
  const add = (ticket, time, updater, via, children) => {
    const text = `{"id":${nextId++},"ticket_id":${ticket},"timestamp":${time},"created_at":"${isoTime(time)}","updater_id":${updater},"via":"${via}","event_type":"Audit","child_events":[${children}]}`;
    const minute = Math.floor(time / MINUTE);
    if (minute > lastMinute) lastMinute = minute;
    const bucket = waiting.get(minute);
    if (bucket === undefined) waiting.set(minute, [[time, text]]);
    else bucket.push([time, text]);
  };
  const create = (field, value, via) => `{"id":${nextId++},"via":"${via}","via_reference_id":null,"${field}":${value},"event_type":"Create"}`;
  const change = (field, value, previous, via) =>
    `{"id":${nextId++},"via":"${via}","via_reference_id":null,"${field}":${value},"previous_value":${previous},"event_type":"Change"}`;
  const comment = (author, isPublic, body, channel) =>
    `{"id":${nextId++},"via":{"channel":"${channel}","source":{"from":{},"to":{},"rel":null}},"via_reference_id":null,"type":"Comment","author_id":${author},"body":"${body}","public":${isPublic},"attachments":[],"event_type":"Comment"}`;

  // Pages go out through one buffer, written as latin1 (the export is ASCII): no joined page string, no UTF-8 encoding.
  const out = Buffer.allocUnsafe(1 << 24);
  let at = 0;
  let file;
  const flush = () => {
    if (at > 0) writeSync(file, out, 0, at);
    at = 0;
  };
  const put = (text) => {
    if (at + text.length > out.length) flush();
    at += out.latin1Write(text, at);
  };
  let pageEvents = 0;
  let pageEnd = 0;
  let pages = 0;
  let events = 0;
  const endPage = () => {
    if (pageEvents === 0) return;
    put(`],"next_page":"https://example.zendesk.com/api/v2/incremental/ticket_events.json?include=comment_events&start_time=${pageEnd}","count":${pageEvents},"end_of_stream":false,"end_time":${pageEnd}}\n`);
    events += pageEvents;
    pages++;
    pageEvents = 0;
  };
  const putEvent = (time, text) => {
    if (pageEvents === 0) {
      if (pages % PAGES_PER_FILE === 0) {
        if (file !== undefined) (flush(), closeSync(file));
        file = openSync(join(folder, `ticket_events-${String(pages / PAGES_PER_FILE).padStart(4, '0')}.jsonl`), 'w');
      }
      put('{"ticket_events":[');
    } else put(',');
    put(text);
    pageEnd = time;
    if (++pageEvents === PAGE) endPage();
  };
  /** Writes the minutes before `minute`: no event made later falls in them. */
  const release = (minute) => {
    for (; nextMinute < minute; nextMinute++) {
      const bucket = waiting.get(nextMinute);
      if (bucket === undefined) continue;
      waiting.delete(nextMinute);
      if (bucket.length > 1) bucket.sort((a, b) => a[0] - b[0]);
      for (const [time, text] of bucket) putEvent(time, text);
    }
  };

  for (let id = 1; id <= tickets; id++) {
    const created = Math.round(start + (id - 1) * spacing);
    // Every event of this ticket and the next is at or after `created`.
    release(Math.floor(created / MINUTE));
    const via = pick(VIAS);
    const requester = 100_000 + Math.floor(random() * REQUESTERS);
    const agent = 1000 + Math.floor(random() * AGENTS);
    const priority = pick(PRIORITIES);
    add(id, created, requester, via, `${create('status', '"new"', via)},${create('priority', `"${priority}"`, via)},${create('requester_id', requester, via)},${create('organization_id', 5000 + (id % ORGANIZATIONS), via)},${comment(requester, true, 'Something is broken, please help.', 'email')}`);
    let time = created + Math.round((5 + random() * 60) * MINUTE);
    add(id, time, agent, 'Web form', `${comment(agent, true, 'Thanks, we are looking into it.', 'web')},${change('status', '"open"', '"new"', 'Web form')},${change('assignee_id', agent, 'null', 'Web form')}`);
    if (random() < 0.3) {
      time += Math.round(random() * 120 * MINUTE);
      add(id, time, agent, 'Web form', comment(agent, false, 'Internal: checked the logs.', 'web'));
    }
    if (random() < 0.1) {
      time += Math.round(random() * 60 * MINUTE);
      const raised = priority === 'urgent' ? 'high' : 'urgent';
      add(id, time, agent, 'Web form', change('priority', `"${raised}"`, `"${priority}"`, 'Web form'));
    }
    time += Math.round((20 + random() * 600) * MINUTE);
    add(id, time, agent, 'Web form', `${comment(agent, true, 'This is fixed now.', 'web')},${change('status', '"solved"', '"open"', 'Web form')}`);
    if (random() < 0.05) {
      time += Math.round((10 + random() * 600) * MINUTE);
      add(id, time, requester, 'Mail', `${comment(requester, true, 'It is broken again.', 'email')},${change('status', '"open"', '"solved"', 'Mail')}`);
      time += Math.round((20 + random() * 300) * MINUTE);
      add(id, time, agent, 'Web form', `${comment(agent, true, 'Fixed for good.', 'web')},${change('status', '"solved"', '"open"', 'Web form')}`);
    }
    if (random() < 0.9) add(id, time + 4 * DAY, -1, 'Rule', change('status', '"closed"', '"solved"', 'Rule'));
  }
  release(lastMinute + 1);
  endPage();
  if (file !== undefined) (flush(), closeSync(file));

  const users = [];
  for (let index = 0; index < AGENTS; index++) users.push(`{"id":${1000 + index},"name":"Agent ${index}","role":"agent","active":true}`);
  for (let index = 0; index < REQUESTERS; index++) users.push(`{"id":${100_000 + index},"name":"Customer ${index}","role":"end-user","active":true}`);
  const usersFile = openSync(join(folder, 'users.json'), 'w');
  writeSync(usersFile, `{"users":[${users.join(',')}],"next_page":null,"end_of_stream":true,"count":${users.length}}\n`);
  closeSync(usersFile);
  return { events, pages, files: Math.ceil(pages / PAGES_PER_FILE) + 1 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, tickets = '100000', seed = '20260310'] = process.argv.slice(2);
  if (folder === undefined) {
    process.stderr.write('usage: node scripts/generate-zendesk-export.mjs FOLDER [TICKETS] [SEED]\n');
    process.exit(2);
  }
  const began = performance.now();
  const { events, pages, files } = writeZendeskExport(folder, Number(tickets), Number(seed));
  process.stdout.write(`${Number(tickets).toLocaleString('en')} tickets: ${events.toLocaleString('en')} ticket events, ${pages} pages in ${files} files, in ${((performance.now() - began) / 1000).toFixed(1)} s\n`);
}
