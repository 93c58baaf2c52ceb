// A rename to a name no other declaration has, which still collides with
// how another one reads: the server edited, and `slac validate` then
// refused the file. In examples/hosting.sla, renaming calendar OnCall to
// `office` or `Night_Desk` made two calendars read as one defined term
// (SLA3088), and renaming severity P1 to `high` (a `matches` value of P2)
// made a log value mean two severities (SLA3045). Such a rename is refused,
// as a taken name is, saying which declaration reads alike.
import { beforeAll, describe, expect, it } from 'vitest';
import { RenameRequest, ResponseError, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { at } from './harness/cursor.js';
import { openExample, useServer, type OpenExample } from './harness/session.js';

const REQUEST_FAILED = -32803;
const client = useServer();
let hosting: OpenExample;

beforeAll(async () => {
  hosting = await openExample(client(), 'hosting.sla');
});

/** The rename's answer: the files it edits, or the refusal's code and message. */
async function renamed(cursor: string, newName: string): Promise<{ edits: number } | { code: number; message: string }> {
  try {
    const edit = (await client().connection.sendRequest(RenameRequest.method, {
      textDocument: { uri: hosting.uri },
      position: at(hosting.text, cursor),
      newName,
    })) as WorkspaceEdit;
    return { edits: Object.values(edit.changes ?? {}).flat().length };
  } catch (error) {
    if (error instanceof ResponseError) return { code: error.code, message: error.message };
    throw error;
  }
}

const REFUSED = [
  { cursor: 'calendar On|Call', newName: 'office', says: "calendar Office (hosting.sla, line 23) reads as the defined term 'Office Hours'" },
  { cursor: 'calendar On|Call', newName: 'Night_Desk', says: "calendar NightDesk (hosting.sla, line 42) reads as the defined term 'Night Desk Hours'" },
  { cursor: 'severity P|1', newName: 'high', says: "severity P2 (hosting.sla, line 79) matches 'high'" },
  { cursor: 'severity P|3', newName: 'URGENT', says: "severity P1 (hosting.sla, line 74) matches 'urgent'" },
];

const ACCEPTED = [
  { cursor: 'calendar On|Call', newName: 'Rota' },
  // Its own matches value, and a name differing from another only in case: both pass `slac validate`.
  { cursor: 'severity P|1', newName: 'Urgent' },
  { cursor: 'severity P|1', newName: 'p2' },
];

describe('a rename to a name that reads as another declaration', () => {
  it.each(REFUSED)('$cursor to $newName is refused', async ({ cursor, newName, says }) => {
    const answer = await renamed(cursor, newName);
    expect(answer).toMatchObject({ code: REQUEST_FAILED });
    expect((answer as { message: string }).message).toContain(says);
  });

  it.each(ACCEPTED)('$cursor to $newName is done', async ({ cursor, newName }) => {
    expect(await renamed(cursor, newName)).toMatchObject({ edits: expect.any(Number) });
  });
});
