import { CstParser, EOF, tokenMatcher, type IOrAlt, type IParserConfig, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens, Any, Comma, Dash, declarationStarters, keyword as kw, keywordTypes, LCurly, Name, NumberToken, RCurly,
  StringLike, TextBlockLike, TimeToken, Weekday,
} from '../lexer/tokens.js';

const NOTHING: ReadonlySet<TokenType> = new Set();

/** Words that start a statement of a calendar or a review: a nested block missing its `}` ends at them. */

/** Words an author writes for business time before a unit (`2 working days`), and those units. */
const WORKING: ReadonlySet<string> = new Set(['working', 'work']);
const WORKING_UNITS: ReadonlySet<string> = new Set(['day', 'days', 'hour', 'hours']);
/** The words a unit starts with: only these are read as a duration's unit from the next line. */
const UNIT_WORDS: ReadonlySet<string> = new Set(['minute', 'minutes', 'hour', 'hours', 'day', 'days', 'business', 'week', 'weeks', 'month', 'months']);

export const calendarStatementWords: ReadonlySet<TokenType> = new Set(['timezone', 'hours', 'holidays'].map((word) => kw[word]!));
/** Words of a declaration that also start a statement of a metric (`pause when status` / `pause never`). */
export const metricDeclarationWords: ReadonlySet<TokenType> = new Set([kw['pause']!]);
export const reviewStatementWords: ReadonlySet<TokenType> = new Set(
  ['every', 'also', 'participants', 'agenda', 'report', 'notify', 'amendments'].map((word) => kw[word]!),
);

/**
 * The machinery every part of the `.sla` grammar shares: blocks that accept
 * stray input, names that do not swallow the next line's statement, and the
 * small literal rules (text, duration, time ranges, weekdays). The grammar
 * is split over three classes only to keep files short; `SlaParser` is the
 * one that is built.
 */
export class SlaGrammarBase extends CstParser {
  /** The text being parsed, to see where lines break between tokens. */
  protected sourceText = '';

  constructor(config: IParserConfig) {
    super(allTokens, config);
  }

  private readonly constants = new Map<string, unknown>();
  private readonly choices = new WeakMap<IOrAlt<unknown>[], { MAX_LOOKAHEAD: number; DEF: IOrAlt<unknown>[] }>();

  /**
   * A rule's constant argument (alternatives, options), made on the first
   * call and reused: building them on every call of a rule was a large share
   * of a parse's allocations. `make` may only close over `this`.
   */
  protected once<T>(key: string, make: () => T): T {
    let value = this.constants.get(key) as T | undefined;
    if (value === undefined) {
      value = make();
      this.constants.set(key, value);
    }
    return value;
  }

  /** Only braces are worth inventing: a missing `{` or `}` is a common slip. */
  protected override canTokenTypeBeInsertedInRecovery(tokenType: TokenType): boolean {
    return tokenType === LCurly || tokenType === RCurly;
  }

  protected nextIs(tokenType: TokenType): boolean {
    return this.LA(1).tokenType === tokenType;
  }

  /**
   * A block's statements run until `}`, the end, or (when `}` is missing)
   * the next declaration, or for a nested block the next statement of the
   * block around it.
   */
  protected insideBlock(outerStatements: ReadonlySet<TokenType>, ownDeclarationWords: ReadonlySet<TokenType> = NOTHING): boolean {
    const next = this.LA(1).tokenType;
    if (next === RCurly || next === EOF || outerStatements.has(next)) return false;
    return !declarationStarters.has(next) || ownDeclarationWords.has(next);
  }

  /**
   * A name. A keyword that opens the next line is taken as the next
   * statement, not as this name: `clock` with its calendar forgotten should
   * not swallow the `target` below it.
   */
  protected nameHere(label?: string): void {
    const options = label === undefined ? undefined : { LABEL: label };
    this.OR7(this.once(`nameHere ${label ?? ''}`, () => [{ GATE: () => !this.keywordOpensNextLine(), ALT: () => this.CONSUME7(Name, options) }]));
  }

  protected keywordOpensNextLine(): boolean {
    const next = this.LA(1);
    if (!keywordTypes.has(next.tokenType)) return false;
    return this.lineBreakBetween(this.LA(0), next);
  }

