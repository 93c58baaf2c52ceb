import { AbstractMessageReader, ErrorCodes, Message, type DataCallback, type Disposable, type MessageReader, type MessageWriter, type ResponseMessage } from 'vscode-languageserver/node';

/** Where a session is in the protocol's life cycle: before `initialize`, serving, or after `shutdown`. */
type SessionState = 'uninitialized' | 'serving' | 'shutDown';

/**
 * Keeps the protocol's life cycle, which the library leaves to the server:
 * before `initialize` a request is answered with -32002
 * (ServerNotInitialized) and a notification is dropped; `initialize` is
 * accepted once (a second one would reset the workspace folders, and with
 * them the folders imports are confined to); after `shutdown` a request is
 * answered with -32600 (InvalidRequest) and a notification dropped. `exit`
 * passes at any time, and answers from the client always do. The reader
 * sits between the input stream and the connection, so no handler ever
 * runs out of turn.
 */
export class LifecycleReader extends AbstractMessageReader implements MessageReader {
  private state: SessionState = 'uninitialized';

  constructor(
    private readonly input: MessageReader,
    private readonly output: MessageWriter,
  ) {
    super();
    input.onError((error) => this.fireError(error));
    input.onClose(() => this.fireClose());
    input.onPartialMessage((info) => this.firePartialMessage(info));
  }

  /** Whether `shutdown` came: the exit code is 0 when it did, 1 when it did not. */
  get shutdownReceived(): boolean {
    return this.state === 'shutDown';
  }

  listen(callback: DataCallback): Disposable {
    return this.input.listen((message) => {
      if (Message.isResponse(message)) return callback(message);
      if (Message.isNotification(message)) {
        if (message.method === 'exit' || this.state === 'serving') callback(message);
        return;
      }
      if (!Message.isRequest(message)) return callback(message);
      const refusal = this.refusal(message.method);
      if (refusal) {
        const answer: ResponseMessage = { jsonrpc: '2.0', id: message.id, error: refusal };
        return void this.output.write(answer);
      }
      if (message.method === 'initialize') this.state = 'serving';
      else if (message.method === 'shutdown') this.state = 'shutDown';
      callback(message);
    });
  }

  /** Why a request may not be handled now, or undefined when it may. */
  private refusal(method: string): ResponseMessage['error'] {
    if (this.state === 'uninitialized' && method !== 'initialize') {
      return { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized: send 'initialize' before '${method}'.` };
    }
    if (this.state === 'serving' && method === 'initialize') {
      return { code: ErrorCodes.InvalidRequest, message: "The server is already initialized: 'initialize' is sent once per session." };
    }
    if (this.state === 'shutDown') {
      return { code: ErrorCodes.InvalidRequest, message: `The server is shutting down: '${method}' after 'shutdown' is not answered; send 'exit'.` };
    }
    return undefined;
  }

  override dispose(): void {
    super.dispose();
    this.input.dispose();
  }
}
