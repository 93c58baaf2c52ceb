import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { allHolidayCodes, describeHolidayCode, type HolidayCodeDescription } from '../../language/holidays/holiday-codes.js';
import type { Position } from '../../language/syntax/range.js';

/** `Berlin, Germany` for `DE-BE`, `Stadt Augsburg, Bayern, Germany` for `DE-BY-A`, `Germany` for `DE`. */
export function holidayCodeName(description: HolidayCodeDescription): string {
  return [description.region, description.subdivision, description.country].filter((part) => part !== undefined).join(', ');
}

let cached: { code: string; name: string }[] | undefined;

function codesWithNames(): { code: string; name: string }[] {
  cached ??= allHolidayCodes().map((code) => {
    const description = describeHolidayCode(code);
    return { code, name: description ? holidayCodeName(description) : code };
  });
  return cached;
}

/**
 * Every country and subdivision code of the holiday data set, named in the
 * item's detail (`DE-BE`: Berlin, Germany). The edit replaces the whole
 * content of the string, from the opening quote to the closing one (or the
 * cursor when the string is not closed yet), so that completing in the
 * middle of `"DE-B|E"` gives `"DE-BE"`, not `"DE-BEE"`. Typing a country
 * name finds its codes too (`filterText`).
 */
export function holidayCodeItems(position: Position, typedLength: number, lineText: string): CompletionItem[] {
  const rest = lineText.slice(position.character);
  const closing = rest.indexOf('"');
  const range = {
    start: { line: position.line, character: position.character - typedLength },
    end: { line: position.line, character: position.character + (closing < 0 ? 0 : closing) },
  };
  return codesWithNames().map(({ code, name }) => ({
    label: code,
    kind: CompletionItemKind.Value,
    detail: name,
    filterText: `${code} ${name}`,
    sortText: code.includes('-') ? `${code.slice(0, code.indexOf('-'))}~${code}` : code,
    textEdit: { range, newText: code },
  }));
}
