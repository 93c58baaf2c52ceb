import { printableText } from './diagnostic.js';

/** The first line of a stack frame, after the message. */
const STACK_FRAME = /\n\s+at /;

/**
 * `stack` with its head (`TypeError: MESSAGE`, which may span lines) escaped
 * as one text and each frame after it escaped on its own line: the message
 * may quote a path or a value from the input, which must not drive the
 * terminal the stack is printed on. The head is what V8 starts a stack with
 * when the stack does, else what comes before the first frame.
 */
export function printableStack(error: Error, stack: string): string {
  const head = Error.prototype.toString.call(error);
  const headEnd = stack.startsWith(head) ? head.length : (STACK_FRAME.exec(stack)?.index ?? stack.length);
  const frames = stack.slice(headEnd).split('\n').map(printableText).join('\n');
  return printableText(stack.slice(0, headEnd)) + frames;
}

/** What a last-resort handler prints of anything thrown: an error's stack (or message), else the value, escaped. */
export function printableThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.stack ? printableStack(thrown, thrown.stack) : printableText(thrown.message);
  return printableText(String(thrown));
}
