/** A record of the summary's lists: where it is (file, and line or JSON path) and why. */
interface PlacedRecord {
  file: string;
  line: number | string;
}

/**
 * The first `limit` records in file order, of however many are added in any
 * order: by the file's place (`placeOf`), then by line, a JSON path by its
 * indexes in turn (`line 3, ticket_events[2]` is [3, 2]), ties in the order
 * added. An import reads its tables in its own order (the tickets before
 * their comments, whatever the files' names), so the first records added
 * were not the first of the files as the summary lists them.
 */
export class RecordsInFileOrder<T extends PlacedRecord> {
  private readonly kept: { record: T; key: number[] }[] = [];

  constructor(
    private readonly limit: number,
    private readonly placeOf: (file: string) => number,
  ) {}

  add(record: T): void {
    const key = [this.placeOf(record.file), ...lineKey(record.line)];
    // After every record that sorts before or with it: ties stay in the order added.
    let low = 0;
    let high = this.kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(this.kept[middle]!.key, key) <= 0) low = middle + 1;
      else high = middle;
    }
    if (low >= this.limit) return;
    this.kept.splice(low, 0, { record, key });
    if (this.kept.length > this.limit) this.kept.pop();
  }

  get records(): T[] {
    return this.kept.map(({ record }) => record);
  }
}

/** A line as itself; a JSON path (`[12]`, `line 3, ticket_events[2].child_events[0]`) as its numbers in turn. */
function lineKey(line: number | string): number[] {
  if (typeof line === 'number') return [line];
  return [...line.matchAll(/\d+/g)].map((match) => Number(match[0]));
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index]! - b[index]!;
  }
  return a.length - b.length;
}
