import type { Db } from '../connection';
import type { TrainingExampleRow } from '../types';
import { fromJson, newId, nowIso, toJson } from './shared';

type Raw = { id: string; encounter_id: string; kind: string; payload_json: string; created_at: string };

const COLUMNS = 'id, encounter_id, kind, payload_json, created_at';
const toRow = (r: Raw): TrainingExampleRow => ({
  id: r.id,
  encounterId: r.encounter_id,
  kind: r.kind,
  payload: fromJson(r.payload_json),
  createdAt: r.created_at,
});

export type TrainingExamplesRepository = {
  add(input: { encounterId: string; kind: string; payload: unknown }): TrainingExampleRow;
  /** All examples, or one encounter's; oldest first. */
  list(filter?: { encounterId?: string; kind?: string }): TrainingExampleRow[];
  count(): number;
  /** When learning consent is withdrawn, the encounter's examples go too. Returns how many. */
  deleteForEncounter(encounterId: string): number;
};

export const createTrainingExamplesRepository = (db: Db): TrainingExamplesRepository => {
  const insert = db.prepare<[Raw]>(
    `INSERT INTO training_examples (${COLUMNS}) VALUES (@id, @encounter_id, @kind, @payload_json, @created_at)`,
  );
  const select = db.prepare<[{ encounterId: string | null; kind: string | null }], Raw>(
    `SELECT ${COLUMNS} FROM training_examples
     WHERE (@encounterId IS NULL OR encounter_id = @encounterId) AND (@kind IS NULL OR kind = @kind)
     ORDER BY created_at, rowid`,
  );
  const countAll = db.prepare<[], number>('SELECT count(*) FROM training_examples').pluck();
  const remove = db.prepare<[string]>('DELETE FROM training_examples WHERE encounter_id = ?');

  return {
    add(input) {
      const raw: Raw = {
        id: newId(),
        encounter_id: input.encounterId,
        kind: input.kind,
        payload_json: toJson(input.payload),
        created_at: nowIso(),
      };
      insert.run(raw);
      return toRow(raw);
    },
    list: (filter = {}) =>
      select.all({ encounterId: filter.encounterId ?? null, kind: filter.kind ?? null }).map(toRow),
    count: () => countAll.get() ?? 0,
    deleteForEncounter: (encounterId) => remove.run(encounterId).changes,
  };
};
