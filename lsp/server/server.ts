import type { Connection, InitializeResult, ServerCapabilities } from 'vscode-languageserver';
import { TextDocumentSyncKind } from 'vscode-languageserver';
import { registerCodeActions } from './code-actions.js';
import { registerCompletion } from './completion.js';
import { registerDefinition } from './definition.js';
import { publishDiagnosticsOnChange } from './diagnostics.js';
import { registerDocumentSymbols } from './document-symbols.js';
import { DocumentManager } from './documents.js';
import { registerFolding } from './folding.js';
import { registerFormatting } from './formatting.js';
import { registerHover } from './hover.js';
import { registerReferences } from './references.js';
import { registerRename } from './rename.js';
import { registerSemanticTokens } from './semantic-tokens.js';
import { registerRangeFormatting } from './range-formatting.js';
import { registerDocumentHighlight } from './document-highlight.js';
import { registerWorkspaceSymbols } from './workspace-symbols.js';
import { registerDocumentLinks } from './document-links.js';
import { registerSelectionRanges } from './selection-ranges.js';
import { watchWorkspaceFolders, workspaceFolderPaths } from './workspace-folders.js';

/** One feature: adds its handlers to the connection and says what it offers. */
export type FeatureRegistration = (connection: Connection, manager: DocumentManager) => ServerCapabilities;

const features: FeatureRegistration[] = [
  registerCompletion,
  registerHover,
  registerDefinition,
  registerReferences,
  registerRename,
  registerDocumentSymbols,
  registerFolding,
  registerSemanticTokens,
  registerFormatting,
  registerCodeActions,
  registerRangeFormatting,
  registerDocumentHighlight,
  registerWorkspaceSymbols,
  registerDocumentLinks,
  registerSelectionRanges,
];

/**
 * Starts the `.sla` language server on a connection (stdio, IPC or in-memory
 * streams) and starts listening. Returns the document manager, which tests
 * and embedders may inspect.
 */
export function startServer(connection: Connection): DocumentManager {
  const manager = new DocumentManager(connection);
  let capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
  for (const register of features) capabilities = { ...capabilities, ...register(connection, manager) };
  const diagnostics = publishDiagnosticsOnChange(connection, manager);
  const folders = watchWorkspaceFolders(connection, manager, () => diagnostics.validateClosedFiles());

  connection.onInitialize((params): InitializeResult => {
    folders.initialize(params);
    manager.clientCapabilities = params.capabilities;
    // Imports are read only inside the workspace folders (none: each file's own folder, as the CLI).
    manager.workspace.setRoots(workspaceFolderPaths(params));
    const today = fixedToday(params.initializationOptions);
    if (today !== undefined) manager.now = () => today;
    const workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
    return { capabilities: { ...capabilities, workspace }, serverInfo: { name: 'slac', version: '0.1.0' } };
  });
  connection.listen();
  return manager;
}

/** The instant of `{ "today": "YYYY-MM-DD" }` in the initialization options (noon UTC), or undefined. */
function fixedToday(options: unknown): number | undefined {
  const today = (options as { today?: unknown } | null | undefined)?.today;
  const match = typeof today === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(today) : null;
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12) : undefined;
}
