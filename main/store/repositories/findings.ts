import type { Db } from '../connection';
import type { FindingInput, FindingRow, FindingStatus } from '../types';
import { fromJson, newId, notFound, nowIso, toJson } from './shared';

type Raw = {
  id: string;
  encounter_id: string;
  kind: string;
  payload_json: string;
  evidence_json: string;
  status: FindingStatus;
  created_at: string;
  updated_at: string;
};

const COLUMNS = 'id, encounter_id, kind, payload_json, evidence_json, status, created_at, updated_at';
const toRow = (r: Raw): FindingRow => ({
  id: r.id,
  encounterId: r.encounter_id,
  kind: r.kind,
  payload: fromJson(r.payload_json),
  evidence: fromJson(r.evidence_json),
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type FindingsRepository = {
  /** Swaps the extracted findings for an encounter in one transaction (a re-run of extraction). */
  replaceForEncounter(encounterId: string, findings: readonly FindingInput[]): FindingRow[];
  listForEncounter(encounterId: string): FindingRow[];
  get(id: string): FindingRow | null;
  setStatus(id: string, status: FindingStatus): FindingRow;
};

export const createFindingsRepository = (db: Db): FindingsRepository => {
  const insert = db.prepare<[Raw]>(
    `INSERT INTO findings (${COLUMNS})
     VALUES (@id, @encounter_id, @kind, @payload_json, @evidence_json, @status, @created_at, @updated_at)`,
  );
  const removeAll = db.prepare<[string]>('DELETE FROM findings WHERE encounter_id = ?');
  const list = db.prepare<[string], Raw>(
    `SELECT ${COLUMNS} FROM findings WHERE encounter_id = ? ORDER BY created_at, rowid`,
  );
  const byId = db.prepare<[string], Raw>(`SELECT ${COLUMNS} FROM findings WHERE id = ?`);
  const updateStatus = db.prepare<[FindingStatus, string, string]>(
    'UPDATE findings SET status = ?, updated_at = ? WHERE id = ?',
  );

  const get = (id: string): FindingRow | null => {
    const raw = byId.get(id);
    return raw ? toRow(raw) : null;
  };

  return {
    replaceForEncounter(encounterId, findings) {
      return db.transaction(() => {
        removeAll.run(encounterId);
        const at = nowIso();
        return findings.map((finding) => {
          const raw: Raw = {
            id: newId(),
            encounter_id: encounterId,
            kind: finding.kind,
            payload_json: toJson(finding.payload),
            evidence_json: toJson(finding.evidence),
            status: 'proposed',
            created_at: at,
            updated_at: at,
          };
          insert.run(raw);
          return toRow(raw);
        });
      })();
    },
    listForEncounter: (encounterId) => list.all(encounterId).map(toRow),
    get,
    setStatus(id, status) {
      if (updateStatus.run(status, nowIso(), id).changes === 0) throw notFound('finding');
      const row = get(id);
      if (!row) throw notFound('finding');
      return row;
    },
  };
};
