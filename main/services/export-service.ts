/**
 * Exports an encounter's latest note as a FHIR R4 document Bundle (JSON) for the EHR. Findings the
 * clinician rejected stay out; the export is audited with ids and counts only.
 */
import { AppError } from '../../common/errors';
import { Finding } from '../../common/findings';
import { Note } from '../../common/note';
import { noteBundle } from '../export/fhir/note-bundle';
import type { Store } from '../store';

export type FhirExport = { fileName: string; json: string; resources: number };

export const exportNoteFhir = (store: Store, encounterId: string, actorId: string | null): FhirExport => {
  const encounter = store.repos.encounters.get(encounterId);
  if (!encounter) throw new AppError('NOT_FOUND', 'No such encounter.');
  const row = store.repos.notes.latest(encounterId);
  if (!row) throw new AppError('VALIDATION_FAILED', 'This encounter has no note to export yet.');
  const body = row.body as { note: unknown };
  const findings = store.repos.findings
    .listForEncounter(encounterId)
    .filter((f) => f.kind !== 'checklist' && f.status !== 'rejected')
    .map((f) => Finding.parse(f.payload));
  const author = row.signedBy ? store.repos.clinicians.get(row.signedBy) : store.repos.clinicians.getDefault();
  const bundle = noteBundle({
    note: { ...row, body: Note.parse(body.note) },
    patient: encounter.patient,
    author,
    findings,
    now: new Date().toISOString(),
  });
  const resources = (bundle.entry as unknown[]).length;
  store.audit.append({
    action: 'note.export',
    actorId,
    entityType: 'note',
    entityId: row.id,
    details: { format: 'fhir-r4', version: row.version, resources },
  });
  return { fileName: `note-v${String(row.version)}.fhir.json`, json: JSON.stringify(bundle, null, 2), resources };
};
