import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wholeCharactersUpTo } from '../services/language.js';
import { isFileUri } from '../services/uri.js';

/**
 * The shape of the params of every request and notification the server
 * handles, as the LSP specification states them, checked before any handler
 * runs (see `WellFormedReader`): a feature can then trust that a URI is a
 * string and a position two non-negative integers, instead of failing deep
 * inside with a stack trace. Only what the server reads is required; fields
 * it ignores may be anything a client sends.
 */

/** Checks a value: undefined when it fits, else what is wrong with it, naming the field by its path. */
type Shape = (value: unknown, path: string) => string | undefined;

/** A field that may be left out (or be null, as many clients send it). */
interface OptionalShape {
  optional: Shape;
}

const MAX_UINTEGER = 2 ** 31 - 1;

function got(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  // Cut at whole characters: half of an emoji would go out as a literal `\ud83d`.
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${wholeCharactersUpTo(value, 40)}...` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Why `value` at `path` is not `expected`: a missing field is said to be missing, not described as "undefined undefined". */
function mustBe(path: string, expected: string, value: unknown): string {
  return value === undefined ? `${path} must be ${expected}, and is missing` : `${path} must be ${expected}, not ${got(value)}`;
}

const string: Shape = (value, path) => (typeof value === 'string' ? undefined : mustBe(path, 'a string', value));

const boolean: Shape = (value, path) => (typeof value === 'boolean' ? undefined : mustBe(path, 'true or false', value));

const integer: Shape = (value, path) => (Number.isSafeInteger(value) ? undefined : mustBe(path, 'an integer', value));

/** The LSP's `uinteger`: line and character numbers, counts. */
const uinteger: Shape = (value, path) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_UINTEGER
    ? undefined
    : mustBe(path, `an integer from 0 to ${MAX_UINTEGER}`, value);

/**
 * A document's URI: a scheme (`file:`, `untitled:`; of two letters or
 * more, so that `C:\x.sla` is a Windows path, as the workspace reads it) or,
 * as some clients send, an absolute path of the server's platform. Anything else ('agreement.sla', '') would be read
 * as a path relative to the server's own working folder, a file the client
 * never meant, and the buffer never analysed.
 */
const documentUri: Shape = (value, path) => {
  if (typeof value !== 'string') return string(value, path);
  const uri = /^[A-Za-z][A-Za-z0-9+.-]+:/.test(value) ? value : undefined;
  if (uri === undefined && !isAbsolute(value)) return mustBe(path, 'a URI such as file:///home/me/agreement.sla', value);
  if (uri === undefined) return undefined;
  // A %-escape that decodes to no character (`%ZZ`, a lone `%C3`) names no file: every feature would fail on it.
  if (!escapesDecode(uri)) return mustBe(path, 'a URI whose %-escapes are whole UTF-8 characters, such as file:///home/me/agr%C3%A9ment.sla', value);
  const unnamed = isFileUri(uri) ? whyNamesNoFile(uri) : undefined;
  return unnamed === undefined ? undefined : mustBe(path, `a file: URI that names a file (${unnamed})`, value);
};

/**
 * Why a `file:` URI names no file, as Node reads it, or undefined: `%2F` is
 * a `/` inside one path segment, which no file name holds (the server took
 * the URI for an unsaved buffer and answered null to every request), and a
 * host other than `localhost` is another machine's file.
 */
function whyNamesNoFile(uri: string): string | undefined {
  try {
    fileURLToPath(uri);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function escapesDecode(uri: string): boolean {
  try {
    decodeURIComponent(uri);
    return true;
  } catch {
    return false;
  }
}

const anything: Shape = () => undefined;

function optional(shape: Shape): OptionalShape {
  return { optional: shape };
}

function object(fields: Record<string, Shape | OptionalShape>): Shape {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return mustBe(path, 'an object', value);
    for (const [name, field] of Object.entries(fields)) {
      const fieldValue = (value as Record<string, unknown>)[name];
      const fieldPath = `${path}.${name}`;
      if ('optional' in field) {
        if (fieldValue === undefined || fieldValue === null) continue;
        const problem = field.optional(fieldValue, fieldPath);
        if (problem) return problem;
      } else {
        const problem = field(fieldValue, fieldPath);
        if (problem) return problem;
      }
    }
    return undefined;
  };
}

function array(item: Shape): Shape {
  return (value, path) => {
    if (!Array.isArray(value)) return mustBe(path, 'an array', value);
    for (const [i, element] of value.entries()) {
      const problem = item(element, `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function either(first: Shape, second: Shape): Shape {
  return (value, path) => (first(value, path) === undefined ? undefined : second(value, path));
}

const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });
const textDocument = object({ uri: documentUri });
const documentParams = object({ textDocument });
const positionParams = object({ textDocument, position });
const partialChange = object({ range, rangeLength: optional(uinteger), text: string });
const wholeChange = object({ text: string });
/** A change of part of the text (with its range: a bad one is not taken for a change of the whole) or of all of it. */
const contentChange: Shape = (value, path) => ((value as { range?: unknown } | null)?.range === undefined ? wholeChange : partialChange)(value, path);
const formattingOptions = object({ tabSize: uinteger, insertSpaces: boolean });
const diagnostic = object({ range, message: string });
const workspaceFolder = object({ uri: string, name: string });

