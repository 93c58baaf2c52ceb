import { statSync } from 'node:fs';
import { tokenize } from '../../language/lexer/lexer.js';
import { keyword, LCurly, RCurly } from '../../language/lexer/tokens.js';
import { readTextFile } from '../../language/workspace/source-host.js';

/** What a `.sla` file declares at its top level, for the paths completion offers. */
export type SlaFileKind = { kind: 'agreement'; name: string } | { kind: 'portfolio'; name: string } | { kind: 'shared' };

/** Files larger than this are not read to tell their kind: they are offered as they were before. */
const MAX_KIND_BYTES = 1024 * 1024;

/** Kinds already told, by path, with the modification time and size they were told at. */
const told = new Map<string, { mtimeMs: number; size: number; kind: SlaFileKind | undefined }>();

/**
 * What the file at `path` declares: an agreement, a portfolio, or neither
 * (imported shared declarations); undefined when it cannot be read or is
 * too large to read at each completion. Told from its tokens, not a parse,
 * so that a file with a syntax error is still told by its first
 * `agreement NAME` or `portfolio NAME` outside any braces; kept until the
 * file changes on disk.
 */
export function slaFileKind(path: string): SlaFileKind | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  const known = told.get(path);
  if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known.kind;
  const read = stats.isFile() && stats.size <= MAX_KIND_BYTES ? readTextFile(path) : undefined;
  const kind = read?.text === undefined ? undefined : kindOfText(read.text, path);
  told.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, kind });
  return kind;
}

/** The first `agreement NAME` or `portfolio NAME` outside braces, or `shared` when there is none. */
export function kindOfText(text: string, file: string): SlaFileKind {
  const { tokens } = tokenize(text, file);
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const type = tokens[index]!.tokenType;
    if (type === LCurly) depth++;
    else if (type === RCurly) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (type === keyword.agreement || type === keyword.portfolio)) {
      const name = tokens[index + 1]?.image;
      if (name !== undefined && /^[A-Za-z_]\w*$/.test(name)) return { kind: type === keyword.agreement ? 'agreement' : 'portfolio', name };
    }
  }
  return { kind: 'shared' };
}
