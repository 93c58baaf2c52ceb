/** The slac library: the language front end, the runtime and the compiler. */
export * from './language/index.js';
export * from './runtime/index.js';
export * from './compiler/index.js';
