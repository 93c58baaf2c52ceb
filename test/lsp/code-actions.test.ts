import { describe, expect, it } from 'vitest';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, example, readExample, uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';

const client = useServer();
const uri = uriOf(example('poologics.sla'));
const original = readExample('poologics.sla');
let opened = false;

/** Puts `text` in the editor, waits for its diagnostics and asks for the fixes of those with `code`. */
async function fixesFor(text: string, code: string): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
  if (!opened) {
    const first = client().diagnostics(uri);
    await client().open(uri, text);
    await first;
    opened = true;
  } else {
    await client().change(uri, text);
  }
  const diagnostics = await client().currentDiagnostics(uri);
  const diagnostic = diagnostics.find((d) => d.code === code);
  expect(diagnostic, `a ${code} diagnostic in ${JSON.stringify(diagnostics)}`).toBeDefined();
  const actions = (await client().connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic!.range,
    context: { diagnostics: [diagnostic!] },
  })) as CodeAction[];
  return { diagnostic: diagnostic!, actions };
}

function applied(text: string, action: CodeAction): string {
  return applyEdits(text, action.edit!.changes![uri]!);
}

describe('quick fixes', () => {
  it('replaces an unknown name by its close match', async () => {
    const text = original.replace('clock BusinessHours\n  target 20', 'clock BusinesHours\n  target 20');
    const { actions } = await fixesFor(text, 'SLA2001');
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ title: "Change to 'BusinessHours'", kind: 'quickfix', isPreferred: true });
    expect(applied(text, actions[0]!)).toBe(original);
  });

  it('replaces a misspelt statement keyword by the keyword of its block', async () => {
    const text = original.replace('clock BusinessHours\n  target 20', 'clok BusinessHours\n  target 20');
    const { diagnostic, actions } = await fixesFor(text, 'SLA1012');
    expect(diagnostic.message).toMatch(/ Did you mean 'clock'\?$/);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ title: "Change to 'clock'", kind: 'quickfix', isPreferred: true });
    expect(applied(text, actions[0]!)).toBe(original);
  });

  it('marks the last severity default when none is', async () => {
    const text = original.replace('  description "Any other software-related issue."\n  default\n', '  description "Any other software-related issue."\n');
    const { actions } = await fixesFor(text, 'SLA3006');
    expect(actions.map((a) => a.title)).toEqual(["Make the last severity the 'default'"]);
    expect(applied(text, actions[0]!)).toBe(original);
  });

  it('offers business days and hours for an ambiguous days', async () => {
    const text = original.replace('target Standard 2 hours', 'target Standard 2 days');
    const { actions } = await fixesFor(text, 'SLA3013');
    const fixed = actions.map((a) => applied(text, a));
    expect(fixed).toContain(original.replace('target Standard 2 hours', 'target Standard 2 business days'));
    expect(fixed).toContain(original.replace('target Standard 2 hours', 'target Standard 48 hours'));
  });

  it('replaces an unknown time zone by its close match, inside the quotes', async () => {
    const text = original.replace('"America/New_York"\n  hours Mon-Fri', '"America/New_Yrok"\n  hours Mon-Fri');
    const { actions } = await fixesFor(text, 'SLA3001');
    expect(actions.map((a) => applied(text, a))).toEqual([original]);
  });

  it('replaces a zone abbreviation by the place it usually means (EST: America/New_York), inside the quotes', async () => {
    const text = original.replace('"America/New_York"\n  hours Mon-Fri', '"EST"\n  hours Mon-Fri');
    const { actions } = await fixesFor(text, 'SLA3081');
    expect(actions.map((a) => applied(text, a))).toEqual([original]);
  });

  it("writes the unit an abbreviation stands for ('20 mins': '20 minutes')", async () => {
    const text = original.replace('target 20 minutes', 'target 20 mins');
    const { actions } = await fixesFor(text, 'SLA1022');
    expect(actions.map((a) => applied(text, a))).toEqual([original]);
  });

  it("writes both words of a two-word unit ('3 working days': '3 business days')", async () => {
    const text = original.replace('target 24 hours', 'target 3 working days');
    const { actions } = await fixesFor(text, 'SLA1022');
    expect(actions.map((a) => applied(text, a))).toEqual([original.replace('target 24 hours', 'target 3 business days')]);
  });

  it("quotes a term's unquoted name (SLA1026), its words and all", async () => {
    const text = `${original}\nterm Business Hours "the hours of the BusinessHours calendar"\n`;
    const { actions } = await fixesFor(text, 'SLA1026');
    expect(actions.map((a) => a.title)).toEqual(['Write "Business Hours" in double quotes']);
    expect(applied(text, actions[0]!)).toBe(`${original}\nterm "Business Hours" "the hours of the BusinessHours calendar"\n`);
  });

  it('offers nothing for a diagnostic without an obvious fix', async () => {
    const text = original.replace('objective 95% monthly', 'objective 195% monthly');
    const { actions } = await fixesFor(text, 'SLA3005');
    expect(actions).toEqual([]);
  });
});
