// The extension manifest against the files and the code it points at: every
// contributed file exists, every declared command is registered in the
// source and the other way round, and VS Code will activate on .sla files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './tokenize.js';

const extensionDir = join(repoRoot, 'vscode-extension');

interface Manifest {
  name: string;
  version: string;
  publisher: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; when?: string }[];
    configuration: { properties: Record<string, unknown> };
    configurationDefaults?: Record<string, Record<string, unknown>>;
  };
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; restrictedConfigurations?: string[] } };
}

const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as Manifest;
const rootManifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The extension's TypeScript sources, concatenated. */
function extensionSource(): string {
  const srcDir = join(extensionDir, 'src');
  return readdirSync(srcDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(srcDir, file), 'utf8'))
    .join('\n');
}

function registeredCommands(source: string): string[] {
  return [...source.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((match) => match[1]!).sort();
}

/** The lowest version a `^x.y.z` or `~x.y.z` range accepts, as [major, minor]. */
function lowestVersion(range: string): [number, number] {
  const match = /^[\^~]?(\d+)\.(\d+)/.exec(range);
  if (!match) throw new Error(`cannot read the version range ${range}`);
  return [Number(match[1]), Number(match[2])];
}

describe('VS Code extension manifest', () => {
  it('contributes the sla language for .sla files with its configuration', () => {
    const [language] = manifest.contributes.languages;
    expect(language?.id).toBe('sla');
    expect(language?.extensions).toEqual(['.sla']);
    expect(existsSync(join(extensionDir, language!.configuration))).toBe(true);
  });

  it('contributes a grammar file that exists and has the declared scope name', () => {
    for (const grammar of manifest.contributes.grammars) {
      const path = join(extensionDir, grammar.path);
      expect(existsSync(path), grammar.path).toBe(true);
      expect(JSON.parse(readFileSync(path, 'utf8')).scopeName).toBe(grammar.scopeName);
      expect(grammar.language).toBe('sla');
    }
    expect(manifest.contributes.grammars.map((g) => g.scopeName)).toEqual(['source.sla']);
  });

  it('the language configuration is valid JSON with the comment and bracket settings', () => {
    const config = JSON.parse(readFileSync(join(extensionDir, 'language-configuration.json'), 'utf8'));
    expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    expect(config.brackets).toEqual([['{', '}']]);
    const opens = (config.autoClosingPairs as { open: string }[]).map((pair) => pair.open);
    expect(opens).toEqual(expect.arrayContaining(['{', '"', '"""']));
    expect(new RegExp(config.indentationRules.increaseIndentPattern).test('metric Fix {')).toBe(true);
    expect(new RegExp(config.indentationRules.decreaseIndentPattern).test('  }')).toBe(true);
  });

  it('declares exactly the commands the extension registers', () => {
    const declared = manifest.contributes.commands.map((command) => command.command).sort();
    expect(registeredCommands(extensionSource())).toEqual(declared);
    expect(declared).toEqual(['sla.compilePdf', 'sla.showPreview']);
  });

  it('names the commands as the palette shows them', () => {
    const titles = manifest.contributes.commands.map((command) => `${command.category}: ${command.title}`).sort();
    expect(titles).toEqual(['SLA: Compile to PDF', 'SLA: Preview Agreement']);
  });

  it('menus and keybindings refer only to declared commands', () => {
    const declared = new Set(manifest.contributes.commands.map((command) => command.command));
    const used = [...Object.values(manifest.contributes.menus).flat(), ...manifest.contributes.keybindings].map((item) => item.command);
    expect(used.filter((command) => !declared.has(command))).toEqual([]);
  });

  it('shows the preview button in the title bar of .sla editors only', () => {
    expect(manifest.contributes.menus['editor/title']).toContainEqual(
      expect.objectContaining({ command: 'sla.showPreview', when: 'editorLangId == sla' }),
    );
  });

  it('works in Restricted Mode, without the setting that names a program to run', () => {
    expect(manifest.capabilities?.untrustedWorkspaces?.supported).toBe('limited');
    expect(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations).toEqual(['sla.pdf.browserPath']);
    expect(manifest.contributes.configuration.properties).toHaveProperty(['sla.pdf.browserPath']);
  });

  it('indents .sla files by two spaces, as slac fmt does, whatever the file looked like', () => {
    expect(manifest.contributes.configurationDefaults?.['[sla]']).toMatchObject({ 'editor.tabSize': 2, 'editor.detectIndentation': false });
  });

  it('activates on the sla language', () => {
    expect(manifest.activationEvents).toContain('onLanguage:sla');
  });

  it('points main at the bundled extension, next to the bundled server and CLI the source starts', () => {
    expect(manifest.main).toBe('./dist/extension.js');
    const source = extensionSource();
    expect(source).toContain("asAbsolutePath('dist/server.js')");
    expect(source).toContain("asAbsolutePath('dist/cli.js')");
  });

  it('reads only the settings it contributes', () => {
    const source = extensionSource();
    const read = [...source.matchAll(/getConfiguration\('sla'[^)]*\)\.get(?:<[^>]+>)?\('([^']+)'/g)].map((m) => `sla.${m[1]}`);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((key) => !(key in manifest.contributes.configuration.properties))).toEqual([]);
  });

  it('targets a VS Code no older than the @types/vscode it is checked against', () => {
    const [engineMajor, engineMinor] = lowestVersion(manifest.engines.vscode);
    const typesVersion = JSON.parse(readFileSync(join(repoRoot, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')).version;
    const [typesMajor, typesMinor] = lowestVersion(typesVersion);
    expect(engineMajor * 1000 + engineMinor).toBeGreaterThanOrEqual(typesMajor * 1000 + typesMinor);
    expect(manifest.engines.vscode).toBe('^1.91.0');
  });

  it('has the files vsce wants, and packaging is its own npm script', () => {
    for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore']) {
      expect(existsSync(join(extensionDir, file)), file).toBe(true);
    }
    expect(manifest.publisher).toBeTruthy();
    expect(rootManifest.scripts['package:vscode']).toBe('node scripts/package-vscode.mjs');
    expect(existsSync(join(repoRoot, 'scripts', 'package-vscode.mjs'))).toBe(true);
  });

  it('keeps the sources out of the package', () => {
    const ignored = readFileSync(join(extensionDir, '.vscodeignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['src/**', 'node_modules/**', '*.vsix']));
    expect(ignored).not.toContain('dist/**');
  });
});
