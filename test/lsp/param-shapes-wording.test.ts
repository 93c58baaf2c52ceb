import { describe, expect, it } from 'vitest';
import { paramsProblem } from '../../lsp/server/param-shapes.js';

// A missing field was described as a value: "params.textDocument must be an
// object, not undefined undefined." (a hover whose only key was
// `__proto__`, a completion context without `triggerKind`).
const textDocument = { uri: 'file:///x.sla' };
const position = { line: 0, character: 0 };

describe('the -32602 message for a missing field', () => {
  it.each([
    {
      method: 'textDocument/hover',
      params: JSON.parse(`{"__proto__":{"textDocument":{"uri":"file:///x.sla"}},"position":{"line":0,"character":0}}`) as unknown,
      problem: 'params.textDocument must be an object, and is missing',
    },
    { method: 'textDocument/completion', params: { textDocument, position, context: {} }, problem: 'params.context.triggerKind must be an integer, and is missing' },
    { method: 'textDocument/hover', params: { textDocument: {}, position }, problem: 'params.textDocument.uri must be a string, and is missing' },
    { method: 'textDocument/hover', params: { textDocument, position: { line: 0 } }, problem: 'params.position.character must be an integer from 0 to 2147483647, and is missing' },
    { method: 'textDocument/selectionRange', params: { textDocument }, problem: 'params.positions must be an array, and is missing' },
    { method: 'textDocument/references', params: { textDocument, position, context: {} }, problem: 'params.context.includeDeclaration must be true or false, and is missing' },
  ])('$method: $problem', ({ method, params, problem }) => {
    expect(paramsProblem(method, params)).toBe(problem);
  });

  it('a present value is still named: not number -1', () => {
    expect(paramsProblem('textDocument/hover', { textDocument, position: { line: -1, character: 0 } })).toBe('params.position.line must be an integer from 0 to 2147483647, not number -1');
  });
});

// A long string was cut at 40 UTF-16 code units: an emoji across the cut
// left half of it, which JSON.stringify wrote as a literal `\ud83d`.
describe('a long string quoted in the -32602 message', () => {
  it('is cut at whole characters', () => {
    const line = `${'x'.repeat(39)}😀 and more`;
    expect(paramsProblem('textDocument/hover', { textDocument, position: { line, character: 0 } })).toBe(
      `params.position.line must be an integer from 0 to 2147483647, not the string "${'x'.repeat(39)}..."`,
    );
  });
});
