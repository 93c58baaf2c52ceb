import { describe, expect, it } from 'vitest';
import type { PortfolioModel } from '../../../language/model/model.js';
import { analyze, analyzeWithPortfolio, loadAgreementOrPortfolio, loadPortfolio } from '../../../language/workspace/index.js';
import type { SourceHost } from '../../../language/workspace/source-host.js';

// Loading a portfolio with every agreement it uses, and an agreement's
// iCalendar holiday files, from an in-memory file system.
function hostOf(files: Record<string, string>): SourceHost {
  return { readFile: (file) => files[file], unreadableReason: () => 'no such file' };
}

const agreement = (name: string, extra = '') =>
  `param Customer "[Customer]"\nparam Vendor "[Vendor]"\n\nagreement ${name} {\n  provider Vendor\n  client Customer\n}\n\ncalendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n  holidays "GB-ENG"\n}\n\nseverity Normal {\n  default\n}\n\nmetric Response {\n  measures first response\n  clock Office\n  target 4 hours\n}\n${extra}`;

const ics = 'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260604\nSUMMARY:Company day\nEND:VEVENT\nEND:VCALENDAR\n';

const files: Record<string, string> = {
  '/p/clients.sla':
    'portfolio Clients {\n  client "Acme Widgets Ltd", "Acme" uses "agreements/acme.sla" with Customer "Acme Widgets Ltd" with Vendor "Initech"\n  client "Globex" uses "agreements/standard.sla" with Customer "Globex Corporation"\n  others use "agreements/standard.sla"\n}\n',
  '/p/agreements/acme.sla': agreement('Acme', 'calendar Plant {\n  timezone "UTC"\n  hours Mon-Fri 06:00-14:00\n  holidays from "../days/plant.ics"\n}\n\nmaintenance {\n  window Plant\n}\n'),
  '/p/agreements/standard.sla': agreement('Standard'),
  '/p/days/plant.ics': ics,
};

describe('portfolios', () => {
  it('loads every agreement with its params and the sources of every file', () => {
    const { model, diagnostics } = loadPortfolio('/p/clients.sla', hostOf(files));
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({ format: 'slac-portfolio', version: 2, name: 'Clients' });
    expect(model!.clients.map((c) => [c.names, c.path, c.params, c.agreement.agreement?.name])).toEqual([
      [['Acme Widgets Ltd', 'Acme'], 'agreements/acme.sla', { Customer: 'Acme Widgets Ltd', Vendor: 'Initech' }, 'Acme'],
      [['Globex'], 'agreements/standard.sla', { Customer: 'Globex Corporation' }, 'Standard'],
    ]);
    expect(model!.others).toMatchObject({ path: 'agreements/standard.sla', params: {} });
    expect(model!.sources.map((s) => s.path)).toEqual(['clients.sla', 'agreements/acme.sla', 'agreements/standard.sla']);
  });

  it('carries the text of a holidays file into the calendar model', () => {
    const { model } = loadPortfolio('/p/clients.sla', hostOf(files));
    const plant = model!.clients[0]!.agreement.calendars.find((c) => c.name === 'Plant')!;
    expect(plant.holidayFiles).toEqual([{ path: '../days/plant.ics', ics }]);
    expect(model!.clients[0]!.agreement.calendars[0]!.holidaySets).toEqual(['GB-ENG']);
  });

  it('tells a portfolio from an agreement', () => {
    const host = hostOf(files);
    const portfolio = loadAgreementOrPortfolio('/p/clients.sla', host);
    const single = loadAgreementOrPortfolio('/p/agreements/standard.sla', host);
    expect(portfolio.kind).toBe('portfolio');
    expect((portfolio.model as PortfolioModel).clients).toHaveLength(2);
    expect(single.kind).toBe('agreement');
    expect(single.model).toMatchObject({ format: 'slac-model', agreement: { name: 'Standard' } });
  });

  it('reports an unknown param, a missing file, and an agreement with errors, each in its file', () => {
    const broken = {
      ...files,
      '/p/clients.sla': 'portfolio Clients {\n  client "Acme" uses "agreements/acme.sla" with Custmer "Acme"\n  client "B" uses "agreements/nowhere.sla"\n  others use "agreements/standard.sla"\n}\n',
      '/p/agreements/standard.sla': agreement('Standard').replace('clock Office', 'clock Ofice'),
    };
    const { model, diagnostics } = loadPortfolio('/p/clients.sla', hostOf(broken));
    expect(model).toBeUndefined();
    expect(diagnostics.map((d) => `${d.file}:${d.range.start.line + 1} ${d.code}`)).toEqual([
      '/p/agreements/standard.sla:21 SLA2001',
      '/p/clients.sla:2 SLA2016',
      '/p/clients.sla:3 SLA2014',
      '/p/clients.sla:4 SLA2017',
    ]);
    expect(diagnostics[1]!.data).toEqual({ suggestion: 'Customer' });
  });

  it('refuses an agreement path that is not .sla, as an import is refused, without opening it', () => {
    const secrets = { ...files, '/p/clients.sla': 'portfolio Clients {\n  client "Acme" uses "agreements/acme.sla"\n  client "B" uses "keys/.env"\n  others use "keys/id_rsa"\n}\n', '/p/keys/.env': 'SECRET=hunter2\n', '/p/keys/id_rsa': 'KEY\n' };
    const read: string[] = [];
    const host: SourceHost = { readFile: (file) => (read.push(file), secrets[file as keyof typeof secrets]), unreadableReason: () => 'no such file' };
    for (const load of [() => loadPortfolio('/p/clients.sla', host).diagnostics, () => analyzeWithPortfolio('/p/clients.sla', host).diagnostics]) {
      expect(load().map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`)).toEqual([
        "/p/clients.sla:3:19 SLA2021 Only .sla files can be used by a portfolio; 'keys/.env' is not one.",
        "/p/clients.sla:4:14 SLA2021 Only .sla files can be used by a portfolio; 'keys/id_rsa' is not one.",
      ]);
    }
    expect(read.filter((file) => file.startsWith('/p/keys/'))).toEqual([]);
  });

  it('reports an unreadable holiday file at its path in the declaring file', () => {
    const { diagnostics } = analyze('/p/agreements/acme.sla', hostOf({ ...files, '/p/days/plant.ics': undefined as unknown as string }));
    expect(diagnostics.map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`)).toEqual([
      '/p/agreements/acme.sla:27:17 SLA2013',
    ]);
    expect(diagnostics[0]!.message).toBe("Cannot read the holiday file '../days/plant.ics': no such file.");
  });
});

