import { beforeAll, describe, expect, it } from 'vitest';
import { PrepareRenameRequest, RenameRequest, ResponseError } from 'vscode-languageserver-protocol';
import { at } from './harness/cursor.js';
import { openExample, useServer, type OpenExample } from './harness/session.js';

/**
 * A rename the server will not do (the cursor on a keyword, a new name that
 * is no name, is a keyword or is taken) was answered -32600 (InvalidRequest),
 * the code for a message that is no valid request. The request is valid and
 * only cannot be carried out: LSP 3.17 says RequestFailed (-32803), with a
 * message saying why, which an editor shows. A request whose params are
 * malformed keeps its own code (-32602, InvalidParams). prepareRename where
 * no rename is valid answers null, as LSP 3.17 says.
 */
const REQUEST_FAILED = -32803;

const client = useServer();
let poologics: OpenExample;

beforeAll(async () => {
  poologics = await openExample(client(), 'poologics.sla');
});

/** The error a request was answered with. */
async function refusal(method: string, params: object): Promise<ResponseError<unknown>> {
  try {
    await client().connection.sendRequest(method, params);
  } catch (error) {
    if (error instanceof ResponseError) return error;
    throw error;
  }
  throw new Error(`${method} was not refused`);
}

const REFUSALS: { name: string; method: string; cursor: string; newName?: string; says: string }[] = [
  { name: 'rename on a keyword', method: RenameRequest.method, cursor: 'mea|sures first response', newName: 'Speed', says: 'Only a declared name can be renamed' },
  { name: 'rename to a keyword', method: RenameRequest.method, cursor: 'target Criti|cal 1 hour', newName: 'target', says: 'keyword' },
  { name: 'rename to a name with a space', method: RenameRequest.method, cursor: 'target Criti|cal 1 hour', newName: 'Very critical', says: 'not a valid name' },
  { name: 'rename to a taken name', method: RenameRequest.method, cursor: 'target Criti|cal 1 hour', newName: 'Standard', says: "already a severity named 'Standard'" },
];

describe('a rename that cannot be done', () => {
  it.each(REFUSALS)('$name: RequestFailed (-32803) with why', async ({ method, cursor, newName, says }) => {
    const params = { textDocument: { uri: poologics.uri }, position: at(poologics.text, cursor), ...(newName === undefined ? {} : { newName }) };
    const error = await refusal(method, params);
    expect({ code: error.code, says: error.message.includes(says) }).toEqual({ code: REQUEST_FAILED, says: true });
  });

  // LSP 3.17: prepareRename answers null where no rename is valid, and an
  // error only when the request fails. Neovim 0.7 took the error for a server
  // without prepareRename and asked for a new name for the keyword anyway;
  // on null it says "nothing to rename", VS Code "The element can't be renamed".
  it.each([
    ['a keyword', 'mea|sures first response'],
    ['a number', 'target Critical 1| hour'],
    ['a string', 'title "|'],
  ])('prepareRename on %s: null, not an error', async (_name, cursor) => {
    const answer = await client().connection.sendRequest(PrepareRenameRequest.method, { textDocument: { uri: poologics.uri }, position: at(poologics.text, cursor) });
    expect(answer).toBeNull();
  });

  it('a rename without newName is malformed: InvalidParams (-32602)', async () => {
    const error = await refusal(RenameRequest.method, { textDocument: { uri: poologics.uri }, position: at(poologics.text, 'target Criti|cal 1 hour') });
    expect(error.code).toBe(-32602);
  });
});
