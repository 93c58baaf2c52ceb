// The preview's HTML hardening, kept free of the `vscode` module so tests can
// run it: the compiled agreement is shown with no scripts at all, under a
// Content-Security-Policy that allows only inline styles and local images.

/** The policy for a preview page; `cspSource` is the webview's own origin (`webview.cspSource`). */
export function previewContentSecurityPolicy(cspSource: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource} data:`,
  ].join('; ');
}

// VS Code gives a webview the editor theme's background; the agreement is
// printed black on white, so in a dark theme its text would vanish. The page
// gets paper colours first, and the compiler's own styles still win.
const paperStyle = '<style>html, body { background: #ffffff; color: #111111; }</style>';

const scriptElement = /<script\b[^>]*>[\s\S]*?<\/script\s*>|<script\b[^>]*\/?>/gi;

/**
 * Returns `html` ready for a webview: script elements removed (the policy
 * blocks them and inline event handlers anyway; removing them keeps the page
 * honest) and the policy and paper colours placed first in `<head>`, adding
 * a head or a whole document around a fragment.
 */
export function securePreviewHtml(html: string, cspSource: string): string {
  const headStart = `<meta http-equiv="Content-Security-Policy" content="${previewContentSecurityPolicy(cspSource)}">${paperStyle}`;
  const clean = html.replace(scriptElement, '');
  if (/<head\b[^>]*>/i.test(clean)) return clean.replace(/<head\b[^>]*>/i, (head) => `${head}\n${headStart}`);
  if (/<html\b[^>]*>/i.test(clean)) return clean.replace(/<html\b[^>]*>/i, (open) => `${open}\n<head>${headStart}</head>`);
  return `<!DOCTYPE html>\n<html>\n<head>${headStart}<meta charset="utf-8"></head>\n<body>\n${clean}\n</body>\n</html>\n`;
}

/** Escapes text for use inside HTML element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A page for when the agreement cannot be rendered: the compiler's own
 * message (file, line and problem), shown as text rather than an old preview.
 */
export function previewMessagePage(title: string, message: string): string {
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><style>',
    // A message, not the agreement: it follows the editor's theme.
    'html, body { background: var(--vscode-editor-background); color: var(--vscode-foreground); }',
    'body { font-family: var(--vscode-font-family, sans-serif); padding: 1.5em; }',
    'pre { white-space: pre-wrap; font-family: var(--vscode-editor-font-family, monospace); }',
    '</style></head><body>',
    `<h2>${escapeHtml(title)}</h2>`,
    `<pre>${escapeHtml(message)}</pre>`,
    '</body></html>',
  ].join('\n');
}
