// Drives the VS Code workbench that code-server serves, with puppeteer and
// Chromium, the way a user would: the explorer, the keyboard, the command
// palette, and what the page then shows. Each helper waits for what it
// expects and throws, naming it, when it does not appear in time.
import puppeteer from 'puppeteer-core';

/** Chromium's flags, as compiler/pdf.ts launches it (root in a container needs --no-sandbox). */
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--window-size=1400,900',
];

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value; throws `what` after `timeout` ms. */
export async function waitFor(what, probe, timeout = 30_000) {
  const started = Date.now();
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
    await sleep(250);
  }
}

/** Opens the workbench on `folder` in a fresh headless Chromium and waits for the explorer. */
export async function openWorkbench(url, folder) {
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
    headless: true,
    pipe: true,
    args: LAUNCH_ARGS,
    defaultViewport: { width: 1400, height: 900 },
  });
  const page = await browser.newPage();
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
  return { browser, page, workbench: new Workbench(page) };
}

/** What a test does in the workbench. */
export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async chord(...keys) {
    for (const key of keys) await this.page.keyboard.down(key);
    for (const key of [...keys].reverse()) await this.page.keyboard.up(key);
  }

  /** Opens `name` from the explorer (a double click, so it stays open) and waits for its tab. */
  async openFile(name) {
    const row = await waitFor(`${name} in the explorer`, () =>
      this.page.$(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`),
    );
    await row.click({ count: 2 });
    await waitFor(`the editor tab of ${name}`, () =>
      this.page.$(`.tabs-container .tab.active[aria-label^="${name}"]`),
    );
    await this.focusEditor();
  }

  async focusEditor() {
    const lines = await this.page.waitForSelector('.editor-group-container.active .monaco-editor .view-lines', { visible: true });
    await lines.click();
    await this.page.waitForSelector('.editor-group-container.active .monaco-editor.focused');
  }

  /** Runs a command by its title from the command palette (F1). */
  async command(title) {
    await this.page.keyboard.press('F1');
    await this.page.waitForSelector('.quick-input-widget input', { visible: true });
    await this.page.keyboard.type(title);
    await waitFor(`"${title}" in the command palette`, () =>
      this.page.$eval('.quick-input-list .monaco-list-row.focused', (row) => row.getAttribute('aria-label') ?? '').then(
        (label) => label.toLowerCase().startsWith(title.toLowerCase()),
      ),
    );
    await this.page.keyboard.press('Enter');
  }

  /** Moves the cursor to `line`:`column` (1-based) with Go to Line. */
  async goTo(line, column = 1) {
    await this.chord('Control', 'KeyG');
    await this.page.waitForSelector('.quick-input-widget input', { visible: true });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await sleep(300);
  }

  /** The visible lines of the active editor, each as its tokens: text, classes and colour. */
  visibleTokens() {
    return this.page.$$eval('.editor-group-container.active .monaco-editor .view-line', (lines) =>
      lines
        .map((line) => ({
          top: parseFloat(line.style.top),
          tokens: [...line.querySelectorAll(':scope > span > span')].map((span) => ({
            text: span.textContent.replace(/\u00a0/g, ' '),
            className: span.className,
            color: getComputedStyle(span).color,
          })),
        }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.tokens),
    );
  }

  /** The text of the first element matching `selector` (empty when there is none). */
  text(selector) {
    return this.page.$eval(selector, (element) => element.textContent ?? '').catch(() => '');
  }

  /** The texts of every element matching `selector`, one a line. */
  allText(selector) {
    return this.page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? '').join('\n'));
  }

  /** The labels of the suggestions in the open suggest widget. */
  suggestions() {
    return this.page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) =>
      rows.map((row) => row.querySelector('.label-name')?.textContent ?? ''),
    );
  }

  /** The texts of the notifications on screen (toasts). */
  notifications() {
    return this.page.$$eval('.notification-toast .notification-list-item-message', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
  }

  /** The text of every frame (webviews are nested frames), to find what a preview shows. */
  async frameTexts() {
    const texts = [];
    for (const frame of this.page.frames()) {
      try {
        texts.push(await frame.evaluate(() => document.body?.innerText ?? ''));
      } catch {
        // a frame that went away
      }
    }
    return texts;
  }

  async screenshot(path) {
    await this.page.screenshot({ path });
  }
}
