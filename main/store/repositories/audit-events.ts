import type { Db } from '../connection';
import type { AuditRow } from '../types';

type Raw = {
  seq: number;
  at: string;
  action: AuditRow['action'];
  actor_id: string | null;
  entity_type: string | null;
  entity_id: string | null;
  details_json: string;
  prev_mac: string;
  mac: string;
};

const COLUMNS = 'seq, at, action, actor_id, entity_type, entity_id, details_json, prev_mac, mac';

/** Details exactly as stored (not coerced), so verification sees any tampering byte for byte. */
export type StoredAuditEvent = Omit<AuditRow, 'details'> & { details: unknown };

const parseStored = (text: string): unknown => {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    // Unparseable details cannot match any MAC; keep the text so verification reports the row.
    return text;
  }
};
const toStored = (r: Raw): StoredAuditEvent => ({
  seq: r.seq,
  at: r.at,
  action: r.action,
  actorId: r.actor_id,
  entityType: r.entity_type,
  entityId: r.entity_id,
  details: parseStored(r.details_json),
  prevMac: r.prev_mac,
  mac: r.mac,
});

export type ChainLink = { seq: number; mac: string };

/** Raw access to the audit table; the chain logic lives in audit-log.ts. */
export type AuditEventsRepository = {
  insert(row: AuditRow): void;
  last(): ChainLink | null;
  linkAt(seq: number): ChainLink | null;
  /** Rows after `afterSeq` in order, at most `limit`. */
  page(afterSeq: number, limit: number): StoredAuditEvent[];
  count(): number;
};

export const createAuditEventsRepository = (db: Db): AuditEventsRepository => {
  const insert = db.prepare<[Raw]>(
    `INSERT INTO audit_events (${COLUMNS})
     VALUES (@seq, @at, @action, @actor_id, @entity_type, @entity_id, @details_json, @prev_mac, @mac)`,
  );
  const last = db.prepare<[], ChainLink>('SELECT seq, mac FROM audit_events ORDER BY seq DESC LIMIT 1');
  const linkAt = db.prepare<[number], ChainLink>('SELECT seq, mac FROM audit_events WHERE seq = ?');
  const page = db.prepare<[number, number], Raw>(
    `SELECT ${COLUMNS} FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const count = db.prepare<[], number>('SELECT count(*) FROM audit_events').pluck();

  return {
    insert(row) {
      insert.run({
        seq: row.seq,
        at: row.at,
        action: row.action,
        actor_id: row.actorId,
        entity_type: row.entityType,
        entity_id: row.entityId,
        details_json: JSON.stringify(row.details),
        prev_mac: row.prevMac,
        mac: row.mac,
      });
    },
    last: () => last.get() ?? null,
    linkAt: (seq) => linkAt.get(seq) ?? null,
    page: (afterSeq, limit) => page.all(afterSeq, limit).map(toStored),
    count: () => count.get() ?? 0,
  };
};
