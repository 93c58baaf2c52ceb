/**
 * The GLPI tables the import reads, in the order it reads them (names and
 * roles before the tickets, tickets before their history and followups),
 * with the columns each needs. A REST API page holds the same columns.
 */
export const GLPI_TABLES = {
  entities: ['id', 'name'],
  profiles: ['id', 'interface'],
  profiles_users: ['users_id', 'profiles_id'],
  users: ['id', 'profiles_id'],
  tickets_users: ['tickets_id', 'users_id', 'type'],
  tickets: ['id', 'date', 'status', 'priority'],
  logs: ['itemtype', 'items_id', 'id_search_option', 'date_mod', 'old_value', 'new_value'],
  itilfollowups: ['itemtype', 'items_id', 'users_id', 'is_private', 'date'],
} as const satisfies Record<string, readonly string[]>;

export type GlpiTable = keyof typeof GLPI_TABLES;

/** The tables in reading order. */
export const TABLE_ORDER = Object.keys(GLPI_TABLES) as GlpiTable[];

/** The table a CSV file holds, by its name as a database export writes it: `glpi_logs.csv`, or `logs.csv`. */
export function tableOfFile(fileName: string): GlpiTable | undefined {
  const table = fileName.toLowerCase().replace(/\.csv$/, '').replace(/^glpi_/, '');
  return table in GLPI_TABLES ? (table as GlpiTable) : undefined;
}

/**
 * The table a REST API page holds, by the keys of its first record:
 * `GET /apirest.php/Ticket/{id}/Log` has `id_search_option`,
 * `/Ticket/{id}/ITILFollowup` has `is_private`, and so on.
 */
export function tableOfKeys(keys: ReadonlySet<string>): GlpiTable | undefined {
  if (keys.has('id_search_option')) return 'logs';
  if (keys.has('is_private') && keys.has('items_id')) return 'itilfollowups';
  if (keys.has('tickets_id') && keys.has('users_id') && keys.has('type')) return 'tickets_users';
  if (keys.has('status') && keys.has('urgency')) return 'tickets';
  if (keys.has('interface')) return 'profiles';
  if (keys.has('realname') || keys.has('firstname')) return 'users';
  if (keys.has('profiles_id') && keys.has('users_id')) return 'profiles_users';
  if (keys.has('completename')) return 'entities';
  return undefined;
}
