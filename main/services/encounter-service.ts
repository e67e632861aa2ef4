import type { Consent, EncounterDetail, EncounterSummary, PatientInput } from '../../common/domain';
import { AppError } from '../../common/errors';
import type { Store } from '../store';
import type { EncounterWithPatient } from '../store/types';

/** Encounter use cases: each write and its audit event commit in one transaction. */
export type EncounterService = {
  create(input: { patient: PatientInput; reason: string }, actorId: string | null): EncounterSummary;
  list(input: { query: string; limit: number; offset: number }): { items: EncounterSummary[]; total: number };
  get(id: string, actorId: string | null): EncounterDetail;
  setConsent(id: string, change: Partial<Consent>, actorId: string | null): Consent;
};

const toSummary = (row: EncounterWithPatient): EncounterSummary => ({
  id: row.id,
  patient: { id: row.patient.id, name: row.patient.name, dob: row.patient.dob, mrn: row.patient.mrn },
  reason: row.reason,
  createdAt: row.createdAt,
  status: row.status,
  consent: row.consent,
});

export const createEncounterService = (store: Store): EncounterService => {
  const { repos, audit } = store;

  const require = (id: string): EncounterWithPatient => {
    const row = repos.encounters.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'No such encounter.');
    return row;
  };

  return {
    create({ patient, reason }, actorId) {
      return store.transaction(() => {
        const patientRow = repos.patients.create(patient);
        const encounter = repos.encounters.create({ patientId: patientRow.id, reason });
        audit.append({
          action: 'encounter.create',
          actorId,
          entityType: 'encounter',
          entityId: encounter.id,
          details: { patientId: patientRow.id },
        });
        return toSummary(require(encounter.id));
      });
    },

    list({ query, limit, offset }) {
      const page = repos.encounters.list({ query, limit, offset });
      return { items: page.items.map(toSummary), total: page.total };
    },

    get(id, actorId) {
      const encounter = require(id);
      const segments = repos.segments.listForEncounter(id);
      const notes = repos.notes.listForEncounter(id);
      audit.append({ action: 'encounter.view', actorId, entityType: 'encounter', entityId: id, details: {} });
      return {
        encounter: toSummary(encounter),
        segments: segments.map((s) => ({
          id: s.id,
          seq: s.seq,
          speaker: s.speaker,
          startMs: s.startMs,
          endMs: s.endMs,
          text: s.text,
          language: s.language,
          englishText: s.englishText ?? null,
          translationSpans: s.translationSpans ?? null,
        })),
        notes: notes.map((n) => ({
          id: n.id,
          version: n.version,
          status: n.status,
          template: n.template,
          createdAt: n.createdAt,
          signedAt: n.signedAt,
          signedBy: n.signedBy,
        })),
      };
    },

    setConsent(id, change, actorId) {
      return store.transaction(() => {
        const before = require(id).consent;
        const after = repos.encounters.setConsent(id, { ...before, ...change });
        const changed = (Object.keys(after) as Array<keyof Consent>).filter((k) => after[k] !== before[k]);
        if (changed.length > 0) {
          audit.append({
            action: 'consent.change',
            actorId,
            entityType: 'encounter',
            entityId: id,
            details: Object.fromEntries(changed.map((k) => [k, after[k]])),
          });
        }
        return after;
      });
    },
  };
};
