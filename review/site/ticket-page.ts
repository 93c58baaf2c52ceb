import type { TicketTimeline } from '../timeline/timeline.js';

/** Where a ticket's page lives in the site, relative to its root. */
export function ticketPageFile(ticket: string): string {
  return `tickets/${encodeURIComponent(ticket)}.html`;
}

/** A whole static HTML page (no JavaScript) for one ticket's timeline. */
export function renderTicketPage(timeline: TicketTimeline, page: { agreementTitle: string; backHref: string; stylesheetHref: string }): string {
  const rows = timeline.entries.map((entry) => `<li><time datetime="${escapeHtml(entry.local)}">${escapeHtml(entry.local)}</time> ${escapeHtml(entry.text)}</li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Ticket ${escapeHtml(timeline.ticket)} — ${escapeHtml(page.agreementTitle)}</title><link rel="stylesheet" href="${escapeHtml(page.stylesheetHref)}"></head>
<body><main><p><a href="${escapeHtml(page.backHref)}">Back</a></p><h1>Ticket ${escapeHtml(timeline.ticket)}</h1><ol>${rows}</ol></main></body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
