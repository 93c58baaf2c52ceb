/**
 * The anchor of a heading, as GitHub makes it: lower case, punctuation
 * dropped, spaces as hyphens. The Markdown contents links and the HTML
 * heading ids both use it, so the links resolve in either form.
 */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * A client's name as a file name that is safe on every system: letters
 * without accents, digits, hyphens; `Société Générale S.A.` gives
 * `societe-generale-s-a`. Names Windows reserves for devices get `-client`;
 * a name with no such letter gives '' (the caller numbers it).
 */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return /^(con|prn|aux|nul|com\d|lpt\d)$/.test(slug) ? `${slug}-client` : slug;
}
