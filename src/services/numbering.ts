// Gap-free document numbers per workspace: the counter row is locked and incremented inside the
// caller's transaction, so concurrent creators queue on it and a rollback returns the number.
import type { SqlDatabase } from '../store/kysely.ts';

export type SeriesKind = 'opportunity' | 'quote' | 'order' | 'contact' | 'customer';

/** The next number of the series, formatted with its prefix; `db` is the caller's transaction. */
export async function takeNextNo(
  db: SqlDatabase,
  workspaceId: string,
  kind: SeriesKind,
  prefix: string,
): Promise<string> {
  const { last_no } = await db
    .insertInto('number_series')
    .values({ workspace_id: workspaceId, kind, last_no: 1 })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'kind']).doUpdateSet((eb) => ({ last_no: eb('number_series.last_no', '+', 1) })),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return `${prefix}${String(last_no).padStart(5, '0')}`;
}
