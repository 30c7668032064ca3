// Gap-free document numbers per workspace: the counter row is locked and incremented inside the
// caller's transaction, so concurrent creators queue on it and a rollback returns the number.
import type { Tx } from './db.ts';

export type SeriesKind = 'opportunity' | 'quote' | 'order' | 'contact' | 'customer';

export async function takeNextNo(tx: Tx, workspaceId: string, kind: SeriesKind, prefix: string): Promise<string> {
  const rows = await tx.$queryRaw<{ last_no: number }[]>`
    INSERT INTO number_series (workspace_id, kind, last_no) VALUES (${workspaceId}, ${kind}, 1)
    ON CONFLICT (workspace_id, kind) DO UPDATE SET last_no = number_series.last_no + 1
    RETURNING last_no`;
  const next = rows[0]?.last_no ?? 1;
  return `${prefix}${String(next).padStart(5, '0')}`;
}
