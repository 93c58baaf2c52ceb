import type { CstNode, IToken } from 'chevrotain';
import { CHECK_GRAMMAR } from '../lexer/grammar-checks.js';
import { Comma, keyword as kw, StringLike } from '../lexer/tokens.js';
import { metricDeclarationWords } from './grammar-base.js';
import { SlaContractRules } from './grammar-contract.js';
import { errorMessageProvider } from './messages.js';

/**
 * The `.sla` grammar (LANGUAGE.md, "Declarations" and "Metrics"). One rule per
 * declaration and per statement, so error recovery re-synchronises at the
 * next statement. Every block also accepts stray tokens (one at a time, or a
 * braced group), which the AST builder reports as "not a statement allowed
 * here" instead of letting one typo derail the rest of the block.
 */
export class SlaParser extends SlaContractRules {
  constructor() {
    super({ recoveryEnabled: true, maxLookahead: 3, errorMessageProvider, skipValidations: !CHECK_GRAMMAR });
    this.performSelfAnalysis();
  }

  /** Where each top-level item began (token index) and how many errors there were then; the last entry is where the parse ended. */
  topLevelStarts: { index: number; errors: number }[] = [];
  /** Ends the parse before the top-level item that would start at a token index for which this is true (incremental parsing). */
  private stopBefore: ((index: number) => boolean) | undefined;
  /** The token index the parse was stopped at by `stopBefore`, if it was. */
  stoppedAt: number | undefined;

  public document = this.RULE('document', () => {
    const choice = { MAX_LOOKAHEAD: 1, DEF: [{ ALT: () => this.SUBRULE(this.declaration) }, this.strayAlternative()] };
    this.MANY({ GATE: () => this.atTopLevelItem(), DEF: () => this.OR(choice) });
  });

  /**
   * Notes where a top-level item starts. When the caller wants the parse to
   * stop here, the input is marked as consumed (so chevrotain neither
   * reports the rest as unparsed nor tries to recover over it).
   */
  private atTopLevelItem(): boolean {
    const index = lexerState(this).exportLexerState() + 1;
    this.topLevelStarts.push({ index, errors: this.errors.length });
    if (this.stopBefore?.(index)) {
      this.stoppedAt = index;
      lexerState(this).moveToTerminatedState();
      return false;
    }
    return true;
  }

