import type { CatalogueEntry } from './entry.js';

/** SLA2xxx: names, imports and overrides (the binder). */
export const nameCodes = [
  { code: 'SLA2001', severity: 'error', message: "Unknown {kind} '{name}'.{hint}", explanation: 'The name does not match any declaration in this file or the files it imports. Names are case-sensitive.' },
  { code: 'SLA2002', severity: 'error', message: "{kind} '{name}' is declared twice.", explanation: 'Each name may be declared once per kind. To replace an imported declaration, write `override` before it.' },
  { code: 'SLA2003', severity: 'error', message: "Cannot find the imported file '{path}'.", explanation: 'Import paths are relative to the importing file.' },
  { code: 'SLA2004', severity: 'error', message: 'Import cycle: {cycle}.', explanation: 'A file may not import itself, directly or through other files.' },
  { code: 'SLA2005', severity: 'error', message: "'override {kind} {name}' replaces nothing: no imported {kind} is called '{name}'.", explanation: '`override` replaces a declaration of the same kind and name brought in by an import.' },
  { code: 'SLA2006', severity: 'error', message: "{kind} '{name}' is already imported from {file}; write 'override {keyword} {name}' to replace it.", explanation: 'Redeclaring an imported name silently would hide the corporate terms; say `override` to make the replacement explicit.' },
  { code: 'SLA2007', severity: 'error', message: 'There is more than one agreement; a compiled file has at most one.', explanation: 'Put shared terms in a file without an agreement block and import it.' },
  { code: 'SLA2008', severity: 'error', message: "The imported file '{path}' has {count} error(s).", explanation: 'Fix the errors in the imported file; they are listed under its own name.' },
  { code: 'SLA2009', severity: 'error', message: "'{name}' is a {actual}, not a {kind}.", explanation: 'The name refers to a declaration of another kind.' },
  { code: 'SLA2010', severity: 'error', message: "Cannot read the file '{path}': {reason}.", explanation: 'The file given to slac, or opened in the editor, does not exist or cannot be read.' },
  { code: 'SLA2011', severity: 'error', message: "The {keyword} block is already imported from {file}; write 'override {keyword}' to replace it.", explanation: 'An agreement has one escalation, one credits, one review and one maintenance block; say `override` to replace the imported one.' },
  { code: 'SLA2013', severity: 'error', message: "Cannot read the holiday file '{path}': {reason}.", explanation: 'A `holidays from "file.ics"` path is relative to the .sla file that declares it; the file must exist and be UTF-8 text.' },
  { code: 'SLA2014', severity: 'error', message: "Cannot read the agreement file '{path}': {reason}.", explanation: 'The paths of a portfolio are relative to the portfolio file, and stay inside its folder unless --allow-import-outside is given.' },
  { code: 'SLA2015', severity: 'error', message: "'{path}' declares no agreement; a portfolio uses agreement files.", explanation: 'Each client of a portfolio uses a file with an `agreement` block (which may import shared terms).' },
  { code: 'SLA2016', severity: 'error', message: "The agreement '{path}' has no param '{name}'.{hint}", explanation: '`with Param "value"` fills a `param` declared by the agreement the client uses.' },
  { code: 'SLA2017', severity: 'error', message: "The agreement '{path}' has {count} error(s).", explanation: 'Fix the errors in the agreement file; they are listed under its own name.' },
  { code: 'SLA2018', severity: 'error', message: "Only .sla files can be imported; '{path}' is not one.", explanation: 'An import brings in the declarations of another .sla file. Any other file (a .env, a key file) is never opened, so that its lines cannot appear in error messages.' },
  { code: 'SLA2019', severity: 'error', message: "'{path}' declares a portfolio; a portfolio cannot be imported.", explanation: 'An import brings in shared terms (calendars, severities, metrics...). A portfolio names the agreement files of its clients and is given to slac check or compile itself, never imported.' },
  { code: 'SLA2020', severity: 'error', message: "The client uses '{path}', the portfolio file itself; a client uses an agreement file.", explanation: 'A portfolio file declares no agreement (SLA3047), so its own file cannot be the agreement of one of its clients.' },
  { code: 'SLA2021', severity: 'error', message: "Only .sla files can be used by a portfolio; '{path}' is not one.", explanation: 'A portfolio line uses the .sla file of an agreement. As with an import (SLA2018), any other file (a .env, a key file) is never opened, so that its lines cannot appear in error messages.' },
  { code: 'SLA2012', severity: 'error', message: "The {keyword} block is given twice; merge the two into one.", explanation: 'An agreement has one escalation, one credits, one review and one maintenance block, and a file at most one portfolio.' },
  { code: 'SLA2022', severity: 'warning', message: "A clause titled '{title}' is already given{where}: the document would have two sections of that title; {fix}.", explanation: 'Clauses add up in order, so two of one title are two sections that a reader cannot tell apart. A clause meant to replace an imported one is written `override clause "Title"`.' },
] as const satisfies readonly CatalogueEntry[];
