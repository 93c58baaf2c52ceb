import { describe, expect, it } from 'vitest';
import { fileSlug } from '../../cli/commands/compile-portfolio.js';

describe('file names of a portfolio compile', () => {
  it.each([
    ['Finance Department', 'finance-department'],
    ['  Acme Widgets Ltd.  ', 'acme-widgets-ltd'],
    ['Société Générale S.A.', 'societe-generale-s-a'],
    ['Müller & Söhne GmbH', 'muller-sohne-gmbh'],
    ['../../etc/passwd', 'etc-passwd'],
    ['CON', 'con-client'],
    ['株式会社', ''],
    ['a'.repeat(100), 'a'.repeat(80)],
  ])('%j gives %j', (name, slug) => {
    expect(fileSlug(name)).toBe(slug);
  });
});
