/**
 * Where and why a text is not JSON, as a user can act on it: an error in an
 * export or API page the importer reads, or in a compiled model `slac check`
 * reads, names the file, line and column. V8's messages give an offset at
 * most, and "Unexpected end of JSON input" not even that. And where in a
 * JSON text a value is (`metrics[0].clock`), for an error about the value.
 */
import { parseTree, type JSONPath, type Node } from 'jsonc-parser';

/** V8's words for why a text is not JSON, without the offset (the caller gives line and column). */
export function jsonErrorReason(error: unknown): string {
  return (error as Error).message.replace(/(?: in JSON)? at position \d+.*$/, '');
}

/** `:LINE:COLUMN` of where the text stops being JSON (V8's messages do not always say). */
export function jsonErrorPosition(text: string, error: unknown): string {
  const match = / at position (\d+)/.exec((error as Error).message);
  const offset = match ? Number(match[1]) : firstJsonError(text);
  return offset === undefined ? '' : lineAndColumn(text, offset);
}

/**
 * `:LINE:COLUMN` of the value at `path` in a JSON text (with `key`: of that
 * key of the object there), or of the nearest value enclosing it that the
 * text has (a field that is missing: the object that lacks it); '' when
 * that is the whole text, or when the text nests too deep for
 * jsonc-parser's recursive parser (the message then goes without a
 * position rather than a stack overflow becoming exit 70).
 */
export function jsonPathPosition(text: string, path: Readonly<JSONPath>, key?: string): string {
  let root: Node | undefined;
  try {
    root = parseTree(text);
  } catch (error) {
    if (error instanceof RangeError) return '';
    throw error;
  }
  if (root === undefined) return '';
  const object = key === undefined ? undefined : valueAt(root, path);
  const keyNode = object?.type === 'object' ? lastProperty(object, key!)?.children?.[0] : undefined;
  if (keyNode !== undefined) return lineAndColumn(text, keyNode.offset);
  for (let length = path.length; length > 0; length--) {
    const node = valueAt(root, path.slice(0, length));
    if (node !== undefined) return lineAndColumn(text, node.offset);
  }
  return '';
}

/**
 * The node of the value at `path`. Of a key written twice, the last (the
 * value JSON.parse keeps, and so the one found wrong); jsonc-parser's
 * findNodeAtLocation takes the first.
 */
function valueAt(root: Node | undefined, path: Readonly<JSONPath>): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (typeof segment === 'number') node = node.type === 'array' ? node.children?.[segment] : undefined;
    else node = node.type === 'object' ? lastProperty(node, segment)?.children?.[1] : undefined;
  }
  return node;
}

function lastProperty(object: Node, key: string): Node | undefined {
  const properties = object.children ?? [];
  for (let index = properties.length - 1; index >= 0; index--) {
    if (properties[index]!.children?.[0]?.value === key) return properties[index];
  }
  return undefined;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `:${line}:${before.length - before.lastIndexOf('\n')}`;
}

/** The offset of the first character that is not JSON, found by a scanner that only validates. */
function firstJsonError(text: string): number | undefined {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const space = (): void => {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
  };
  const fail = (): never => {
    throw at;
  };
  const expect = (literal: string): void => {
    if (text.startsWith(literal, at)) at += literal.length;
    else fail();
  };
  const string = (): void => {
    expect('"');
    const end = /^(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(at, at + 1_000_000));
    if (!end) fail();
    at += end![0].length;
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      at++;
      space();
      if (text[at] === close) return void at++;
      for (;;) {
        if (close === '}') {
          space();
          string();
          space();
          expect(':');
        }
        value();
        space();
        if (text[at] === ',') at++;
        else return expect(close);
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (!literal) fail();
    at += literal![0].length;
  };
  try {
    value();
    space();
    return at < text.length ? at : undefined;
  } catch (offset) {
    return typeof offset === 'number' ? offset : undefined;
  }
}
