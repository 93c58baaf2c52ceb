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
