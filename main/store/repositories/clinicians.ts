import type { Db } from '../connection';
import type { ClinicianRow } from '../types';
import { newId, nowIso } from './shared';

type Raw = { id: string; display_name: string; credentials: string; created_at: string };

const COLUMNS = 'id, display_name, credentials, created_at';
const toRow = (r: Raw): ClinicianRow => ({
  id: r.id,
  displayName: r.display_name,
  credentials: r.credentials,
  createdAt: r.created_at,
});

export type CliniciansRepository = {
  create(input: { displayName: string; credentials: string }): ClinicianRow;
  get(id: string): ClinicianRow | null;
  /** The first registered clinician: the signing identity on a single-user device. */
  getDefault(): ClinicianRow | null;
  list(): ClinicianRow[];
};

export const createCliniciansRepository = (db: Db): CliniciansRepository => {
  const insert = db.prepare<[Raw]>(
    'INSERT INTO clinicians (id, display_name, credentials, created_at) VALUES (@id, @display_name, @credentials, @created_at)',
  );
  const byId = db.prepare<[string], Raw>(`SELECT ${COLUMNS} FROM clinicians WHERE id = ?`);
  const all = db.prepare<[], Raw>(`SELECT ${COLUMNS} FROM clinicians ORDER BY created_at, rowid`);

  return {
    create(input) {
      const raw: Raw = {
        id: newId(),
        display_name: input.displayName,
        credentials: input.credentials,
        created_at: nowIso(),
      };
      insert.run(raw);
      return toRow(raw);
    },
    get(id) {
      const raw = byId.get(id);
      return raw ? toRow(raw) : null;
    },
    getDefault() {
      const raw = all.get();
      return raw ? toRow(raw) : null;
    },
    list: () => all.all().map(toRow),
  };
};