// The language server analyses each open file on its own: a portfolio file's
// analysis says at its own lines what loading the portfolio says there.
describe('a portfolio analysed for the editor', () => {
  const portfolio = (lines: string) => `portfolio Clients {\n${lines}}\n`;
  const entryDiagnostics = (host: SourceHost) =>
    loadPortfolio('/p/clients.sla', host).diagnostics.filter((d) => d.file === '/p/clients.sla').map((d) => `${d.code} ${d.message}`);

  it.each([
    ['an unknown param', '  client "Acme" uses "agreements/acme.sla" with Custmer "Acme"\n', ['SLA2016']],
    ['an agreement with errors', '  client "Acme" uses "agreements/broken.sla"\n', ['SLA2017']],
    ['the portfolio itself', '  client "Acme" uses "clients.sla"\n', ['SLA2020']],
    ['known params', '  client "Acme" uses "agreements/acme.sla" with Customer "Acme" with Vendor "Initech"\n', []],
  ])('reports %s as loading the portfolio does', (_, lines, codes) => {
    const host = hostOf({ ...files, '/p/clients.sla': portfolio(lines), '/p/agreements/broken.sla': agreement('Broken', 'metric Bad {\n  clock Nowhere\n}\n') });
    const analysis = analyzeWithPortfolio('/p/clients.sla', host);
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(codes);
    expect(analysis.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(entryDiagnostics(host));
  });

  it('keeps the analysis of each agreement its lines use, by file', () => {
    const analysis = analyzeWithPortfolio('/p/clients.sla', hostOf(files));
    expect([...(analysis.portfolioMembers?.keys() ?? [])]).toEqual(['/p/agreements/acme.sla', '/p/agreements/standard.sla']);
    expect(analysis.portfolioMembers?.get('/p/agreements/acme.sla')?.symbols.visibleDeclarations('/p/agreements/acme.sla', 'param').map((p) => p.name)).toEqual(['Customer', 'Vendor']);
  });
});
