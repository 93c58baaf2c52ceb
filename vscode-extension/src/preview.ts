// "SLA: Preview Agreement": a webview beside the editor showing the agreement
// as the compiler renders it to HTML, re-rendered whenever an .sla file is
// saved or changes on disk (an import can change the agreement too). No
// scripts run in it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { failureMessage } from './bundled-cli.js';
import { previewMessagePage, securePreviewHtml } from './preview-html.js';
import { compileWithSlac, configuredParams, type SlacHost } from './slac.js';

/** One open preview: its panel and a counter so a slow, stale render never replaces a newer one. */
interface OpenPreview {
  panel: vscode.WebviewPanel;
  renders: number;
  /** Watches the agreement's folder on disk: see `watchFolder`. */
  watcher: vscode.Disposable;
}

/** The open previews, one per agreement file, kept up to date on save. */
export class AgreementPreviews implements vscode.Disposable {
  private readonly previews = new Map<string, OpenPreview>();
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly host: SlacHost) {
    this.listeners = [
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.languageId === 'sla') this.refreshAll();
      }),
      vscode.workspace.onDidChangeConfiguration((change) => {
        if (change.affectsConfiguration('sla.params')) this.refreshAll();
      }),
    ];
  }

  /** Opens (or reveals) the preview of `file` beside the current editor and renders it. */
  show(file: vscode.Uri): void {
    if (file.scheme !== 'file') {
      void vscode.window.showWarningMessage('Save the agreement as an .sla file to preview it.');
      return;
    }
    const existing = this.previews.get(file.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      void this.render(file, existing);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'sla.preview',
      `Preview ${basename(file.fsPath)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableFindWidget: true, localResourceRoots: [] },
    );
    const preview: OpenPreview = { panel, renders: 0, watcher: { dispose: () => undefined } };
    preview.watcher = this.watchFolder(file, preview);
    this.previews.set(file.toString(), preview);
    panel.onDidDispose(() => {
      preview.watcher.dispose();
      this.previews.delete(file.toString());
    });
    void this.render(file, preview);
  }

  /**
   * Re-renders the preview when the agreement, a file beside it (an import)
   * or a holiday file changes on disk without a save in this editor: a git
   * checkout, `slac fmt` in a terminal, another editor. Watches the folder
   * of the file itself, which need not be in a workspace folder.
   */
  private watchFolder(file: vscode.Uri, preview: OpenPreview): vscode.Disposable {
    const pattern = new vscode.RelativePattern(vscode.Uri.file(dirname(file.fsPath)), '**/*.{sla,ics}');
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const rerender = () => void this.render(file, preview);
    const subscriptions = [watcher, watcher.onDidChange(rerender), watcher.onDidCreate(rerender), watcher.onDidDelete(rerender)];
    return { dispose: () => subscriptions.forEach((s) => s.dispose()) };
  }

  /** Re-renders every open preview. */
  refreshAll(): void {
    for (const [key, preview] of this.previews) void this.render(vscode.Uri.parse(key), preview);
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    for (const preview of this.previews.values()) {
      preview.watcher.dispose();
      preview.panel.dispose();
    }
    this.previews.clear();
  }

  private async render(file: vscode.Uri, preview: OpenPreview): Promise<void> {
    const render = ++preview.renders;
    const webview = preview.panel.webview;
    if (render === 1) webview.html = securePreviewHtml(previewMessagePage('Rendering…', file.fsPath), webview.cspSource);
    const html = await this.renderHtml(file);
    if (render !== preview.renders || !this.previews.has(file.toString())) return;
    webview.html = securePreviewHtml(html, webview.cspSource);
  }

  /** The agreement's HTML, or a page with the compiler's message when it cannot be rendered. */
  private async renderHtml(file: vscode.Uri): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'sla-preview-'));
    const out = join(folder, 'preview.html');
    try {
      const run = await compileWithSlac(this.host, file, { format: 'html', out, params: configuredParams(file, this.host.output) });
      if (run.exitCode !== 0) return previewMessagePage(`${basename(file.fsPath)} cannot be previewed`, failureMessage(run));
      return await readFile(out, 'utf8');
    } catch (error) {
      return previewMessagePage('The preview failed', error instanceof Error ? error.message : String(error));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
