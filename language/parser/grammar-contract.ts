import { keyword as kw, Name, StringLike } from '../lexer/tokens.js';
import { SlaStatementRules } from './grammar-statements.js';

/**
 * The statements of the contract-terms declarations (issue 9): who assigns a
 * ticket's severity, which records are the measurement of record, defined
 * terms, and how service credits are claimed.
 */
export class SlaContractRules extends SlaStatementRules {
  /** `assigned by Party [condition]` / `changed by Party [condition]` inside `severities { ... }`. */
  public severityPartyStatement = this.RULE('severityPartyStatement', () => {
    this.OR([{ ALT: () => this.CONSUME(kw['assigned']!) }, { ALT: () => this.CONSUME(kw['changed']!) }]);
    this.CONSUME(kw['by']!);
    this.nameHere();
    this.OPTION(() => this.SUBRULE(this.text));
  });

  /** `records "the Provider's Zendesk instance"` inside `measurement { ... }`. */
  public recordsStatement = this.RULE('recordsStatement', () => {
    this.CONSUME(kw['records']!);
    this.SUBRULE(this.text);
  });

  /** `fee "the monthly service fee"` inside `credits { ... }`. */
  public feeStatement = this.RULE('feeStatement', () => {
    this.CONSUME(kw['fee']!);
    this.SUBRULE(this.text);
  });

  /** `claim [within DURATION] [by "how"]` inside `credits { ... }`. */
  public claimStatement = this.RULE('claimStatement', () => {
    this.CONSUME(kw['claim']!);
    this.OPTION(() => {
      this.CONSUME(kw['within']!);
      this.SUBRULE(this.duration);
    });
    this.OPTION1(() => {
      this.CONSUME(kw['by']!);
      this.SUBRULE1(this.text);
    });
  });

  /** `sole remedy` inside `credits { ... }`. */
  public soleRemedyStatement = this.RULE('soleRemedyStatement', () => {
    this.CONSUME(kw['sole']!);
    this.CONSUME(kw['remedy']!);
  });

  /** `term "Business Hours" """..."""`. */
  public termDeclaration = this.RULE('termDeclaration', () => {
    this.CONSUME(kw['term']!);
    this.OR([
      { ALT: () => this.CONSUME(StringLike, { LABEL: 'term' }) },
      // `term Business Hours "..."`: the name's words on the term's line are read, so that one error says to quote them
      // (SLA1026) instead of one at the name and another where the parser lost its way.
      {
        GATE: () => !this.lineBreakBetween(this.LA(0), this.LA(1)),
        ALT: () => this.AT_LEAST_ONE({ GATE: () => !this.lineBreakBetween(this.LA(0), this.LA(1)), DEF: () => this.CONSUME(Name, { LABEL: 'bareTerm' }) }),
      },
    ]);
    this.SUBRULE(this.text);
  });
}