  /** Whether a line ends between two tokens. */
  protected lineBreakBetween(previous: IToken, next: IToken): boolean {
    const from = previous.startOffset + previous.image.length;
    const to = next.startOffset;
    const text = this.sourceText;
    if (!(from >= 0 && to <= text.length)) return /[\r\n]/.test(text.slice(from, to)); // NaN offsets: as `slice` reads them
    // A line break between the two tokens (a character loop: no substring per name).
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) return true;
    }
    return false;
  }

  /**
   * `{ statements }`. One token of lookahead picks the statement, so a
   * statement that starts right but goes wrong is reported inside it rather
   * than swallowed as stray input.
   */
  protected block(
    statements: IOrAlt<unknown>[],
    outerStatements: ReadonlySet<TokenType> = NOTHING,
    ownDeclarationWords: ReadonlySet<TokenType> = NOTHING,
  ): void {
    this.CONSUME(LCurly);
    // Built once per list of statements (pass one made with `once`), not once per statement.
    let choice = this.choices.get(statements);
    if (!choice) {
      choice = { MAX_LOOKAHEAD: 1, DEF: [...statements, this.strayAlternative()] };
      this.choices.set(statements, choice);
    }
    this.MANY({
      GATE: () => this.insideBlock(outerStatements, ownDeclarationWords),
      DEF: () => this.OR(choice),
    });
    this.CONSUME(RCurly);
  }

  /**
   * A declaration's `{ statements }`. `calendar Business Hours {`: the words
   * before a `{` on the same line are one mistake (SLA1010 at the first,
   * stray.ts), not a missing `{` that made the body stray input and ended
   * the block at the next declaration. Not for a nested block: `holidays
   * "DE-BE"` must not read as the start of `holidays {`.
   */
  protected declarationBlock(
    statements: IOrAlt<unknown>[],
    outerStatements: ReadonlySet<TokenType> = NOTHING,
    ownDeclarationWords: ReadonlySet<TokenType> = NOTHING,
  ): void {
    this.MANY9({ GATE: () => this.braceLaterOnLine(), DEF: () => this.CONSUME9(Any, { LABEL: 'headerStray' }) });
    this.block(statements, outerStatements, ownDeclarationWords);
  }

  /** The next token is not `{`, and a `{` follows later on its line, after words that start no declaration. */
  private braceLaterOnLine(): boolean {
    if (this.nextIs(LCurly)) return false;
    let previous = this.LA(0);
    for (let i = 1; i < 16; i++) {
      const next = this.LA(i);
      // `channel Portal calendar Office {`: the `{` opens the calendar, a declaration of its own.
      if (next.tokenType === EOF || next.tokenType === RCurly || declarationStarters.has(next.tokenType) || this.lineBreakBetween(previous, next)) return false;
      if (next.tokenType === LCurly) return true;
      previous = next;
    }
    return false;
  }

  protected strayAlternative(): IOrAlt<unknown> {
    return { ALT: () => this.SUBRULE(this.stray), IGNORE_AMBIGUITIES: true };
  }

  /** One unexpected token, or a whole braced group, reported by the AST builder. */
  public stray = this.RULE('stray', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.bracedStray) },
      { ALT: () => this.CONSUME(Any), IGNORE_AMBIGUITIES: true },
    ]);
  });

  public bracedStray = this.RULE('bracedStray', () => {
    this.CONSUME(LCurly);
    this.MANY({ GATE: () => !this.nextIs(RCurly) && !this.nextIs(EOF), DEF: () => this.SUBRULE(this.stray) });
    this.OPTION(() => this.CONSUME(RCurly));
  });

  public text = this.RULE('text', () => {
    this.OR(this.once('text', () => [{ ALT: () => this.CONSUME(StringLike) }, { ALT: () => this.CONSUME(TextBlockLike) }]));
  });

  /**
   * `4 hours`, `2 business days`; the unit word is checked by the AST
   * builder, which also reports a missing one (SLA1027) at the number. A
   * word on the next line that is no unit is the next statement, not this
   * unit: `target P1 15` followed by `target P2 1 hour` lacks a unit on its
   * own line, rather than having the unit 'target' on the next.
   */
  public duration = this.RULE('duration', () => {
    this.CONSUME(NumberToken);
    this.OPTION9({
      GATE: () => this.unitFollows(),
      DEF: () => {
        this.OR(this.once('duration', () => [
          { ALT: () => { this.CONSUME(kw['business']!); this.CONSUME(Name, { LABEL: 'unit' }); } },
          { ALT: () => this.CONSUME1(Name, { LABEL: 'unit' }), IGNORE_AMBIGUITIES: true },
        ]));
        // `2 working days`: one unknown unit of two words, reported once, rather than `days` read as the next statement.
        this.OPTION({ GATE: () => this.unitWordFollowsWorking(), DEF: () => this.CONSUME2(Name, { LABEL: 'unitTail' }) });
      },
    });
  });

  /** The word after the amount is on its line, or is a unit word (`4` with `hours` on the next line). */
  private unitFollows(): boolean {
    const next = this.LA(1);
    return !this.lineBreakBetween(this.LA(0), next) || UNIT_WORDS.has(next.image.toLowerCase());
  }

  /** The unit just read is `working` or `work`, and `days` or `hours` follows it on the same line. */
  private unitWordFollowsWorking(): boolean {
    const unit = this.LA(0);
    const next = this.LA(1);
    return WORKING.has(unit.image.toLowerCase()) && tokenMatcher(next, Name) && WORKING_UNITS.has(next.image.toLowerCase()) && !this.lineBreakBetween(unit, next);
  }

  public timeRange = this.RULE('timeRange', () => {
    this.CONSUME(TimeToken, { LABEL: 'start' });
    this.CONSUME(Dash);
    this.CONSUME1(TimeToken, { LABEL: 'end' });
  });

  public timeRanges = this.RULE('timeRanges', () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.timeRange) });
  });

  public weekdaySpan = this.RULE('weekdaySpan', () => {
    this.CONSUME(Weekday, { LABEL: 'from' });
    this.OPTION(() => {
      this.CONSUME(Dash);
      this.CONSUME1(Weekday, { LABEL: 'to' });
    });
  });
}
