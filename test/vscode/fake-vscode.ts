// A small stand-in for the `vscode` module, enough for the extension's
// commands to run under vitest (`vi.mock('vscode', ...)`): it records the
// panels, messages and commands the extension creates, and lets a test fire
// the editor events (a save, a settings change) the extension listens to.
import { pathToFileURL, fileURLToPath } from 'node:url';

type Listener<T> = (event: T) => void;

class FakeEvent<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly fsPath: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(text: string): Uri {
    return text.startsWith('file:') ? new Uri('file', fileURLToPath(text)) : new Uri(text.split(':')[0]!, text);
  }
  toString(): string {
    return this.scheme === 'file' ? pathToFileURL(this.fsPath).href : this.fsPath;
  }
}

export const ViewColumn = { Active: -1, Beside: -2, One: 1 };
export const ProgressLocation = { Notification: 15 };

/** One webview panel the extension opened. */
export interface FakePanel {
  viewType: string;
  title: string;
  options: Record<string, unknown>;
  webview: { html: string; cspSource: string };
  revealed: number;
  disposed: boolean;
  dispose(): void;
}

/** What the extension did, for tests to inspect; `reset()` clears it. */
export const recorded = {
  panels: [] as FakePanel[],
  messages: [] as { kind: 'info' | 'warning' | 'error'; text: string; actions: string[] }[],
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  opened: [] as string[],
  output: [] as string[],
  settings: {} as Record<string, unknown>,
  /** The patterns of the file watchers created. */
  watchers: [] as string[],
  /** The button the next message "clicks", if any. */
  answer: undefined as string | undefined,
  reset(): void {
    this.panels = [];
    this.messages = [];
    this.commands.clear();
    this.opened = [];
    this.output = [];
    this.settings = {};
    this.watchers = [];
    this.answer = undefined;
  },
};

export const saveEvents = new FakeEvent<{ languageId: string; uri: Uri }>();
/** A change on disk, seen by every file watcher whose folder holds the file. */
export const diskEvents = new FakeEvent<Uri>();

export class RelativePattern {
  constructor(
    readonly base: Uri,
    readonly pattern: string,
  ) {}
}

/** A file watcher on a folder (a RelativePattern), reporting changes below it; the pattern's glob is not checked. */
function createFileSystemWatcher(pattern: RelativePattern | string) {
  const changed = new FakeEvent<Uri>();
  const base = typeof pattern === 'string' ? '' : pattern.base.fsPath;
  const forward = diskEvents.event((uri) => {
    if (uri.fsPath.startsWith(base)) changed.fire(uri);
  });
  recorded.watchers.push(typeof pattern === 'string' ? pattern : `${pattern.base.fsPath}/${pattern.pattern}`);
  const never = () => ({ dispose: () => undefined });
  return { onDidChange: changed.event, onDidCreate: never, onDidDelete: never, dispose: () => forward.dispose() };
}
export const configurationEvents = new FakeEvent<{ affectsConfiguration: (section: string) => boolean }>();

function message(kind: 'info' | 'warning' | 'error') {
  return async (text: string, ...actions: string[]) => {
    recorded.messages.push({ kind, text, actions });
    return actions.includes(recorded.answer ?? '') ? recorded.answer : undefined;
  };
}

function createOutputChannel(name: string) {
  const line = (text: string) => recorded.output.push(`${name}: ${text}`);
  return { name, appendLine: line, info: line, warn: line, error: line, show: () => undefined, dispose: () => undefined };
}

export const window = {
  activeTextEditor: undefined as undefined | { document: { languageId: string; uri: Uri } },
  createOutputChannel,
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  withProgress: async <T>(_options: unknown, task: (progress: { report(): void }) => Promise<T>) => task({ report: () => undefined }),
  createWebviewPanel(viewType: string, title: string, _column: unknown, options: Record<string, unknown>): FakePanel & {
    onDidDispose(listener: () => void): { dispose(): void };
    reveal(): void;
  } {
    const disposed = new FakeEvent<void>();
    const panel = {
      viewType,
      title,
      options,
      webview: { html: '', cspSource: 'https://webview.test' },
      revealed: 0,
      disposed: false,
      onDidDispose: (listener: () => void) => disposed.event(listener),
      reveal: () => (panel.revealed += 1),
      dispose: () => {
        panel.disposed = true;
        disposed.fire();
      },
    };
    recorded.panels.push(panel);
    return panel;
  },
};

export const workspace = {
  createFileSystemWatcher,
  onDidSaveTextDocument: saveEvents.event,
  onDidChangeConfiguration: configurationEvents.event,
  getConfiguration: (section: string) => ({
    get: <T>(key: string, fallback?: T) => (recorded.settings[`${section}.${key}`] as T | undefined) ?? fallback,
  }),
  getWorkspaceFolder: () => undefined,
  openTextDocument: async (uri: Uri) => ({ uri, languageId: 'sla', fileName: uri.fsPath, isUntitled: false, isDirty: false, save: async () => true }),
};

export const commands = {
  registerCommand(id: string, handler: (...args: unknown[]) => unknown) {
    recorded.commands.set(id, handler);
    return { dispose: () => recorded.commands.delete(id) };
  },
};

export const env = {
  openExternal: async (uri: Uri) => {
    recorded.opened.push(uri.fsPath);
    return true;
  },
};
