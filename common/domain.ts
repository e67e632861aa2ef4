import { TranslationSpans } from './translation-spans';
import { z } from 'zod';

/** Shared domain schemas. Dates of birth are calendar dates; timestamps are ISO-8601 UTC strings. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const IsoTimestamp = z.iso.datetime({ offset: true });

export const PatientInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  dob: IsoDate,
  mrn: z.string().trim().min(1).max(64),
});
export type PatientInput = z.infer<typeof PatientInput>;

export const Consent = z.strictObject({
  recording: z.boolean(),
  aiProcessing: z.boolean(),
  learning: z.boolean(),
});
export type Consent = z.infer<typeof Consent>;

export const EncounterStatus = z.enum(['open', 'signed']);
export type EncounterStatus = z.infer<typeof EncounterStatus>;

export const EncounterSummary = z.strictObject({
  id: Id,
  patient: z.strictObject({ id: Id, name: z.string(), dob: IsoDate, mrn: z.string() }),
  reason: z.string(),
  createdAt: IsoTimestamp,
  status: EncounterStatus,
  consent: Consent,
});
export type EncounterSummary = z.infer<typeof EncounterSummary>;

export const SpeakerRole = z.enum(['clinician', 'patient', 'other', 'unknown']);
export type SpeakerRole = z.infer<typeof SpeakerRole>;

export const TranscriptSegment = z.strictObject({
  id: Id,
  seq: z.number().int().nonnegative(),
  speaker: SpeakerRole,
  startMs: z.number().int().nonnegative().nullable(),
  endMs: z.number().int().nonnegative().nullable(),
  text: z.string(),
  language: z.string().min(2).max(16).nullable(),
  /** Whisper's English for a non-English segment; findings' evidence then points into this text. */
  englishText: z.string().nullable(),
  /** How the translator's English lines up with the original (null for untranslated or Whisper-translated lines). */
  translationSpans: TranslationSpans.nullable(),
});
export type TranscriptSegment = z.infer<typeof TranscriptSegment>;

export const NoteStatus = z.enum(['draft', 'edited', 'signed']);
export type NoteStatus = z.infer<typeof NoteStatus>;

export const NoteVersionSummary = z.strictObject({
  id: Id,
  version: z.number().int().positive(),
  status: NoteStatus,
  template: z.string(),
  createdAt: IsoTimestamp,
  signedAt: IsoTimestamp.nullable(),
  signedBy: Id.nullable(),
});
export type NoteVersionSummary = z.infer<typeof NoteVersionSummary>;

export const EncounterDetail = z.strictObject({
  encounter: EncounterSummary,
  segments: z.array(TranscriptSegment),
  notes: z.array(NoteVersionSummary),
});
export type EncounterDetail = z.infer<typeof EncounterDetail>;

export const AuditVerifyReport = z.strictObject({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  headSeq: z.number().int().nonnegative().nullable(),
  /** First sequence number at which the chain fails, when it fails. */
  brokenAt: z.number().int().nonnegative().nullable(),
  reason: z.enum(['ok', 'mac_mismatch', 'sequence_gap', 'truncated', 'head_missing', 'head_invalid']),
});
export type AuditVerifyReport = z.infer<typeof AuditVerifyReport>;
