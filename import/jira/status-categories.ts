import { isRecord, textOf } from '../json-file.js';
import { DONE_CATEGORY } from './mapping.js';

/**
 * The status category of each status, learnt from the statuses file and from
 * every issue's current status (the changelog names statuses but not their
 * categories). A status is looked up by id, then by name, since a status can
 * be renamed but keeps its id.
 */
export class StatusCategories {
  private readonly byId = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  /** The name of each status by id, for a changelog item that gives the id it left but not the name (no `fromString`). */
  private readonly nameById = new Map<string, string>();
  /** Statuses asked about whose category nobody said, by name. */
  readonly unknown = new Set<string>();

  /** Learns the category of a status object (`{ id, name, statusCategory: { key } }`); false if it has none. */
  learn(status: unknown): boolean {
    if (!isRecord(status) || !isRecord(status.statusCategory)) return false;
    const category = textOf(status.statusCategory.key);
    const name = textOf(status.name);
    if (category === undefined || name === undefined) return false;
    const id = textOf(status.id);
    if (id !== undefined) this.byId.set(id, category);
    if (id !== undefined) this.nameById.set(id, name);
    this.byName.set(name.toLowerCase(), category);
    return true;
  }

  /** Whether the status (by id or name) is in the Done category; a status of no known category is not. */
  isDone(id: string | undefined, name: string): boolean {
    const category = this.categoryOf(id, name);
    if (category === undefined) this.unknown.add(name);
    return category === DONE_CATEGORY;
  }

  /** The name of the status with this id, from the statuses file or an issue's current status; undefined when none gave it. */
  nameOf(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.nameById.get(id);
  }

  /** The category key of a status (by id, then name), or undefined when nobody gave it. */
  categoryOf(id: string | undefined, name: string): string | undefined {
    return (id === undefined ? undefined : this.byId.get(id)) ?? this.byName.get(name.toLowerCase());
  }
}
