import { describe, expect, test } from 'vitest';
import { CompileError, compileAgreementPdf, findBrowser, renderAgreement } from '../../compiler/index.js';
import { EXAMPLES, loadModel } from './helpers.js';

const poologics = () => loadModel(EXAMPLES[0].file);

describe('params', () => {
  test('an unfilled param is a visible blank with its placeholder', () => {
    const { markdown, html } = renderAgreement(poologics());
    expect(markdown).toContain('**Client:** ⟦\\[Company Name\\]⟧');
    expect(html).toContain('<span class="blank">[Company Name]</span><span class="blank-note">to be completed</span>');
    expect(markdown).toContain('Highlighted blanks are to be completed');
  });

  test('--param fills it in everywhere', () => {
    const { markdown } = renderAgreement(poologics(), { params: { ClientName: 'Acme <Ltd>' } });
    expect(markdown).toContain('**Client:** Acme \\<Ltd\\>');
    expect(markdown).not.toContain('⟦');
    expect(markdown).not.toContain('Highlighted blanks');
  });

  test('--final refuses while a param is unfilled, naming it', () => {
    expect(() => renderAgreement(poologics(), { final: true })).toThrow(CompileError);
    expect(() => renderAgreement(poologics(), { final: true })).toThrow(/ClientName/);
    expect(() => renderAgreement(poologics(), { final: true, params: { ClientName: 'Acme' } })).not.toThrow();
  });

  test('an unknown param is an error that lists the known ones', () => {
    expect(() => renderAgreement(poologics(), { params: { Client: 'Acme' } })).toThrow(
      /no param named Client\. Its params are: ClientName\./,
    );
  });

  test('an agreement without params accepts none', () => {
    const finance = loadModel(EXAMPLES[3].file);
    expect(() => renderAgreement(finance, { final: true })).not.toThrow();
    expect(() => renderAgreement(finance, { params: { X: '1' } })).toThrow(/declares no params/);
  });
});

describe('finding the browser', () => {
  test('PUPPETEER_EXECUTABLE_PATH comes first, then the usual paths in order', () => {
    const exists = (path: string) => ['/custom/chrome', '/b', '/c'].includes(path);
    expect(findBrowser({ explicitPath: '/custom/chrome', candidates: ['/b'], exists })).toBe('/custom/chrome');
    expect(findBrowser({ explicitPath: '/missing', candidates: ['/a', '/b', '/c'], exists })).toBe('/b');
    expect(findBrowser({ explicitPath: undefined, candidates: ['/c'], exists })).toBe('/c');
  });

  test('no browser is a clear error that says how to install one and that HTML needs none', async () => {
    const search = { explicitPath: '/nonexistent/chromium', candidates: [] };
    expect(() => findBrowser(search)).toThrow(CompileError);
    expect(() => findBrowser(search)).toThrow(/apt-get install chromium.*PUPPETEER_EXECUTABLE_PATH.*--format html.*\/nonexistent\/chromium/s);
    await expect(compileAgreementPdf(poologics(), { browserSearch: search })).rejects.toThrow(CompileError);
    expect(renderAgreement(poologics()).html).toContain('<html');
  });

  test('a file that is not a browser is a clear error too', async () => {
    const search = { explicitPath: '/bin/false', candidates: [] };
    await expect(compileAgreementPdf(poologics(), { browserSearch: search })).rejects.toThrow(
      /Could not start the browser at \/bin\/false/,
    );
  });
});
