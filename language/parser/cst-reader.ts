import type { CstElement, CstNode, IToken } from 'chevrotain';
import { createDiagnostic, type Diagnostic, type MessageArgs } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/catalogue.js';
import type { LineMap } from '../lexer/line-map.js';
import type { Range } from '../syntax/range.js';

export type TokenRole = 'name' | 'unit' | 'keyword';

const spanKey = Symbol('span');

/** A CST node with its memoised span (null: no real token under it). */
type SpannedNode = CstNode & { [spanKey]?: { start: number; end: number } | null };

/**
 * What the AST builder needs while it walks a concrete syntax tree: ranges
 * from tokens, defensive child access (a recovered node may lack any child),
 * and a place to report problems.
 */
export class CstReader {
  readonly diagnostics: Diagnostic[] = [];
  /** Token offsets whose role differs from their spelling (a keyword used as a name, a unit word). */
  readonly roles = new Map<number, TokenRole>();

  constructor(
    readonly file: string,
    readonly lines: LineMap,
    /** Offsets of tokens where the parser reported an error, in increasing order. */
    readonly errorOffsets: number[],
  ) {}

  report(code: DiagnosticCode, range: Range, args: MessageArgs = {}, extra: Pick<Diagnostic, 'data'> = {}): void {
    this.diagnostics.push(createDiagnostic(code, this.file, range, args, extra));
  }

  /** Tokens the parser invented while recovering have no position. */
  isReal(token: IToken | undefined): token is IToken {
    return token !== undefined && Number.isFinite(token.startOffset);
  }

  token(node: CstNode | undefined, key: string, index = 0): IToken | undefined {
    const element = node?.children[key]?.[index];
    return element && isToken(element) && this.isReal(element) ? element : undefined;
  }

  tokens(node: CstNode | undefined, key: string): IToken[] {
    return (node?.children[key] ?? []).filter((element): element is IToken => isToken(element) && this.isReal(element));
  }

  node(node: CstNode | undefined, key: string, index = 0): CstNode | undefined {
    const element = node?.children[key]?.[index];
    return element && !isToken(element) && this.span(element) ? element : undefined;
  }

  nodes(node: CstNode | undefined, key: string): CstNode[] {
    return (node?.children[key] ?? []).filter((element): element is CstNode => !isToken(element));
  }

  tokenRange(token: IToken): Range {
    return this.lines.rangeAt(token.startOffset, token.image.length);
  }

  /** First and last offsets of the real tokens under a node, or undefined when it has none. */
  span(node: CstNode): { start: number; end: number } | undefined {
    // Memoised: the builder asks for the same nodes' spans many times, and
    // re-walking subtrees dominated parse time on long files (H7, LSP bench).
    // Kept on the node itself (cheaper than a map over every node); the CST lives for one parse.
    const holder = node as SpannedNode;
    const known = holder[spanKey];
    if (known !== undefined) return known ?? undefined;
    const computed = this.computeSpan(node);
    holder[spanKey] = computed ?? null;
    return computed;
  }

  private computeSpan(node: CstNode): { start: number; end: number } | undefined {
    let start = Infinity;
    let end = -Infinity;
    for (const key in node.children) {
      for (const element of node.children[key]!) {
        if (isToken(element)) {
          if (!this.isReal(element)) continue;
          start = Math.min(start, element.startOffset);
          end = Math.max(end, element.startOffset + element.image.length);
        } else {
          const child = this.span(element);
          if (!child) continue;
          start = Math.min(start, child.start);
          end = Math.max(end, child.end);
        }
      }
    }
    return start === Infinity ? undefined : { start, end };
  }


  /** The node's range; nodes are only built when they have a real token. */
  range(node: CstNode): Range {
    const span = this.span(node) ?? { start: 0, end: 0 };
    return this.lines.rangeAt(span.start, span.end - span.start);
  }

  /** True when the node was cut short by error recovery or holds an invented token. */
  isBroken(node: CstNode): boolean {
    if (node.recoveredNode) return true;
    for (const elements of Object.values(node.children)) {
      for (const element of elements) {
        if (isToken(element) ? !this.isReal(element) : this.isBroken(element)) return true;
      }
    }
    return false;
  }

  /** The child nodes of a block in source order (statements and stray input alike). */
  blockItems(node: CstNode, keys: readonly string[]): BlockItem[] {
    return this.childNodes(node).filter((item) => keys.includes(item.key));
  }

  private readonly items = new Map<CstNode, BlockItem[]>();

  /**
   * Every child node with a real token, in source order (what `blockItems`
   * gives for every key that holds a node). Memoised: a block's
   * items are asked for twice (stray input, then statements). Sibling nodes
   * never start at the same token, so the order does not depend on keys.
   */
  childNodes(node: CstNode): readonly BlockItem[] {
    const known = this.items.get(node);
    if (known) return known;
    const items: BlockItem[] = [];
    for (const key in node.children) {
      for (const child of node.children[key]!) {
        if (isToken(child)) continue;
        const span = this.span(child);
        if (span) items.push({ key, node: child, start: span.start });
      }
    }
    items.sort((a, b) => a.start - b.start);
    this.items.set(node, items);
    return items;
  }

  /** Whether the parser already reported an error between two offsets (inclusive). */
  hasErrorBetween(start: number, end: number): boolean {
    return this.errorOffsets.some((offset) => offset >= start && offset <= end);
  }

  markRole(token: IToken | undefined, role: TokenRole): void {
    if (this.isReal(token)) this.roles.set(token.startOffset, role);
  }
}

/** A child node of a block, with the offset of its first real token. */
export interface BlockItem {
  key: string;
  node: CstNode;
  start: number;
}

export function isToken(element: CstElement): element is IToken {
  return (element as IToken).tokenType !== undefined;
}
