import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** `[text](target)` links, outside code blocks and inline code. */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const headings = markdown.replace(/```[\s\S]*?```/g, '').match(/^#{1,6} .*$/gm) ?? [];
  return new Set(
    headings.map((heading) =>
      heading
        .replace(/^#+ /, '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

const relativeLinks = pages.flatMap((page) =>
  linksOf(readFileSync(join(root, page), 'utf8'))
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .map((target) => ({ page, target })),
);

describe('links in README.md and docs/*.md', () => {
  it('finds the relative links (the extraction itself works)', () => {
    expect(relativeLinks.some((link) => link.page === 'README.md' && link.target.startsWith('docs/'))).toBe(true);
    expect(linksOf('see [a](b.md) and `[c](d.md)`')).toEqual(['b.md']);
    expect([...anchorsOf('## Checking a file: `slac validate`')]).toEqual(['checking-a-file-slac-validate']);
  });

  it.each(relativeLinks)('$page -> $target resolves inside the repository', ({ page, target }) => {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file = path === '' ? join(root, page) : resolve(dirname(join(root, page)), decodeURIComponent(path));
    expect(relative(root, file).startsWith('..'), `${target} leaves the repository`).toBe(false);
    expect(existsSync(file), `${target} does not exist`).toBe(true);
    if (anchor && statSync(file).isFile() && file.endsWith('.md')) {
      expect([...anchorsOf(readFileSync(file, 'utf8'))], `#${anchor} is not a heading of ${path || page}`).toContain(anchor);
    }
  });
});
