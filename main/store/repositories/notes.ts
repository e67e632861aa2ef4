import { AppError } from '../../../common/errors';
import type { Db } from '../connection';
import type { NoteVersionInput, NoteVersionRow } from '../types';
import { fromJson, newId, notFound, nowIso, raisedBy, toJson } from './shared';

type Raw = {
  id: string;
  encounter_id: string;
  version: number;
  status: NoteVersionRow['status'];
  template: string;
  body_json: string;
  model_version: string | null;
  adapter_version: string | null;
  parent_id: string | null;
  created_at: string;
  signed_at: string | null;
  signed_by: string | null;
};

const COLUMNS =
  'id, encounter_id, version, status, template, body_json, model_version, adapter_version, parent_id, created_at, signed_at, signed_by';
const toRow = (r: Raw): NoteVersionRow => ({
  id: r.id,
  encounterId: r.encounter_id,
  version: r.version,
  status: r.status,
  template: r.template,
  body: fromJson(r.body_json),
  modelVersion: r.model_version,
  adapterVersion: r.adapter_version,
  parentId: r.parent_id,
  createdAt: r.created_at,
  signedAt: r.signed_at,
  signedBy: r.signed_by,
});

/** The database's own trigger is the authority; this only gives its refusal a stable code. */
const immutable = <T>(body: () => T): T => {
  try {
    return body();
  } catch (error) {
    if (raisedBy(error, 'SIGNED_NOTE_IMMUTABLE')) {
      throw new AppError('SIGNED_NOTE_IMMUTABLE', 'A signed note cannot be changed; write an addendum instead.', {
        cause: error,
      });
    }
    throw error;
  }
};

export type NotesRepository = {
  /** Adds the next version (1, 2, …) for the encounter; `parentId` links an edit or addendum to its source. */
  createVersion(input: NoteVersionInput & { parentId?: string | null }): NoteVersionRow;
  listForEncounter(encounterId: string): NoteVersionRow[];
  get(id: string): NoteVersionRow | null;
  latest(encounterId: string): NoteVersionRow | null;
  /** Edits an unsigned version in place (status becomes 'edited'). */
  updateBody(id: string, body: unknown): NoteVersionRow;
  /** Signs once; a second attempt, or any change after, fails with SIGNED_NOTE_IMMUTABLE. */
  sign(id: string, clinicianId: string): NoteVersionRow;
};

export const createNotesRepository = (db: Db): NotesRepository => {
  const insert = db.prepare<[Raw]>(
    `INSERT INTO note_versions (${COLUMNS})
     VALUES (@id, @encounter_id, @version, @status, @template, @body_json, @model_version, @adapter_version, @parent_id,
             @created_at, @signed_at, @signed_by)`,
  );
  const nextVersion = db
    .prepare<[string], number>('SELECT coalesce(max(version), 0) + 1 FROM note_versions WHERE encounter_id = ?')
    .pluck();
  const list = db.prepare<[string], Raw>(
    `SELECT ${COLUMNS} FROM note_versions WHERE encounter_id = ? ORDER BY version`,
  );
  const newest = db.prepare<[string], Raw>(
    `SELECT ${COLUMNS} FROM note_versions WHERE encounter_id = ? ORDER BY version DESC LIMIT 1`,
  );
  const byId = db.prepare<[string], Raw>(`SELECT ${COLUMNS} FROM note_versions WHERE id = ?`);
  const clinicianExists = db.prepare<[string], number>('SELECT count(*) FROM clinicians WHERE id = ?').pluck();
  const updateBody = db.prepare<[string, string]>(
    "UPDATE note_versions SET body_json = ?, status = 'edited' WHERE id = ?",
  );
  const signRow = db.prepare<[string, string, string]>(
    "UPDATE note_versions SET status = 'signed', signed_by = ?, signed_at = ? WHERE id = ?",
  );

  const get = (id: string): NoteVersionRow | null => {
    const raw = byId.get(id);
    return raw ? toRow(raw) : null;
  };
  const mustGet = (id: string): NoteVersionRow => {
    const row = get(id);
    if (!row) throw notFound('note version');
    return row;
  };

  return {
    createVersion(input) {
      return db
        .transaction(() => {
          const raw: Raw = {
            id: newId(),
            encounter_id: input.encounterId,
            version: nextVersion.get(input.encounterId) ?? 1,
            status: input.status,
            template: input.template,
            body_json: toJson(input.body),
            model_version: input.modelVersion,
            adapter_version: input.adapterVersion,
            parent_id: input.parentId ?? null,
            created_at: nowIso(),
            signed_at: null,
            signed_by: null,
          };
          insert.run(raw);
          return toRow(raw);
        })
        .immediate();
    },
    listForEncounter: (encounterId) => list.all(encounterId).map(toRow),
    get,
    latest(encounterId) {
      const raw = newest.get(encounterId);
      return raw ? toRow(raw) : null;
    },
    updateBody(id, body) {
      return immutable(() => {
        if (updateBody.run(toJson(body), id).changes === 0) throw notFound('note version');
        return mustGet(id);
      });
    },
    sign(id, clinicianId) {
      return db.transaction(() => {
        if ((clinicianExists.get(clinicianId) ?? 0) === 0) throw notFound('clinician');
        return immutable(() => {
          if (signRow.run(clinicianId, nowIso(), id).changes === 0) throw notFound('note version');
          return mustGet(id);
        });
      })();
    },
  };
};
