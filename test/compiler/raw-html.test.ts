import { describe, expect, it } from 'vitest';
import { escapeRawHtml } from '../../compiler/render/raw-html.js';

/** Issue 13: the Markdown output shows an author's raw HTML as text, as the HTML output does. */
describe('escapeRawHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script>alert(1)&lt;/script>'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
    ['<!-- hidden -->', '&lt;!-- hidden -->'],
    ['<?php ?>', '&lt;?php ?>'],
    ['a < b and 3<4', 'a < b and 3<4'],
    ['see <https://example.com/x?a=1>', 'see <https://example.com/x?a=1>'],
    ['mail <help@example.com>', 'mail <help@example.com>'],
    ['code `<b>` and <b>', 'code `<b>` and &lt;b>'],
  ])('%j becomes %j', (markdown, expected) => {
    expect(escapeRawHtml(markdown)).toBe(expected);
  });

  it('leaves fenced code alone, and escapes again after the fence', () => {
    const markdown = ['<b>before</b>', '```html', '<b>kept</b>', '```', '<i>after</i>'].join('\n');
    expect(escapeRawHtml(markdown)).toBe(['&lt;b>before&lt;/b>', '```html', '<b>kept</b>', '```', '&lt;i>after&lt;/i>'].join('\n'));
  });
});
