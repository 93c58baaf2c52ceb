import { CstParser, EOF, type CstNode, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens, Any, Comma, Dash, DateToken, declarationStarters, keyword as kw, keywordTypes, LCurly, Name, NumberToken,
  PercentToken, RCurly, StringLike, TextBlockLike, TimeToken, Weekday,
} from '../lexer/tokens.js';
import { errorMessageProvider } from './messages.js';

/**
 * The `.sla` grammar (LANGUAGE.md, "Declarations" and "Metrics"). One rule per
 * declaration and per statement, so error recovery re-synchronises at the
 * next statement. Every block also accepts stray tokens (one at a time, or a
 * braced group), which the AST builder reports as "not a statement allowed
 * here" instead of letting one typo derail the rest of the block.
 */
export class SlaParser extends CstParser {
  private sourceText = '';

  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider });
    this.performSelfAnalysis();
  }

  /** Only braces are worth inventing: a missing `{` or `}` is a common slip. */
  protected override canTokenTypeBeInsertedInRecovery(tokenType: TokenType): boolean {
    return tokenType === LCurly || tokenType === RCurly;
  }

  private nextIs(tokenType: TokenType): boolean {
    return this.LA(1).tokenType === tokenType;
  }

  /** A block's statements run until `}`, the end, or (when `}` is missing) the next declaration. */
  private insideBlock(): boolean {
    const next = this.LA(1).tokenType;
    return next !== RCurly && next !== EOF && !declarationStarters.has(next);
  }

  /**
   * `{ statements }`. One token of lookahead picks the statement, so a
   * statement that starts right but goes wrong is reported inside it rather
   * than swallowed as stray input.
   */
  /**
   * A name. A keyword that opens the next line is taken as the next
   * statement, not as this name: `clock` with its calendar forgotten should
   * not swallow the `target` below it.
   */
  private nameHere(): void {
    this.OR7([{ GATE: () => !this.keywordOpensNextLine(), ALT: () => this.CONSUME7(Name) }]);
  }

  private keywordOpensNextLine(): boolean {
    const next = this.LA(1);
    if (!keywordTypes.has(next.tokenType)) return false;
    const previous = this.LA(0);
    const between = this.sourceText.slice(previous.startOffset + previous.image.length, next.startOffset);
    return /[\r\n]/.test(between);
  }

  private block(statements: IOrAlt<unknown>[]): void {
    this.CONSUME(LCurly);
    this.MANY({
      GATE: () => this.insideBlock(),
      DEF: () => this.OR({ MAX_LOOKAHEAD: 1, DEF: [...statements, this.strayAlternative()] }),
    });
    this.CONSUME(RCurly);
  }

  private strayAlternative(): IOrAlt<unknown> {
    return { ALT: () => this.SUBRULE(this.stray), IGNORE_AMBIGUITIES: true };
  }

  public document = this.RULE('document', () => {
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.declaration) }, this.strayAlternative()]));
  });

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

  public declaration = this.RULE('declaration', () => {
    this.OPTION(() => this.CONSUME(kw['override']!));
    this.OR([
      { ALT: () => this.SUBRULE(this.importDeclaration) },
      { ALT: () => this.SUBRULE(this.agreementDeclaration) },
      { ALT: () => this.SUBRULE(this.paramDeclaration) },
      { ALT: () => this.SUBRULE(this.calendarDeclaration) },
      { ALT: () => this.SUBRULE(this.channelDeclaration) },
      { ALT: () => this.SUBRULE(this.severityDeclaration) },
      { ALT: () => this.SUBRULE(this.pauseDeclaration) },
      { ALT: () => this.SUBRULE(this.metricDeclaration) },
      { ALT: () => this.SUBRULE(this.escalationDeclaration) },
      { ALT: () => this.SUBRULE(this.creditsDeclaration) },
      { ALT: () => this.SUBRULE(this.responsibilitiesDeclaration) },
      { ALT: () => this.SUBRULE(this.clauseDeclaration) },
      { ALT: () => this.SUBRULE(this.reviewDeclaration) },
    ]);
  });

  // ------------------------------------------------------------ shared pieces

  public text = this.RULE('text', () => {
    this.OR([{ ALT: () => this.CONSUME(StringLike) }, { ALT: () => this.CONSUME(TextBlockLike) }]);
  });

  /** `4 hours`, `2 business days`; the unit word is checked by the AST builder. */
  public duration = this.RULE('duration', () => {
    this.CONSUME(NumberToken);
    this.OR([
      { ALT: () => { this.CONSUME(kw['business']!); this.CONSUME(Name, { LABEL: 'unit' }); } },
      { ALT: () => this.CONSUME1(Name, { LABEL: 'unit' }), IGNORE_AMBIGUITIES: true },
    ]);
  });

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

  public titleStatement = this.RULE('titleStatement', () => {
    this.CONSUME(kw['title']!);
    this.SUBRULE(this.text);
  });

  public contactStatement = this.RULE('contactStatement', () => {
    this.CONSUME(kw['contact']!);
    this.SUBRULE(this.text);
  });

  public clockStatement = this.RULE('clockStatement', () => {
    this.CONSUME(kw['clock']!);
    this.nameHere();
  });

  // ------------------------------------------------------------ declarations

  public importDeclaration = this.RULE('importDeclaration', () => {
    this.CONSUME(kw['import']!);
    this.CONSUME(StringLike);
  });

  public paramDeclaration = this.RULE('paramDeclaration', () => {
    this.CONSUME(kw['param']!);
    this.nameHere();
    this.CONSUME(StringLike);
  });

  public pauseDeclaration = this.RULE('pauseDeclaration', () => {
    this.CONSUME(kw['pause']!);
    this.CONSUME(kw['when']!);
    this.CONSUME(kw['status']!);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(StringLike) });
  });

  public clauseDeclaration = this.RULE('clauseDeclaration', () => {
    this.CONSUME(kw['clause']!);
    this.CONSUME(StringLike, { LABEL: 'title' });
    this.SUBRULE(this.text);
  });

  public agreementDeclaration = this.RULE('agreementDeclaration', () => {
    this.CONSUME(kw['agreement']!);
    this.nameHere();
    this.block([
        { ALT: () => this.SUBRULE(this.titleStatement) },
        { ALT: () => this.SUBRULE(this.agreementStatement) },
        { ALT: () => this.SUBRULE(this.partyStatement) },
        { ALT: () => this.SUBRULE(this.contactStatement) },
    ]);
  });

  /** `version`, `effective`, `purpose`. */
  public agreementStatement = this.RULE('agreementStatement', () => {
    this.OR([
      { ALT: () => { this.CONSUME(kw['version']!); this.SUBRULE(this.text); } },
      { ALT: () => { this.CONSUME(kw['effective']!); this.CONSUME(DateToken); } },
      { ALT: () => { this.CONSUME(kw['purpose']!); this.SUBRULE1(this.text); } },
    ]);
  });

  /** `provider` / `client`: a string or the name of a `param`. */
  public partyStatement = this.RULE('partyStatement', () => {
    this.OR([{ ALT: () => this.CONSUME(kw['provider']!) }, { ALT: () => this.CONSUME(kw['client']!) }]);
    this.OR1([{ ALT: () => this.SUBRULE(this.text) }, { ALT: () => this.nameHere() }]);
  });

  public calendarDeclaration = this.RULE('calendarDeclaration', () => {
    this.CONSUME(kw['calendar']!);
    this.nameHere();
    this.block([
        { ALT: () => this.SUBRULE(this.timezoneStatement) },
        { ALT: () => this.SUBRULE(this.hoursStatement) },
        { ALT: () => this.SUBRULE(this.holidaysBlock) },
    ]);
  });

  public timezoneStatement = this.RULE('timezoneStatement', () => {
    this.CONSUME(kw['timezone']!);
    this.CONSUME(StringLike);
  });

  public hoursStatement = this.RULE('hoursStatement', () => {
    this.CONSUME(kw['hours']!);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.weekdaySpan) });
    this.SUBRULE(this.timeRanges);
  });

  public holidaysBlock = this.RULE('holidaysBlock', () => {
    this.CONSUME(kw['holidays']!);
    this.block([{ ALT: () => this.SUBRULE(this.holidayEntry) }]);
  });

  public holidayEntry = this.RULE('holidayEntry', () => {
    this.CONSUME(DateToken);
    this.OPTION(() => {
      this.CONSUME(kw['hours']!);
      this.SUBRULE(this.timeRanges);
    });
    this.CONSUME(StringLike);
  });

  public channelDeclaration = this.RULE('channelDeclaration', () => {
    this.CONSUME(kw['channel']!);
    this.nameHere();
    this.block([
        { ALT: () => this.SUBRULE(this.contactStatement) },
        { ALT: () => this.SUBRULE(this.channelHoursStatement) },
    ]);
  });

  public channelHoursStatement = this.RULE('channelHoursStatement', () => {
    this.CONSUME(kw['hours']!);
    this.nameHere();
  });

  public severityDeclaration = this.RULE('severityDeclaration', () => {
    this.CONSUME(kw['severity']!);
    this.nameHere();
    this.block([
        { ALT: () => this.SUBRULE(this.descriptionStatement) },
        { ALT: () => this.SUBRULE(this.defaultStatement) },
    ]);
  });

  public descriptionStatement = this.RULE('descriptionStatement', () => {
    this.CONSUME(kw['description']!);
    this.SUBRULE(this.text);
  });

  public defaultStatement = this.RULE('defaultStatement', () => {
    this.CONSUME(kw['default']!);
  });

  public metricDeclaration = this.RULE('metricDeclaration', () => {
    this.CONSUME(kw['metric']!);
    this.nameHere();
    this.block([
        { ALT: () => this.SUBRULE(this.titleStatement) },
        { ALT: () => this.SUBRULE(this.measuresStatement) },
        { ALT: () => this.SUBRULE(this.clockStatement) },
        { ALT: () => this.SUBRULE(this.targetStatement) },
        { ALT: () => this.SUBRULE(this.objectiveStatement) },
        { ALT: () => this.SUBRULE(this.excludingStatement) },
    ]);
  });

  public measuresStatement = this.RULE('measuresStatement', () => {
    this.CONSUME(kw['measures']!);
    this.OR([
      { ALT: () => { this.CONSUME(kw['first']!); this.OR1([{ ALT: () => this.CONSUME(kw['response']!) }, { ALT: () => this.CONSUME(kw['estimate']!) }]); } },
      { ALT: () => this.CONSUME(kw['resolution']!) },
      { ALT: () => { this.CONSUME(kw['update']!); this.CONSUME(kw['interval']!); } },
      { ALT: () => this.CONSUME(kw['uptime']!) },
    ]);
  });

  public targetStatement = this.RULE('targetStatement', () => {
    this.CONSUME(kw['target']!);
    this.OPTION(() => this.CONSUME(Name, { LABEL: 'severity' }));
    this.SUBRULE(this.duration);
  });

  public objectiveStatement = this.RULE('objectiveStatement', () => {
    this.CONSUME(kw['objective']!);
    this.CONSUME(PercentToken);
    this.OR([
      { ALT: () => this.CONSUME(kw['monthly']!, { LABEL: 'period' }) },
      { ALT: () => this.CONSUME(kw['quarterly']!, { LABEL: 'period' }) },
      { ALT: () => this.CONSUME(kw['yearly']!, { LABEL: 'period' }) },
      { ALT: () => this.CONSUME(kw['weekly']!, { LABEL: 'period' }) },
    ]);
  });

  public excludingStatement = this.RULE('excludingStatement', () => {
    this.CONSUME(kw['excluding']!);
    this.CONSUME(kw['maintenance']!);
  });

  public escalationDeclaration = this.RULE('escalationDeclaration', () => {
    this.CONSUME(kw['escalation']!);
    this.block([
        { ALT: () => this.SUBRULE(this.levelStatement) },
        { ALT: () => this.SUBRULE(this.clockStatement) },
    ]);
  });

  public levelStatement = this.RULE('levelStatement', () => {
    this.CONSUME(kw['level']!);
    this.CONSUME(NumberToken);
    this.CONSUME(StringLike);
    this.OR([
      { ALT: () => this.SUBRULE(this.atTrigger) },
      { ALT: () => this.SUBRULE(this.afterTrigger) },
    ]);
  });

  public atTrigger = this.RULE('atTrigger', () => {
    this.CONSUME(kw['at']!);
    this.CONSUME(PercentToken);
    this.CONSUME(kw['of']!);
    this.nameHere();
  });

  public afterTrigger = this.RULE('afterTrigger', () => {
    this.CONSUME(kw['after']!);
    this.SUBRULE(this.duration);
  });

  public creditsDeclaration = this.RULE('creditsDeclaration', () => {
    this.CONSUME(kw['credits']!);
    this.block([
        { ALT: () => this.SUBRULE(this.creditTier) },
        { ALT: () => this.SUBRULE(this.capStatement) },
    ]);
  });

  public creditTier = this.RULE('creditTier', () => {
    this.CONSUME(kw['when']!);
    this.nameHere();
    this.CONSUME(kw['below']!);
    this.CONSUME(PercentToken, { LABEL: 'below' });
    this.CONSUME(kw['credit']!);
    this.CONSUME1(PercentToken, { LABEL: 'credit' });
  });

  public capStatement = this.RULE('capStatement', () => {
    this.CONSUME(kw['cap']!);
    this.CONSUME(PercentToken);
  });

  public responsibilitiesDeclaration = this.RULE('responsibilitiesDeclaration', () => {
    this.CONSUME(kw['responsibilities']!);
    this.nameHere();
    this.block([{ ALT: () => this.SUBRULE(this.text) }]);
  });

  public reviewDeclaration = this.RULE('reviewDeclaration', () => {
    this.CONSUME(kw['review']!);
    this.block([
        { ALT: () => this.SUBRULE(this.everyStatement) },
        { ALT: () => this.SUBRULE(this.alsoStatement) },
        { ALT: () => this.SUBRULE(this.participantsBlock) },
        { ALT: () => this.SUBRULE(this.agendaBlock) },
        { ALT: () => this.SUBRULE(this.reportBlock) },
        { ALT: () => this.SUBRULE(this.notifyStatement) },
        { ALT: () => this.SUBRULE(this.amendmentsStatement) },
    ]);
  });

  public everyStatement = this.RULE('everyStatement', () => {
    this.CONSUME(kw['every']!);
    this.SUBRULE(this.duration);
  });

  public alsoStatement = this.RULE('alsoStatement', () => {
    this.CONSUME(kw['also']!);
    this.OR([
      { ALT: () => { this.CONSUME(kw['on']!); this.CONSUME(kw['request']!); } },
      { ALT: () => { this.CONSUME(kw['after']!); this.CONSUME(kw['major']!); this.CONSUME(kw['incident']!); } },
    ]);
  });

  public participantsBlock = this.RULE('participantsBlock', () => {
    this.CONSUME(kw['participants']!);
    this.block([{ ALT: () => this.SUBRULE(this.participantEntry) }]);
  });

  public participantEntry = this.RULE('participantEntry', () => {
    this.CONSUME(Name);
    this.SUBRULE(this.text);
  });

  public agendaBlock = this.RULE('agendaBlock', () => {
    this.CONSUME(kw['agenda']!);
    this.block([{ ALT: () => this.SUBRULE(this.agendaEntry) }]);
  });

  public agendaEntry = this.RULE('agendaEntry', () => {
    this.CONSUME(StringLike, { LABEL: 'title' });
    this.SUBRULE(this.text);
  });

  public reportBlock = this.RULE('reportBlock', () => {
    this.CONSUME(kw['report']!);
    this.block([{ ALT: () => this.SUBRULE(this.text) }]);
  });

  public notifyStatement = this.RULE('notifyStatement', () => {
    this.CONSUME(kw['notify']!);
    this.CONSUME(kw['changes']!);
    this.CONSUME(kw['by']!);
    this.nameHere();
  });

  public amendmentsStatement = this.RULE('amendmentsStatement', () => {
    this.CONSUME(kw['amendments']!);
    this.SUBRULE(this.text);
  });

  /** Parses a token list into a CST; the errors are in `this.errors`. */
  parseTokens(tokens: IToken[], sourceText: string): CstNode {
    this.sourceText = sourceText;
    this.input = tokens;
    return this.document();
  }
}
