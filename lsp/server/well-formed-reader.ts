import {
  AbstractMessageReader,
  ErrorCodes,
  Message,
  MessageType,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { paramsProblem } from './param-shapes.js';

/**
 * Passes on only messages a handler can trust, answering the rest as
 * JSON-RPC says: a body that is not JSON is -32700 (ParseError) with id
 * null; JSON that is neither a request, a notification nor a response is
 * -32600 (InvalidRequest); a request whose params do not have the shape its
 * method takes (`paramsProblem`) is -32602 (InvalidParams), naming the bad
 * field. A notification cannot be answered: one with bad params is dropped
 * with one line in the client's log. Without this, a `hover` with `params:
 * null` reached the feature and came back as -32603 or an empty result with
 * a stack trace in the log.
 *
 * It sits after the `LifecycleReader`, so a message out of turn is refused
 * for that first, and nothing is logged before `initialize`.
 */
export class WellFormedReader extends AbstractMessageReader implements MessageReader {
  constructor(
    private readonly input: MessageReader,
    private readonly output: MessageWriter,
  ) {
    super();
    // The stream reader reports a body JSON.parse refused as an error, and reads on.
    input.onError((error) => (error instanceof SyntaxError ? this.answerParseError(error) : this.fireError(error)));
    input.onClose(() => this.fireClose());
    input.onPartialMessage((info) => this.firePartialMessage(info));
  }

  listen(callback: DataCallback): Disposable {
    return this.input.listen((message) => {
      if (Message.isResponse(message)) return callback(message);
      if (Message.isRequest(message) || Message.isNotification(message)) {
        const problem = paramsProblem(message.method, message.params);
        if (problem === undefined) return callback(message);
        const detail = `Invalid params for '${message.method}': ${problem}.`;
        if (Message.isRequest(message)) return this.answer(message.id, ErrorCodes.InvalidParams, detail);
        return this.log(`slac: dropped a notification. ${detail}`);
      }
      const id = (message as { id?: unknown } | null)?.id;
      this.answer(typeof id === 'string' || typeof id === 'number' ? id : null, ErrorCodes.InvalidRequest, 'Invalid request: the message is neither a request, a notification nor a response.');
    });
  }

  private answerParseError(error: SyntaxError): void {
    this.answer(null, ErrorCodes.ParseError, `Parse error: the message is not JSON (${error.message}).`);
  }

  private answer(id: ResponseMessage['id'], code: number, message: string): void {
    const response: ResponseMessage = { jsonrpc: '2.0', id, error: { code, message } };
    void this.output.write(response);
  }

  private log(message: string): void {
    const notification: NotificationMessage = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: MessageType.Warning, message } };
    void this.output.write(notification);
  }

  override dispose(): void {
    super.dispose();
    this.input.dispose();
  }
}
