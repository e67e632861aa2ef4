import { AppError, toErrorPayload, type AppErrorPayload } from '../../common/errors';
import type { DraftLlm } from '../notes/write-draft';
import { Finding } from '../../common/findings';
import { Note } from '../../common/note';
import { ConsistencyFlag } from '../../common/consistency';
import { z } from 'zod';
import { exportNoteFhir } from './export-service';
import { translateEncounter } from './translation-service';
import { runEncounterPipeline, type StoredChecklistItem } from './pipeline-service';
import type { Runtime } from './runtime';
import type { Handlers } from './dispatch';

/** Binds each contract channel to a service call. Validation already happened in dispatch(). */
const AI_CONSENT_MESSAGE =
  'The patient’s consent to AI processing is needed before an on-device model translates or writes this visit.';

export const createHandlers = (rt: Runtime): Handlers => {
  const actor = (): string | null => rt.services().store.repos.clinicians.getDefault()?.id ?? null;
  const aiConsented = (encounterId: string): boolean =>
    rt.services().store.repos.encounters.get(encounterId)?.consent.aiProcessing === true;

  return {
    'app:info': () => {
      const unlocked = rt.isUnlocked();
      const clinician = unlocked ? rt.services().store.repos.clinicians.getDefault() : null;
      return {
        version: rt.version,
        schemaVersion: unlocked ? rt.services().store.schemaVersion : 0,
        locked: !unlocked,
        clinician: clinician ? { id: clinician.id, displayName: clinician.displayName } : null,
      };
    },
    'session:unlock': async ({ passphrase }) => {
      await rt.unlockWithPassphrase(passphrase);
      return { unlocked: true as const };
    },
    'clinician:register': (req) => {
      const row = rt.services().store.repos.clinicians.create(req);
      return { id: row.id, displayName: row.displayName };
    },
    'encounter:create': (req) => rt.services().encounters.create(req, actor()),
    'encounter:list': (req) => rt.services().encounters.list(req),
    'encounter:get': ({ id }) => rt.services().encounters.get(id, actor()),
    'encounter:setConsent': ({ id, consent }) => rt.services().encounters.setConsent(id, consent, actor()),
    'audit:verify': () => {
      const { audit } = rt.services().store;
      const actorId = actor();
      return rt.jobs.start('audit-verify', async ({ signal, progress }) => {
        const report = await audit.verify({ signal, onProgress: progress });
        audit.append({
          action: 'audit.verify',
          actorId,
          entityType: null,
          entityId: null,
          details: { ok: report.ok, checked: report.checked, reason: report.reason },
        });
        return report;
      });
    },
    'transcript:import': ({ encounterId, text, fileName, source }) =>
      rt
        .services()
        .transcripts.importText(
          { encounterId, text, source, ...(fileName === undefined ? {} : { fileName }) },
          actor(),
        ),
    'transcript:translate': ({ encounterId, from }) => {
      const { store } = rt.services();
      const actorId = actor();
      if (!store.repos.encounters.get(encounterId)) throw new AppError('NOT_FOUND', 'No such encounter.');
      if (!aiConsented(encounterId)) throw new AppError('AI_CONSENT_REQUIRED', AI_CONSENT_MESSAGE);
      return rt.jobs.start('transcript-translate', (job) =>
        translateEncounter(store, { encounterId, from }, actorId, job, rt.translators()),
      );
    },
    'pipeline:run': ({ encounterId, template, writer }) => {
      const { store } = rt.services();
      const actorId = actor();
      if (!store.repos.encounters.get(encounterId)) throw new AppError('NOT_FOUND', 'No such encounter.');
      // The on-device LLM writes only with the patient's consent to AI processing; 'auto' then
      // drafts with the composer and says why.
      const consented = aiConsented(encounterId);
      if (writer === 'llm' && !consented) throw new AppError('AI_CONSENT_REQUIRED', AI_CONSENT_MESSAGE);
      return rt.jobs.start('language-pipeline', async (job) => {
        // In auto mode a model that cannot be handed out (damaged since install) leaves the composer's
        // draft with the reason; asked for explicitly, it fails the job.
        let llm: DraftLlm | null = null;
        let unavailable: AppErrorPayload | undefined;
        try {
          llm = writer === 'composer' ? null : await rt.noteLlm();
        } catch (error) {
          if (writer === 'llm') throw error;
          unavailable = toErrorPayload(error);
        }
        if (writer === 'llm' && !llm)
          throw new AppError('MODEL_NOT_INSTALLED', 'No language model is installed. Import one on the Models page.');
        const refused: AppErrorPayload | undefined =
          llm && !consented ? { code: 'AI_CONSENT_REQUIRED', message: AI_CONSENT_MESSAGE } : unavailable;
        return runEncounterPipeline(store, { encounterId, template }, actorId, job, {
          llm: llm && consented ? llm : undefined,
          ...(refused ? { llmRefused: refused } : {}),
          onEvent: (event) => {
            rt.events.emit('note:stream', { encounterId, event });
          },
        });
      });
    },
    'findings:list': ({ encounterId }) => {
      const rows = rt.services().store.repos.findings.listForEncounter(encounterId);
      const findings = rows
        .filter((r) => r.kind !== 'checklist')
        .map((r) => ({ id: r.id, status: r.status, finding: Finding.parse(r.payload) }));
      const checklists = new Map<string, { checklistId: string; name: string; items: StoredChecklistItem[] }>();
      for (const r of rows.filter((row) => row.kind === 'checklist')) {
        const item = r.payload as StoredChecklistItem;
        const group = checklists.get(item.checklistId) ?? {
          checklistId: item.checklistId,
          name: item.checklistName,
          items: [],
        };
        group.items.push(item);
        checklists.set(item.checklistId, group);
      }
      return {
        findings,
        checklists: [...checklists.values()].map((c) => ({
          checklistId: c.checklistId,
          name: c.name,
          items: c.items.map(({ itemId, label, state, evidence }) => ({ itemId, label, state, evidence })),
        })),
      };
    },
    'note:latest': ({ encounterId }) => {
      const { store } = rt.services();
      const row = store.repos.notes.latest(encounterId);
      if (!row) return null;
      const body = row.body as { note: unknown; text: string; flags?: unknown };
      store.audit.append({ action: 'note.view', actorId: actor(), entityType: 'note', entityId: row.id, details: {} });
      return {
        id: row.id,
        version: row.version,
        status: row.status,
        template: row.template,
        modelVersion: row.modelVersion,
        createdAt: row.createdAt,
        text: body.text,
        note: Note.parse(body.note),
        // Notes drafted before the checker existed have no flags.
        flags: z.array(ConsistencyFlag).parse(body.flags ?? []),
      };
    },
    'note:exportFhir': ({ encounterId }) => exportNoteFhir(rt.services().store, encounterId, actor()),
    'segment:setSpeaker': (req) => rt.services().transcripts.setSpeaker(req, actor()),
    'recording:start': (req) => rt.services().speech.startRecording(req),
    'recording:append': async ({ recordingId, data }) => {
      await rt.services().speech.append(recordingId, Buffer.from(data, 'base64'));
      return { ok: true as const };
    },
    'recording:pause': async ({ recordingId }) => {
      await rt.services().speech.pause(recordingId);
      return { ok: true as const };
    },
    'recording:resume': async ({ recordingId }) => {
      await rt.services().speech.resume(recordingId);
      return { ok: true as const };
    },
    'recording:stop': ({ recordingId }) => {
      const { speech } = rt.services();
      if (!speech.isLive(recordingId)) throw new AppError('RECORDING_STATE', 'This recording is not running.');
      const actorId = actor();
      return rt.jobs.start('speech-transcribe', (job) => speech.stopRecording(recordingId, actorId, job));
    },
    'recording:interrupted': async () =>
      (await rt.services().recorder.findInterrupted()).map((r) => ({
        recordingId: r.recordingId,
        encounterId: r.encounterId,
        startedAt: r.startedAt,
        chunks: r.chunks,
      })),
    'recording:recover': async ({ recordingId }) => {
      const { recorder, speech } = rt.services();
      const interrupted = (await recorder.findInterrupted()).find((r) => r.recordingId === recordingId);
      if (!interrupted) throw new AppError('NOT_FOUND', 'No interrupted recording with that id.');
      await recorder.recover(recordingId);
      const actorId = actor();
      return rt.jobs.start('speech-transcribe', (job) =>
        speech.transcribeRecording(interrupted.encounterId, recordingId, actorId, job),
      );
    },
    'audio:import': ({ encounterId, data }) => {
      const { speech, store } = rt.services();
      if (!store.repos.encounters.get(encounterId)) throw new AppError('NOT_FOUND', 'No such encounter.');
      const bytes = Buffer.from(data, 'base64');
      const actorId = actor();
      return rt.jobs.start('speech-transcribe', (job) => speech.importAudio({ encounterId, bytes }, actorId, job));
    },
    'job:cancel': ({ jobId }) => ({ cancelled: rt.jobs.cancel(jobId) }),
  };
};