/** The shape of the params of each method the server handles (the library's own included). */
const paramShapes: Record<string, Shape> = {
  initialize: object({
    processId: optional(integer),
    rootUri: optional(string),
    rootPath: optional(string),
    workspaceFolders: optional(array(workspaceFolder)),
    capabilities: optional(object({})),
  }),
  initialized: anything,
  shutdown: anything,
  exit: anything,
  '$/cancelRequest': object({ id: either(integer, string) }),
  '$/setTrace': object({ value: string }),
  'textDocument/didOpen': object({ textDocument: object({ uri: documentUri, languageId: string, version: integer, text: string }) }),
  'textDocument/didChange': object({ textDocument: object({ uri: documentUri, version: integer }), contentChanges: array(contentChange) }),
  'textDocument/didClose': documentParams,
  'textDocument/didSave': object({ textDocument, text: optional(string) }),
  'textDocument/willSave': object({ textDocument, reason: integer }),
  'textDocument/willSaveWaitUntil': object({ textDocument, reason: integer }),
  'workspace/didChangeWatchedFiles': object({ changes: array(object({ uri: string, type: integer })) }),
  'textDocument/completion': object({
    textDocument,
    position,
    context: optional(object({ triggerKind: integer, triggerCharacter: optional(string) })),
  }),
  'textDocument/hover': positionParams,
  'textDocument/definition': positionParams,
  'textDocument/references': object({ textDocument, position, context: object({ includeDeclaration: boolean }) }),
  'textDocument/prepareRename': positionParams,
  'textDocument/rename': object({ textDocument, position, newName: string }),
  'textDocument/documentSymbol': documentParams,
  'textDocument/foldingRange': documentParams,
  'textDocument/semanticTokens/full': documentParams,
  'textDocument/formatting': object({ textDocument, options: formattingOptions }),
  'textDocument/rangeFormatting': object({ textDocument, range, options: formattingOptions }),
  'textDocument/codeAction': object({ textDocument, range, context: object({ diagnostics: array(diagnostic) }) }),
  'textDocument/documentHighlight': positionParams,
  'workspace/symbol': object({ query: string }),
  'textDocument/documentLink': documentParams,
  'textDocument/selectionRange': object({ textDocument, positions: array(position) }),
};

/**
 * What is wrong with the params of a message to `method` ("params.position.line
 * must be an integer from 0 to 2147483647, not string x"), or undefined when
 * they have the shape the method takes (or the method is not one the server
 * handles: the library answers those).
 */
export function paramsProblem(method: string, params: unknown): string | undefined {
  const shape = Object.hasOwn(paramShapes, method) ? paramShapes[method] : undefined;
  return shape?.(params, 'params');
}
