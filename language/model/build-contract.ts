import type { CreditsDeclaration, MeasurementDeclaration, SeveritiesDeclaration, TermDeclaration } from '../syntax/ast.js';
import type { CreditsModel, MeasurementModel, Party, SeverityAssignmentModel, TermModel } from './model.js';
import { durationModel, textOf } from './text.js';

/** The contract terms of issue 9 in the model: severity assignment, measurement of record, terms, credit claims. */

const partyOf = (text: string | undefined): Party => (text === 'Client' ? 'Client' : 'Provider');

/** `severities { assigned by ...  changed by ... }`. */
export function buildSeverityAssignment(declaration: SeveritiesDeclaration): SeverityAssignmentModel {
  const model: SeverityAssignmentModel = { assignedBy: { party: 'Provider' }, changedBy: [] };
  for (const statement of declaration.statements ?? []) {
    if (!statement) continue;
    const entry = { party: partyOf(statement.party?.text), ...(statement.condition ? { condition: textOf(statement.condition) } : {}) };
    if (statement.kind === 'AssignedBy') model.assignedBy = entry;
    else model.changedBy.push(entry);
  }
  return model;
}

/** `measurement { records "..." }`. */
export function buildMeasurement(declaration: MeasurementDeclaration): MeasurementModel {
  const records = (declaration.statements ?? []).find((s) => s?.kind === 'Records');
  return { records: textOf(records?.value) };
}

/** `term "Name" "..."` declarations, in order. */
export function buildTerms(declarations: readonly TermDeclaration[]): TermModel[] {
  return declarations.map((term) => ({ term: term.term?.value ?? '', definition: textOf(term.text) }));
}

/** Adds a credits block's fee, claim and sole-remedy lines to its model. */
export function addCreditTerms(model: CreditsModel, credits: CreditsDeclaration): CreditsModel {
  for (const statement of credits.statements ?? []) {
    if (statement?.kind === 'Fee') model.fee = textOf(statement.value);
    if (statement?.kind === 'SoleRemedy') model.soleRemedy = true;
    if (statement?.kind === 'Claim') {
      model.claim = {
        ...(statement.within ? { within: durationModel(statement.within) } : {}),
        ...(statement.how ? { how: textOf(statement.how) } : {}),
      };
    }
  }
  return model;
}
