import { z } from 'zod';
import { AuditVerifyReport, Consent, EncounterDetail, EncounterSummary, Id, PatientInput, SpeakerRole } from './domain';
import { ERROR_CODES } from './errors';
import { ChecklistItemResult, Finding } from './findings';
import { Note } from './note';
import { ConsistencyFlag } from './consistency';

/**
 * The IPC contract: every request/response channel the renderer may call, and every event main
 * may push. Preload, the IPC binder and the E2E bridge all derive their behaviour from this map,
 * so a channel that is not here does not exist.
 */
export const JobKind = z.enum(['audit-verify', 'language-pipeline', 'speech-transcribe', 'transcript-translate']);
export type JobKind = z.infer<typeof JobKind>;

export const JobHandle = z.strictObject({ jobId: Id, kind: JobKind });
export type JobHandle = z.infer<typeof JobHandle>;

export const channels = {
  'app:info': {
    request: z.strictObject({}),
    response: z.strictObject({
      version: z.string(),
      schemaVersion: z.number().int().nonnegative(),
      locked: z.boolean(),
      clinician: z.strictObject({ id: Id, displayName: z.string() }).nullable(),
    }),
  },
  'session:unlock': {
    request: z.strictObject({ passphrase: z.string().min(1).max(1024) }),
    response: z.strictObject({ unlocked: z.literal(true) }),
  },
  'clinician:register': {
    request: z.strictObject({
      displayName: z.string().trim().min(1).max(200),
      credentials: z.string().trim().max(200).default(''),
    }),
    response: z.strictObject({ id: Id, displayName: z.string() }),
  },
  'encounter:create': {
    request: z.strictObject({ patient: PatientInput, reason: z.string().trim().max(500).default('') }),
    response: EncounterSummary,
  },
  'encounter:list': {
    request: z.strictObject({
      query: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    response: z.strictObject({ items: z.array(EncounterSummary), total: z.number().int().nonnegative() }),
  },
  'encounter:get': {
    request: z.strictObject({ id: Id }),
    response: EncounterDetail,
  },
  'encounter:setConsent': {
    request: z.strictObject({ id: Id, consent: Consent.partial() }),
    response: Consent,
  },
  'transcript:import': {
    request: z.strictObject({
      encounterId: Id,
      // 10 MB of UTF-8 is at most 10 M UTF-16 code units; the parser enforces the byte limit itself.
      text: z.string().max(10 * 1024 * 1024),
      fileName: z.string().max(255).optional(),
      source: z.enum(['paste', 'import']),
    }),
    response: z.strictObject({
      format: z.enum(['aci', 'mts', 'vtt', 'srt', 'json', 'plain']),
      segmentCount: z.number().int().nonnegative(),
      warnings: z.array(z.strictObject({ code: z.string(), message: z.string(), line: z.number().int().nullable() })),
    }),
  },
  'segment:setSpeaker': {
    request: z.strictObject({ segmentId: Id, speaker: SpeakerRole }),
    response: z.strictObject({ id: Id, speaker: SpeakerRole }),
  },
  /** Translates the non-English lines of a transcript to English beside the originals (a job). */
  'transcript:translate': {
    request: z.strictObject({
      encounterId: Id,
      /** The visit's language when the clinician knows it better than the detector. */
      from: z
        .string()
        .regex(/^[a-z]{2,3}$/)
        .optional(),
    }),
    response: JobHandle,
  },
  'pipeline:run': {
    request: z.strictObject({
      encounterId: Id,
      template: z.enum(['soap', 'history-and-physical', 'progress']).default('soap'),
      /** auto: an installed LLM writes the draft, else the composer; llm: an LLM or a MODEL_NOT_INSTALLED error. */
      writer: z.enum(['auto', 'composer', 'llm']).default('auto'),
    }),
    response: JobHandle,
  },
  'findings:list': {
    request: z.strictObject({ encounterId: Id }),
    response: z.strictObject({
      findings: z.array(
        z.strictObject({ id: Id, status: z.enum(['proposed', 'accepted', 'rejected', 'edited']), finding: Finding }),
      ),
      checklists: z.array(
        z.strictObject({ checklistId: z.string(), name: z.string(), items: z.array(ChecklistItemResult) }),
      ),
    }),
  },
  'note:latest': {
    request: z.strictObject({ encounterId: Id }),
    response: z
      .strictObject({
        id: Id,
        version: z.number().int().positive(),
        status: z.enum(['draft', 'edited', 'signed']),
        template: z.string(),
        modelVersion: z.string().nullable(),
        createdAt: z.string(),
        text: z.string(),
        note: Note,
        /** The consistency checker's flags on this draft (shown before signing). */
        flags: z.array(ConsistencyFlag),
      })
      .nullable(),
  },
  /** The latest note as a FHIR R4 document Bundle (JSON text) to save or send to the EHR. */
  'note:exportFhir': {
    request: z.strictObject({ encounterId: Id }),
    response: z.strictObject({ fileName: z.string(), json: z.string(), resources: z.number().int().positive() }),
  },
  'audit:verify': {
    request: z.strictObject({}),
    response: JobHandle,
  },
  'recording:start': {
    request: z.strictObject({
      encounterId: Id,
      sampleRate: z.number().int().min(8_000).max(192_000),
      channels: z.union([z.literal(1), z.literal(2)]),
      format: z.enum(['s16', 'f32']),
    }),
    response: z.strictObject({ recordingId: Id }),
  },
  'recording:append': {
    // Interleaved little-endian PCM as base64 (the E2E bridge is JSON); at most ~10 s of 48 kHz stereo f32.
    request: z.strictObject({ recordingId: Id, data: z.base64().max(5_200_000) }),
    response: z.strictObject({ ok: z.literal(true) }),
  },
  'recording:pause': {
    request: z.strictObject({ recordingId: Id }),
    response: z.strictObject({ ok: z.literal(true) }),
  },
  'recording:resume': {
    request: z.strictObject({ recordingId: Id }),
    response: z.strictObject({ ok: z.literal(true) }),
  },
  'recording:stop': {
    request: z.strictObject({ recordingId: Id }),
    response: JobHandle,
  },
  'recording:interrupted': {
    request: z.strictObject({}),
    response: z.array(
      z.strictObject({
        recordingId: Id,
        encounterId: Id,
        startedAt: z.string(),
        chunks: z.number().int().nonnegative(),
      }),
    ),
  },
  'recording:recover': {
    request: z.strictObject({ recordingId: Id }),
    response: JobHandle,
  },
  'audio:import': {
    // An audio file read by the renderer, base64 (≤ ~375 MB of audio); decoded in memory, never written unencrypted.
    request: z.strictObject({ encounterId: Id, fileName: z.string().max(255), data: z.base64().max(500_000_000) }),
    response: JobHandle,
  },
  'job:cancel': {
    request: z.strictObject({ jobId: Id }),
    response: z.strictObject({ cancelled: z.boolean() }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export const JobFinished = z.discriminatedUnion('outcome', [
  z.strictObject({ jobId: Id, kind: JobKind, outcome: z.literal('succeeded'), result: z.unknown() }),
  z.strictObject({
    jobId: Id,
    kind: JobKind,
    outcome: z.literal('failed'),
    error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() }),
  }),
  z.strictObject({ jobId: Id, kind: JobKind, outcome: z.literal('cancelled') }),
]);
export type JobFinished = z.infer<typeof JobFinished>;

export const events = {
  'job:progress': z.strictObject({
    jobId: Id,
    kind: JobKind,
    done: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
  'job:finished': JobFinished,
  'recording:level': z.strictObject({
    recordingId: Id,
    rmsDbfs: z.number(),
    peakDbfs: z.number(),
    elapsedMs: z.number().nonnegative(),
  }),
  'recording:error': z.strictObject({ recordingId: Id, code: z.enum(ERROR_CODES) }),
  /** An LLM draft as it is written: a section starts, its text arrives piece by piece, it ends. */
  'note:stream': z.strictObject({
    encounterId: Id,
    event: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('section'), sectionId: z.string(), header: z.string() }),
      z.strictObject({ type: z.literal('text'), sectionId: z.string(), text: z.string() }),
      z.strictObject({
        type: z.literal('section-done'),
        sectionId: z.string(),
        source: z.enum(['llm', 'composer']),
      }),
    ]),
  }),
  /** Transcribed pieces as they arrive during a visit (times on the recording's timeline). */
  'transcript:pieces': z.strictObject({
    encounterId: Id,
    pieces: z.array(
      z.strictObject({
        startMs: z.number().nonnegative(),
        endMs: z.number().nonnegative(),
        speaker: z.enum(['clinician', 'patient', 'other', 'unknown']),
        text: z.string(),
        language: z.string().nullable(),
        englishText: z.string().nullable(),
      }),
    ),
  }),
} as const satisfies Record<string, z.ZodType>;

const PipelineResult = z.strictObject({
  noteId: Id,
  version: z.number().int().positive(),
  findings: z.number().int().nonnegative(),
  segments: z.number().int().nonnegative(),
  /** Who wrote the draft: the on-device LLM, or the composer (always available). */
  source: z.enum(['llm', 'composer']),
  /** Why an LLM that was asked for did not write it (the composer's draft was stored instead). */
  fallback: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
});

/** Results of each job kind, parsed by the caller from `job:finished.result`. */
export const jobResults = {
  'audit-verify': AuditVerifyReport,
  'language-pipeline': PipelineResult,
  'speech-transcribe': z.strictObject({
    recordingId: Id,
    audioMs: z.number().nonnegative(),
    segments: z.number().int().nonnegative(),
    languages: z.array(z.string()),
    pipeline: PipelineResult.nullable(),
  }),
  'transcript-translate': z.strictObject({
    segments: z.number().int().nonnegative(),
    translated: z.number().int().nonnegative(),
    languages: z.record(z.string(), z.number().int().nonnegative()),
  }),
} as const satisfies Record<JobKind, z.ZodType>;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type EventName = keyof typeof events;
/** What a caller passes: defaults are filled in by main, so the input type is the schema's input. */
export type RequestOf<C extends Channel> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Channels[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNEL_NAMES = Object.keys(channels) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
