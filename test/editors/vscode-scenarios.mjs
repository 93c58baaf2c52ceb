// The VS Code scenarios of the editor suite, run in code-server with the
// packaged extension installed: what a user sees for highlighting, problems,
// completion, hover, rename, formatting, the preview and the PDF command, and
// what Restricted Mode keeps and declines.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startCodeServer } from './code-server.mjs';
import { openWorkbench, sleep, waitFor } from './workbench.mjs';

/**
 * Colours of the default light theme (Light Modern, which takes them from
 * Light+) for the grammar's scopes: `storage.type` blue, strings dark red,
 * comments green. The plain text colour is the theme's foreground.
 */
const THEME = {
  storage: 'rgb(0, 0, 255)',
  string: 'rgb(163, 21, 21)',
  comment: 'rgb(0, 128, 0)',
};

/** Settings every run shares: no welcome page, no prompts, the system Chromium for PDFs. */
const baseSettings = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'sla.pdf.browserPath': process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
  'files.refactoring.autoSave': true,
};

/** Finds the token whose text is `text` on the first line holding it. */
function tokenOf(lines, text) {
  for (const line of lines) {
    const token = line.find((candidate) => candidate.text.trim() === text);
    if (token) return token;
  }
  return undefined;
}

/** Runs the trusted-workspace scenarios; `check(name, fn)` records each one's result. */
export async function trustedScenarios({ entry, home, extensionsDir, workspace, expected, check, shots }) {
  const server = await startCodeServer({
    entry,
    home,
    extensionsDir,
    settings: { ...baseSettings, 'security.workspace.trust.enabled': false },
  });
  const { browser, workbench } = await openWorkbench(server.url, workspace);
  const shot = (name) => workbench.screenshot(join(shots, `vscode-${name}.png`)).catch(() => {});
  try {
    await check('vscode: highlighting colours keywords, strings and comments with the grammar scopes', async () => {
      await workbench.openFile('corporate.sla');
      const lines = await waitFor('coloured tokens in corporate.sla', async () => {
        const visible = await workbench.visibleTokens();
        return tokenOf(visible, 'calendar')?.color === THEME.storage ? visible : undefined;
      });
      const expectations = [
        ['calendar', THEME.storage],
        ['"Europe/Madrid"', THEME.string],
      ];
      for (const [text, colour] of expectations) {
        const token = tokenOf(lines, text);
        if (!token) throw new Error(`no token ${text} on screen`);
        if (token.color !== colour) throw new Error(`${text} is ${token.color}, expected ${colour}`);
      }
      const comment = lines[0].map((token) => token.text).join('');
      if (!comment.startsWith('// Corporate-level')) throw new Error(`the first line is ${comment}`);
      if (lines[0][0].color !== THEME.comment) throw new Error(`the comment is ${lines[0][0].color}, expected ${THEME.comment}`);
    }, shot);

    await check('vscode: hover on a calendar name describes its hours', async () => {
      await workbench.goTo(5, 12); // calendar Service|Desk {
      // The mouse away from the text, so that no hover of its own replaces this one.
      await workbench.page.mouse.move(5, 890);
      const hover = await waitFor('the hover', async () => {
        // Asked again until it answers: the first request can come while the server is still starting.
        await workbench.command('Show or Focus Hover');
        const text = await waitFor('the hover text', async () => {
          const shown = await workbench.allText('.monaco-hover');
          return shown.includes('ServiceDesk') ? shown : undefined;
        }, 8_000).catch(() => undefined);
        if (!text) await workbench.page.keyboard.press('Escape');
        return text;
      }, 45_000);
      if (!hover.includes('Mon-Fri 08:30-18:30 Europe/Madrid')) throw new Error(`the hover says: ${hover.slice(0, 300)}`);
      await workbench.page.keyboard.press('Escape');
    }, shot);

    await check('vscode: a broken file shows its problem in the Problems panel and as a squiggle', async () => {
      await workbench.openFile('broken.sla');
      await waitFor('an error squiggle in broken.sla', () =>
        workbench.page.$('.editor-group-container.active .monaco-editor .squiggly-error'),
      );
      await workbench.chord('Control', 'Shift', 'KeyM');
      const problems = await waitFor('SLA2001 in the Problems panel', async () => {
        const text = await workbench.text('.markers-panel');
        return text.includes('SLA2001') ? text : undefined;
      });
      if (!problems.includes("Unknown calendar 'ServceDesk'")) throw new Error(`the Problems panel says: ${problems.slice(0, 300)}`);
    }, shot);

    await check('vscode: completion after "hours Mon-" offers the last weekday', async () => {
      await workbench.openFile('draft.sla');
      await workbench.goTo(3, 13); // "  hours Mon-" ends at column 12
      await workbench.chord('Control', 'Space');
      const labels = await waitFor('the suggest widget', async () => {
        const items = await workbench.suggestions();
        return items.length > 0 ? items : undefined;
      });
      for (const day of ['Fri', 'Sun']) {
        if (!labels.includes(day)) throw new Error(`suggestions are ${labels.join(', ')}`);
      }
      await workbench.page.keyboard.press('Escape');
    }, shot);

    await check('vscode: Format Document gives what slac fmt gives', async () => {
      await workbench.openFile('messy.sla');
      await workbench.command('Format Document');
      await sleep(1000);
      await workbench.chord('Control', 'KeyS');
      await waitFor('messy.sla formatted on disk', () =>
        readFileSync(join(workspace, 'messy.sla'), 'utf8') === expected.messyFormatted,
      );
    }, shot);

    await check('vscode: SLA: Preview Agreement shows the compiled agreement', async () => {
      await workbench.openFile('finance.sla');
      await workbench.command('SLA: Preview Agreement');
      await waitFor('the preview webview with the agreement title', async () =>
        (await workbench.frameTexts()).some((text) => text.includes('Payroll Service Level Agreement')),
      60_000);
    }, shot);

    await check('vscode: SLA: Compile to PDF writes finance.pdf', async () => {
      await workbench.openFile('finance.sla');
      await workbench.command('SLA: Compile to PDF');
      const pdf = join(workspace, 'finance.pdf');
      await waitFor('finance.pdf on disk', () => existsSync(pdf) && readFileSync(pdf).subarray(0, 5).toString() === '%PDF-', 90_000);
      await waitFor('the "Wrote finance.pdf." notification', async () =>
        (await workbench.notifications()).some((message) => message.includes('Wrote finance.pdf.')),
      );
    }, shot);

    await check('vscode: renaming ServiceDesk in corporate.sla also edits the closed finance.sla on disk', async () => {
      await workbench.openFile('corporate.sla');
      await workbench.goTo(5, 12);
      await workbench.page.keyboard.press('F2');
      // The box opens with the old name selected, so typing replaces it.
      await workbench.page.waitForSelector('.rename-box input:focus', { visible: true });
      await workbench.page.keyboard.type('SupportDesk');
      await workbench.page.keyboard.press('Enter');
      await waitFor('finance.sla renamed on disk', () => {
        const finance = readFileSync(join(workspace, 'finance.sla'), 'utf8');
        return finance.includes('clock SupportDesk') && !finance.includes('ServiceDesk');
      });
    }, shot);
  } finally {
    await browser.close();
    await server.stop();
  }
}

