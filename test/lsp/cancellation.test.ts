import { describe, expect, it } from 'vitest';
import {
  CancellationTokenSource,
  DidChangeTextDocumentNotification,
  HoverRequest,
  LSPErrorCodes,
  SemanticTokensRequest,
  type Hover,
  type SemanticTokens,
} from 'vscode-languageserver-protocol';
import { at, example, readExample, uriOf } from './harness/cursor.js';
import { openExample, useServer } from './harness/session.js';

// What an editor that types fast sends: a request, then `$/cancelRequest`
// or the next edit, read by the server in one go (see TestClient.together).
// The server gives such a request up rather than computing an answer for a
// text that is no longer current.
const client = useServer();

describe('cancellation and stale versions', () => {
  it('answers a request cancelled before it ran with RequestCancelled', async () => {
    const { uri, text } = await openExample(client(), 'poologics.sla');
    const source = new CancellationTokenSource();
    const answer = client().together(() => {
      const pending = client().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(text, 'clock Busi|ness') }, source.token);
      source.cancel();
      return pending;
    });
    await expect(answer).rejects.toMatchObject({ code: LSPErrorCodes.RequestCancelled });
  });

  it('answers a request about a version that an edit already replaced with ContentModified', async () => {
    const uri = uriOf(example('letsflo.sla'));
    const text = readExample('letsflo.sla');
    await openExample(client(), 'letsflo.sla', text);
    const answer = client().together(() => {
      const pending = client().connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
      void client().connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: `${text}\n` }],
      });
      return pending;
    });
    await expect(answer).rejects.toMatchObject({ code: LSPErrorCodes.ContentModified });
    // Asked again, for the current version, it answers.
    const tokens = (await client().connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })) as SemanticTokens;
    expect(tokens.data.length).toBeGreaterThan(0);
  });

  it('still answers requests that nothing overtook', async () => {
    const { uri, text } = await openExample(client(), 'hosting.sla');
    const hover = (await client().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(text, 'time|zone') })) as Hover | null;
    expect(hover).not.toBeNull();
  });
});

describe('documents of other languages', () => {
  it('analyses nothing in a document whose language id is not sla', async () => {
    const markdownUri = uriOf(example('README-as-markdown.md'));
    await client().open(markdownUri, '# Notes\n\nmetric { this is not an agreement\n', 'markdown');
    const hover = await client().connection.sendRequest(HoverRequest.type, { textDocument: { uri: markdownUri }, position: { line: 2, character: 2 } });
    expect(hover).toBeNull();
    // An agreement opened afterwards is validated in the same round the Markdown file would have been.
    const { uri } = await openExample(client(), 'multilevel/hr.sla');
    expect(client().lastPublished(uri)).toBeDefined();
    expect(client().lastPublished(markdownUri)).toBeUndefined();
  });
});
