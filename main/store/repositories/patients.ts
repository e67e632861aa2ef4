import type { PatientInput } from '../../../common/domain';
import type { Db } from '../connection';
import type { PatientRow } from '../types';
import { newId, notFound, nowIso } from './shared';

export type PatientRaw = { id: string; name: string; dob: string; mrn: string; created_at: string };

export const PATIENT_COLUMNS = 'id, name, dob, mrn, created_at';
export const toPatientRow = (r: PatientRaw): PatientRow => ({
  id: r.id,
  name: r.name,
  dob: r.dob,
  mrn: r.mrn,
  createdAt: r.created_at,
});

export type PatientsRepository = {
  create(input: PatientInput): PatientRow;
  get(id: string): PatientRow | null;
  update(id: string, input: PatientInput): PatientRow;
};

export const createPatientsRepository = (db: Db): PatientsRepository => {
  const insert = db.prepare<[PatientRaw]>(
    'INSERT INTO patients (id, name, dob, mrn, created_at) VALUES (@id, @name, @dob, @mrn, @created_at)',
  );
  const byId = db.prepare<[string], PatientRaw>(`SELECT ${PATIENT_COLUMNS} FROM patients WHERE id = ?`);
  const change = db.prepare<[{ id: string } & PatientInput]>(
    'UPDATE patients SET name = @name, dob = @dob, mrn = @mrn WHERE id = @id',
  );

  const get = (id: string): PatientRow | null => {
    const raw = byId.get(id);
    return raw ? toPatientRow(raw) : null;
  };

  return {
    create(input) {
      const raw: PatientRaw = { id: newId(), name: input.name, dob: input.dob, mrn: input.mrn, created_at: nowIso() };
      insert.run(raw);
      return toPatientRow(raw);
    },
    get,
    update(id, input) {
      if (change.run({ id, name: input.name, dob: input.dob, mrn: input.mrn }).changes === 0) throw notFound('patient');
      const row = get(id);
      if (!row) throw notFound('patient');
      return row;
    },
  };
};