  public declaration = this.RULE('declaration', () => {
    this.OPTION(() => this.CONSUME(kw['override']!));
    this.OR(this.once('declaration', () => [
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
      { ALT: () => this.SUBRULE(this.maintenanceDeclaration) },
      { ALT: () => this.SUBRULE(this.portfolioDeclaration) },
      { ALT: () => this.SUBRULE(this.severitiesDeclaration) },
      { ALT: () => this.SUBRULE(this.measurementDeclaration) },
      { ALT: () => this.SUBRULE(this.termDeclaration) },
    ]));
  });

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
    this.declarationBlock(this.once('agreementDeclaration', () => [
        { ALT: () => this.SUBRULE(this.titleStatement) },
        { ALT: () => this.SUBRULE(this.agreementStatement) },
        { ALT: () => this.SUBRULE(this.partyStatement) },
        { ALT: () => this.SUBRULE(this.contactStatement) },
    ]));
  });

  public calendarDeclaration = this.RULE('calendarDeclaration', () => {
    this.CONSUME(kw['calendar']!);
    this.nameHere();
    this.declarationBlock(this.once('calendarDeclaration', () => [
        { ALT: () => this.SUBRULE(this.timezoneStatement) },
        { ALT: () => this.SUBRULE(this.hoursStatement) },
        { ALT: () => this.SUBRULE(this.holidaysBlock) },
    ]));
  });

  public channelDeclaration = this.RULE('channelDeclaration', () => {
    this.CONSUME(kw['channel']!);
    this.nameHere();
    this.declarationBlock(this.once('channelDeclaration', () => [
        { ALT: () => this.SUBRULE(this.contactStatement) },
        { ALT: () => this.SUBRULE(this.channelHoursStatement) },
        { ALT: () => this.SUBRULE(this.matchesStatement) },
    ]));
  });

  public severityDeclaration = this.RULE('severityDeclaration', () => {
    this.CONSUME(kw['severity']!);
    this.nameHere();
    this.declarationBlock(this.once('severityDeclaration', () => [
        { ALT: () => this.SUBRULE(this.descriptionStatement) },
        { ALT: () => this.SUBRULE(this.defaultStatement) },
        { ALT: () => this.SUBRULE(this.matchesStatement) },
    ]));
  });

  public metricDeclaration = this.RULE('metricDeclaration', () => {
    this.CONSUME(kw['metric']!);
    this.nameHere();
    this.declarationBlock(this.once('metricDeclaration', () => [
        { ALT: () => this.SUBRULE(this.titleStatement) },
        { ALT: () => this.SUBRULE(this.measuresStatement) },
        { ALT: () => this.SUBRULE(this.clockStatement) },
        { ALT: () => this.SUBRULE(this.targetStatement) },
        { ALT: () => this.SUBRULE(this.objectiveStatement) },
        { ALT: () => this.SUBRULE(this.excludingStatement) },
        { ALT: () => this.SUBRULE(this.metricPauseStatement) },
    ]), undefined, metricDeclarationWords);
  });

  public escalationDeclaration = this.RULE('escalationDeclaration', () => {
    this.CONSUME(kw['escalation']!);
    this.declarationBlock(this.once('escalationDeclaration', () => [
        { ALT: () => this.SUBRULE(this.levelStatement) },
        { ALT: () => this.SUBRULE(this.clockStatement) },
    ]));
  });

  public creditsDeclaration = this.RULE('creditsDeclaration', () => {
    this.CONSUME(kw['credits']!);
    this.declarationBlock(this.once('creditsDeclaration', () => [
        { ALT: () => this.SUBRULE(this.creditTier) },
        { ALT: () => this.SUBRULE(this.capStatement) },
        { ALT: () => this.SUBRULE(this.feeStatement) },
        { ALT: () => this.SUBRULE(this.claimStatement) },
        { ALT: () => this.SUBRULE(this.soleRemedyStatement) },
    ]));
  });

  public responsibilitiesDeclaration = this.RULE('responsibilitiesDeclaration', () => {
    this.CONSUME(kw['responsibilities']!);
    this.nameHere();
    this.declarationBlock(this.once('responsibilitiesDeclaration', () => [{ ALT: () => this.SUBRULE(this.text) }]));
  });

  public reviewDeclaration = this.RULE('reviewDeclaration', () => {
    this.CONSUME(kw['review']!);
    this.declarationBlock(this.once('reviewDeclaration', () => [
        { ALT: () => this.SUBRULE(this.everyStatement) },
        { ALT: () => this.SUBRULE(this.alsoStatement) },
        { ALT: () => this.SUBRULE(this.participantsBlock) },
        { ALT: () => this.SUBRULE(this.agendaBlock) },
        { ALT: () => this.SUBRULE(this.reportBlock) },
        { ALT: () => this.SUBRULE(this.notifyStatement) },
        { ALT: () => this.SUBRULE(this.amendmentsStatement) },
    ]));
  });

  public maintenanceDeclaration = this.RULE('maintenanceDeclaration', () => {
    this.CONSUME(kw['maintenance']!);
    this.declarationBlock(this.once('maintenanceDeclaration', () => [
        { ALT: () => this.SUBRULE(this.windowStatement) },
        { ALT: () => this.SUBRULE(this.noticeStatement) },
        { ALT: () => this.SUBRULE(this.atMostStatement) },
    ]));
  });

  public severitiesDeclaration = this.RULE('severitiesDeclaration', () => {
    this.CONSUME(kw['severities']!);
    this.declarationBlock(this.once('severitiesDeclaration', () => [{ ALT: () => this.SUBRULE(this.severityPartyStatement) }]));
  });

  public measurementDeclaration = this.RULE('measurementDeclaration', () => {
    this.CONSUME(kw['measurement']!);
    this.declarationBlock(this.once('measurementDeclaration', () => [{ ALT: () => this.SUBRULE(this.recordsStatement) }]));
  });

  public portfolioDeclaration = this.RULE('portfolioDeclaration', () => {
    this.CONSUME(kw['portfolio']!);
    this.nameHere();
    this.declarationBlock(this.once('portfolioDeclaration', () => [
        { ALT: () => this.SUBRULE(this.portfolioClient) },
        { ALT: () => this.SUBRULE(this.portfolioOthers) },
    ]));
  });

  /** Parses a token list into a CST; the errors are in `this.errors`. */
  parseTokens(tokens: IToken[], sourceText: string, from = 0, stopBefore?: (index: number) => boolean): CstNode {
    this.sourceText = sourceText;
    this.input = tokens;
    this.topLevelStarts = [];
    this.stoppedAt = undefined;
    this.stopBefore = stopBefore;
    // Starting later: the parse is at top level there, as the previous parse of the same tokens found.
    if (from > 0) lexerState(this).importLexerState(from - 1);
    try {
      return this.document();
    } finally {
      this.stopBefore = undefined;
    }
  }

}

/** Chevrotain's token cursor (public methods of its lexer adapter, left out of its typings). */
interface LexerState {
  exportLexerState(): number;
  importLexerState(index: number): void;
  moveToTerminatedState(): void;
}

function lexerState(parser: SlaParser): LexerState {
  return parser as unknown as LexerState;
}
