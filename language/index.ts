/**
 * The `.sla` language front end: text -> tokens -> syntax tree -> bound
 * names -> checked model, with diagnostics from one catalogue.
 */
export * from './diagnostics/catalogue.js';
export * from './diagnostics/diagnostic.js';
export type * as ast from './syntax/ast.js';
export * from './syntax/range.js';
export * from './model/model.js';
export * from './parser/index.js';
export * from './format/index.js';
export * from './workspace/index.js';
export * from './holidays/holiday-codes.js';
