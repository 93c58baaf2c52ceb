import type { AgreementModel, TextValue } from '../language/model/model.js';
import type { AgreementDocument } from './document/document.js';
import { dateFromHash } from './pdf-determinism.js';
import type { PdfMetadata } from './pdf-document.js';
import { ownValue } from '../language/model/own-keys.js';

/** A party as the metadata names it: the text, the param's value, or its placeholder while blank. */
function partyName(model: AgreementModel, party: TextValue | undefined, params: Readonly<Record<string, string>>): string | undefined {
  if (!party) return undefined;
  if (party.kind === 'text') return party.text;
  const value = ownValue(params, party.param)?.trim();
  return value || model.params.find((param) => param.name === party.param)?.placeholder || party.param;
}

/**
 * The PDF's document information: Title, Author (the Provider, who issues
 * the document), Subject (the parties and version), Creator `slac compile`, and a date
 * from the sources: the effective date, or for an agreement without one a
 * date derived from the document fingerprint. Never the clock, so that the
 * same sources print the same bytes.
 */
export function pdfMetadataOf(model: AgreementModel, document: AgreementDocument, params: Readonly<Record<string, string>>): PdfMetadata {
  const agreement = model.agreement;
  const provider = partyName(model, agreement?.provider, params);
  const client = partyName(model, agreement?.client, params);
  const between = provider && client ? ` between ${provider} and ${client}` : '';
  const version = document.footer.version ? `, version ${document.footer.version}` : '';
  return {
    title: document.title,
    author: provider ?? '',
    subject: `Service level agreement${between}${version}`,
    creator: 'slac compile',
    date: agreement?.effective ?? dateFromHash(document.footer.sourceHash),
  };
}
