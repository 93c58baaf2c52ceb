/** Applies `change` to the text outside code fences and code spans, which Markdown shows literally. */
export function outsideCode(markdown: string, change: (text: string) => string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
        fence = fence === undefined ? marker : undefined;
        return line;
      }
      return fence === undefined ? outsideCodeSpans(line, change) : line;
    })
    .join('\n');
}

/** Changes a line outside its code spans (`` `<b>` `` stays). */
function outsideCodeSpans(line: string, change: (text: string) => string): string {
  return line
    .split(/(`+[^`]*?`+)/)
    .map((part, index) => (index % 2 === 1 ? part : change(part)))
    .join('');
}
