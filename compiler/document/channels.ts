import { findCalendar } from '../../language/model/model.js';
import { spellTimeZone } from '../english.js';
import type { DocumentContext } from './context.js';
import { emphasis, paragraph, section, table, text, type Section } from './document.js';
import { summarizeWeek } from './service-hours.js';

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Section "Channels": how the Client reaches the Provider, and when each channel is staffed. */
export function channelsSection(context: DocumentContext): Section | undefined {
  const { channels } = context.model;
  if (channels.length === 0) return undefined;
  const rows = channels.map((channel) => {
    const calendar = channel.hours ? findCalendar(context.model, channel.hours) : undefined;
    const hours = calendar
      ? `${capitalize(summarizeWeek(calendar))}, ${spellTimeZone(calendar.timezone)}`
      : 'As announced by the Provider';
    return [[text(channel.name)], channel.contact ? [text(channel.contact)] : [emphasis('As announced by the Provider')], [text(hours)]];
  });
  return section('Channels', [
    paragraph('The Client reports incidents and requests through the following channels, which are staffed during the hours shown:'),
    table(['Channel', 'Contact', 'Hours'], rows),
  ]);
}

/** Section "Severity Levels": the severities from most to least severe, the default marked. */
export function severitySection(context: DocumentContext): Section {
  const { severities, defaultSeverity } = context.model;
  const rows = severities.map((severity, index) => [
    String(index + 1),
    severity.name + (severity.name === defaultSeverity ? ' (default)' : ''),
    severity.description ?? '',
  ]);
  return section('Severity Levels', [
    paragraph(
      'Each ticket has one of the following severity levels, listed from most to least severe. A ticket reported without a severity level has the default level, ',
      defaultSeverity,
      '. A change of severity applies the targets of the new level to the whole ticket.',
    ),
    table(['Rank', 'Severity', 'Description'], rows),
  ]);
}
