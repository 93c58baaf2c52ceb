import type { CstNode } from 'chevrotain';
import type { MeasurementStatement, SeveritiesStatement } from '../syntax/ast.js';
import type { CstReader } from './cst-reader.js';
import { duration, name, text } from './build-values.js';

/** Statements of the contract-terms declarations (issue 9), one builder per grammar rule. */

/** A statement of the block: `assigned by Party [condition]`, `changed by Party [condition]`. */
export function severitiesStatement(reader: CstReader, key: string, node: CstNode): SeveritiesStatement | undefined {
  if (key !== 'severityPartyStatement') return undefined;
  const condition = text(reader, reader.node(node, 'text'));
  return {
    kind: reader.token(node, 'kw_changed') ? 'ChangedBy' : 'AssignedBy',
    range: reader.range(node),
    party: name(reader, reader.token(node, 'Name')),
    ...(condition ? { condition } : {}),
  };
}

/** A statement of the block: `records "..."`. */
export function measurementStatement(reader: CstReader, key: string, node: CstNode): MeasurementStatement | undefined {
  if (key !== 'recordsStatement') return undefined;
  return { kind: 'Records', range: reader.range(node), value: text(reader, reader.node(node, 'text')) };
}

/** The claim and fee statements of a credits block; undefined for any other statement. */
export function creditTermsStatement(reader: CstReader, key: string, node: CstNode) {
  const range = reader.range(node);
  switch (key) {
    case 'feeStatement':
      return { kind: 'Fee' as const, range, value: text(reader, reader.node(node, 'text')) };
    case 'soleRemedyStatement':
      return { kind: 'SoleRemedy' as const, range };
    case 'claimStatement': {
      const within = reader.token(node, 'kw_within') ? duration(reader, reader.node(node, 'duration')) : undefined;
      const how = reader.token(node, 'kw_by') ? text(reader, reader.node(node, 'text')) : undefined;
      return { kind: 'Claim' as const, range, ...(within ? { within } : {}), ...(how ? { how } : {}) };
    }
  }
  return undefined;
}
