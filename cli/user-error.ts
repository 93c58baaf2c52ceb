/**
 * An error caused by the user's input (a bad file, a bad option, a missing
 * browser). The CLI prints its message alone, never a stack trace, and
 * exits with `exitCode`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
