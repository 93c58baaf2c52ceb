// The extension's commands, run against a stand-in `vscode` module and a
// stand-in CLI: activation registers the commands and starts the bundled
// server, the preview shows the rendered agreement under the policy and
// follows saves and settings, and Compile to PDF reports how it went.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configurationEvents, diskEvents, recorded, saveEvents, Uri, window } from './fake-vscode.js';

vi.mock('vscode', async () => import('./fake-vscode.js'));
vi.mock('vscode-languageclient/node', () => {
  class LanguageClient {
    static created: LanguageClient[] = [];
    started = false;
    constructor(
      readonly id: string,
      readonly name: string,
      readonly serverOptions: { run: { module: string } },
      readonly clientOptions: { documentSelector: { language: string }[] },
    ) {
      LanguageClient.created.push(this);
    }
    async start() {
      this.started = true;
    }
    async stop() {
      this.started = false;
    }
  }
  return { LanguageClient, TransportKind: { stdio: 0, ipc: 1 } };
});

const { activate } = await import('../../vscode-extension/src/extension.js');
const { LanguageClient } = (await import('vscode-languageclient/node')) as unknown as {
  LanguageClient: { created: { id: string; started: boolean; serverOptions: { run: { module: string } }; clientOptions: { documentSelector: { language: string }[] } }[] };
};