/**
 * Restricted Mode: an untrusted folder whose settings name, as its PDF
 * browser, a program in the folder (`browser.sh`, which leaves a mark and
 * fails). The extension still highlights, reports problems and previews,
 * and Compile to PDF ignores the folder's `sla.pdf.browserPath` (a
 * restricted setting) and uses the user's; once the folder is trusted, its
 * program is the one run.
 */
export async function restrictedScenarios({ entry, home, extensionsDir, workspace, check, shots }) {
  const server = await startCodeServer({
    entry,
    home,
    extensionsDir,
    settings: {
      ...baseSettings,
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'always',
    },
  });
  const { browser, workbench } = await openWorkbench(server.url, workspace);
  const shot = (name) => workbench.screenshot(join(shots, `restricted-${name}.png`)).catch(() => {});
  try {
    await check('restricted: the window is in Restricted Mode', async () => {
      await waitFor('the Restricted Mode indicator in the status bar', async () => (await workbench.allText('.statusbar-item')).includes('Restricted Mode'));
    }, shot);

    await check('restricted: highlighting and problems still work', async () => {
      await workbench.openFile('broken.sla');
      await waitFor('coloured keywords', async () => tokenOf(await workbench.visibleTokens(), 'import')?.color !== undefined);
      await waitFor('an error squiggle from the language server', () =>
        workbench.page.$('.editor-group-container.active .monaco-editor .squiggly-error'),
      );
    }, shot);

    await check('restricted: the preview still works', async () => {
      await workbench.openFile('finance.sla');
      await workbench.command('SLA: Preview Agreement');
      await waitFor('the preview webview with the agreement title', async () =>
        (await workbench.frameTexts()).some((text) => text.includes('Payroll Service Level Agreement')),
      60_000);
    }, shot);

    await check("restricted: Compile to PDF ignores the folder's sla.pdf.browserPath", async () => {
      await workbench.openFile('finance.sla');
      await workbench.command('SLA: Compile to PDF');
      const pdf = join(workspace, 'finance.pdf');
      await waitFor('finance.pdf on disk', () => existsSync(pdf) && readFileSync(pdf).subarray(0, 5).toString() === '%PDF-', 90_000);
      if (existsSync(join(workspace, 'browser-ran'))) throw new Error("the folder's browser.sh was run in Restricted Mode");
    }, shot);

    // The other side, so that the check above could fail: once trusted, the
    // folder's browser is the one run.
    await check("restricted: once the folder is trusted, its sla.pdf.browserPath is run", async () => {
      await workbench.command('Workspaces: Manage Workspace Trust');
      const trust = await waitFor('the Trust button', async () => {
        for (const button of await workbench.page.$$('.workspace-trust-editor .monaco-button')) {
          if ((await button.evaluate((element) => element.textContent?.trim())) === 'Trust') return button;
        }
        return undefined;
      });
      await trust.click();
      await waitFor('Restricted Mode to end', async () => !(await workbench.allText('.statusbar-item')).includes('Restricted Mode'));
      rmSync(join(workspace, 'finance.pdf'));
      await workbench.openFile('finance.sla');
      await workbench.command('SLA: Compile to PDF');
      await waitFor('the failure notification', async () =>
        (await workbench.notifications()).some((message) => message.includes('Could not compile finance.sla to PDF')),
      90_000);
      if (!existsSync(join(workspace, 'browser-ran'))) throw new Error("the folder's browser.sh was not run");
      if (existsSync(join(workspace, 'finance.pdf'))) throw new Error('finance.pdf was written, though the browser failed');
    }, shot);
  } finally {
    await browser.close();
    await server.stop();
  }
}