const folder = mkdtempSync(join(tmpdir(), 'sla-vscode-commands-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// A stand-in for dist/cli.js: renders the first line of the file and the params, or fails on "BROKEN".
const extensionPath = join(folder, 'extension');
mkdirSync(join(extensionPath, 'dist'), { recursive: true });
writeFileSync(
  join(extensionPath, 'dist', 'cli.js'),
  `const fs = require('node:fs');
const [command, file, , format, , out, ...rest] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
if (text.includes('BROKEN')) { process.stderr.write(file + ':8:3: unknown calendar "Ofice"\\nsecond line\\n'); process.exit(2); }
if (text.includes('WARNED')) { process.stderr.write(file + ':2:1: warning SLA4001: a warning first\\n' + file + ':8:3: error SLA2001: Unknown calendar \\'Ofice\\'.\\n1 error in 1 file\\n'); process.exit(2); }
const params = rest.filter((a) => a !== '--param').join(';');
if (format === 'pdf') fs.writeFileSync(out, '%PDF-1.4 stand-in');
else fs.writeFileSync(out, '<html><head><title>t</title></head><body><script>alert(1)</script><h1>' + text.split('\\n')[0] + '</h1><p>params[' + params + ']</p></body></html>');
`,
);

function agreement(name: string, firstLine: string): Uri {
  const file = join(folder, name);
  writeFileSync(file, `${firstLine}\n`);
  return Uri.file(file);
}

let subscriptions: { dispose(): unknown }[] = [];

async function activated(): Promise<void> {
  await activate({ subscriptions, extensionPath, asAbsolutePath: (path: string) => join(extensionPath, path) } as never);
}

/** Waits for a render: the stand-in CLI is a real child process, slow on a busy machine. */
function eventually(assertion: () => void): Promise<void> {
  return vi.waitFor(assertion, { timeout: 30_000, interval: 20 });
}

function command(id: string): (...args: unknown[]) => Promise<unknown> {
  const handler = recorded.commands.get(id);
  if (!handler) throw new Error(`${id} is not registered`);
  return async (...args) => handler(...args);
}

beforeEach(() => {
  for (const subscription of subscriptions) subscription.dispose();
  subscriptions = [];
  recorded.reset();
  window.activeTextEditor = undefined;
});

describe('activation', () => {
  it('registers both commands and starts the bundled server for sla documents', async () => {
    await activated();
    expect([...recorded.commands.keys()].sort()).toEqual(['sla.compilePdf', 'sla.showPreview']);
    const client = LanguageClient.created.at(-1)!;
    expect(client.started).toBe(true);
    expect(client.serverOptions.run.module).toBe(join(extensionPath, 'dist', 'server.js'));
    expect(client.clientOptions.documentSelector.every((selector) => selector.language === 'sla')).toBe(true);
  });

  it('asks for an agreement when there is no .sla editor', async () => {
    await activated();
    await command('sla.showPreview')();
    expect(recorded.panels).toEqual([]);
    expect(recorded.messages).toEqual([{ kind: 'warning', text: 'Open an .sla agreement first.', actions: [] }]);
  });
});

describe('SLA: Preview Agreement', () => {
  it('shows the rendered agreement beside the editor, with no scripts and under the policy', async () => {
    await activated();
    window.activeTextEditor = { document: { languageId: 'sla', uri: agreement('hosting.sla', 'agreement Hosting') } };
    await command('sla.showPreview')();
    const [panel] = recorded.panels;
    expect(panel?.title).toBe('Preview hosting.sla');
    expect(panel?.options).toMatchObject({ enableScripts: false });
    await eventually(() => expect(panel!.webview.html).toContain('<h1>agreement Hosting</h1>'));
    expect(panel!.webview.html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(panel!.webview.html).not.toMatch(/<script/i);
  });

  it('re-renders on save, and reuses the panel for the same file', async () => {
    await activated();
    const file = agreement('letsflo.sla', 'agreement First');
    await command('sla.showPreview')(file);
    const [panel] = recorded.panels;
    await eventually(() => expect(panel!.webview.html).toContain('agreement First'));
    writeFileSync(file.fsPath, 'agreement Second\n');
    saveEvents.fire({ languageId: 'sla', uri: file });
    await eventually(() => expect(panel!.webview.html).toContain('agreement Second'));
    await command('sla.showPreview')(file);
    expect(recorded.panels).toHaveLength(1);
    expect(panel!.revealed).toBe(1);
  });

  it('passes the sla.params setting and re-renders when it changes', async () => {
    await activated();
    const file = agreement('params.sla', 'param CustomerName "[Customer]"');
    await command('sla.showPreview')(file);
    const [panel] = recorded.panels;
    await eventually(() => expect(panel!.webview.html).toContain('params[]'));
    recorded.settings['sla.params'] = { CustomerName: 'Acme Ltd' };
    configurationEvents.fire({ affectsConfiguration: (section) => section === 'sla.params' });
    await eventually(() => expect(panel!.webview.html).toContain('params[CustomerName=Acme Ltd]'));
  });

  it('passes only the params the agreement declares, itself or through an import, and per-file values first', async () => {
    await activated();
    writeFileSync(join(folder, 'shared-params.sla'), 'param Region "[Region]"\n');
    const file = agreement('declares.sla', 'import "shared-params.sla"');
    writeFileSync(file.fsPath, 'import "shared-params.sla"\nparam CustomerName "[Customer]"\n');
    recorded.settings['sla.params'] = {
      CustomerName: 'Acme Ltd',
      Region: 'EU',
      Undeclared: 'never passed',
      'declares.sla': { CustomerName: 'Declares Ltd' },
      'other.sla': { Region: 'US' },
    };
    await command('sla.showPreview')(file);
    const [panel] = recorded.panels;
    await eventually(() => expect(panel!.webview.html).toContain('params[CustomerName=Declares Ltd;Region=EU]'));
    expect(recorded.output.join('\n')).toContain('sla.params: declares.sla declares no param Undeclared; not passed.');
  });

  it('re-renders when the file changes on disk without a save in the editor', async () => {
    await activated();
    const file = agreement('on-disk.sla', 'agreement Before');
    await command('sla.showPreview')(file);
    const [panel] = recorded.panels;
    await eventually(() => expect(panel!.webview.html).toContain('agreement Before'));
    expect(recorded.watchers).toEqual([`${folder}/**/*.{sla,ics}`]);
    writeFileSync(file.fsPath, 'agreement After\n');
    diskEvents.fire(file);
    await eventually(() => expect(panel!.webview.html).toContain('agreement After'));
  });

  it("shows the compiler's message when the agreement cannot be rendered", async () => {
    await activated();
    const file = agreement('broken.sla', 'BROKEN');
    await command('sla.showPreview')(file);
    const [panel] = recorded.panels;
    await eventually(() => expect(panel!.webview.html).toContain('broken.sla cannot be previewed'));
    expect(panel!.webview.html).toContain(`${file.fsPath}:8:3: unknown calendar &quot;Ofice&quot;`);
  });
});

describe('SLA: Compile to PDF', () => {
  it('writes the PDF next to the file and offers to open it', async () => {
    await activated();
    const file = agreement('poologics.sla', 'agreement Poologics');
    recorded.answer = 'Open PDF';
    await command('sla.compilePdf')(file);
    const pdf = join(folder, 'poologics.pdf');
    expect(readFileSync(pdf, 'utf8')).toBe('%PDF-1.4 stand-in');
    expect(recorded.messages).toEqual([{ kind: 'info', text: 'Wrote poologics.pdf.', actions: ['Open PDF'] }]);
    expect(recorded.opened).toEqual([pdf]);
  });

  it("reports the compiler's first line on failure and logs the rest", async () => {
    await activated();
    const file = agreement('broken-pdf.sla', 'BROKEN');
    await command('sla.compilePdf')(file);
    expect(recorded.messages).toEqual([
      {
        kind: 'error',
        text: `Could not compile broken-pdf.sla to PDF: ${file.fsPath}:8:3: unknown calendar "Ofice"`,
        actions: ['Show Output'],
      },
    ]);
    expect(recorded.output.join('\n')).toContain('second line');
  });

  it('shows the error, not a warning printed before it', async () => {
    await activated();
    const file = agreement('warned.sla', 'WARNED');
    await command('sla.compilePdf')(file);
    expect(recorded.messages).toEqual([
      {
        kind: 'error',
        text: `Could not compile warned.sla to PDF: ${file.fsPath}:8:3: error SLA2001: Unknown calendar 'Ofice'.`,
        actions: ['Show Output'],
      },
    ]);
  });
});
