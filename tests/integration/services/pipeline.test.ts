import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/contract';
import { createLogger } from '../../../main/log/logger';
import { dispatch } from '../../../main/services/dispatch';
import type { Runtime } from '../../../main/services/runtime';
import { openTempRuntime, SYNTHETIC_PATIENT } from '../../helpers/temp-runtime';

const log = createLogger('test');
const ctx = { senderId: 1 };
const VISIT = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/transcripts/visit-aci.txt'), 'utf8');

describe('an encounter through the language pipeline', () => {
  let rt: Runtime;
  let encounterId: string;
  const events: Array<{ event: EventName; payload: unknown }> = [];

  beforeEach(async () => {
    rt = await openTempRuntime();
    rt.events.subscribe((event, payload) => events.push({ event, payload }));
    encounterId = rt.services().encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Follow-up' }, null).id;
  });
  afterEach(async () => {
    events.length = 0;
    await rt.close();
  });

  const call = (channel: string, request: unknown) => dispatch(rt.handlers, channel, request, ctx, log);
  const runPipeline = async (): Promise<unknown> => {
    const started = await call('pipeline:run', { encounterId });
    if (!started.ok) return started;
    const { jobId } = started.value as { jobId: string };
    await rt.jobs.settled(jobId);
    return events.find((e) => e.event === 'job:finished' && (e.payload as { jobId: string }).jobId === jobId)?.payload;
  };

  it('imports a transcript, runs as a job and persists findings, checklists and a draft note with evidence', async () => {
    const imported = await call('transcript:import', {
      encounterId,
      text: VISIT,
      fileName: 'visit.txt',
      source: 'paste',
    });
    expect(imported).toMatchObject({ ok: true, value: { format: 'aci' } });
    const finished = await runPipeline();
    expect(finished).toMatchObject({ outcome: 'succeeded', result: { version: 1 } });
    expect(events.some((e) => e.event === 'job:progress')).toBe(true);

    const findings = await call('findings:list', { encounterId });
    expect(findings.ok).toBe(true);
    const value = (findings as { value: { findings: Array<{ finding: { kind: string } }>; checklists: unknown[] } })
      .value;
    expect(value.findings.length).toBeGreaterThan(0);
    expect(value.checklists.length).toBeGreaterThan(0);

    const note = await call('note:latest', { encounterId });
    expect(note).toMatchObject({ ok: true, value: { status: 'draft', modelVersion: 'composer/1', template: 'soap' } });
    // Every draft carries the consistency checker's verdict; the composer's note of this visit is clean.
    expect((note as { value: { flags: unknown[] } }).value.flags).toEqual([]);
    const body = (
      note as { value: { text: string; note: { sections: Array<{ sentences: Array<{ evidence: unknown[] }> }> } } }
    ).value;
    expect(body.text).toContain('HISTORY OF PRESENT ILLNESS');
    const sentences = body.note.sections.flatMap((s) => s.sentences);
    expect(sentences.every((s) => s.evidence.length > 0)).toBe(true);

    // Evidence points at real stored segments.
    const segmentIds = new Set(
      rt
        .services()
        .store.repos.segments.listForEncounter(encounterId)
        .map((s) => s.id),
    );
    const evidence = sentences.flatMap((s) => s.evidence as Array<{ segmentId: string }>);
    expect(evidence.every((e) => segmentIds.has(e.segmentId))).toBe(true);

    // A second run keeps the first draft as history.
    expect(await runPipeline()).toMatchObject({ outcome: 'succeeded', result: { version: 2 } });
    expect((await rt.services().store.audit.verify({})).ok).toBe(true);
  });

  it.each([
    ['an empty transcript', '   \n  '],
    ['binary content', 'abc\u0000\u0001\u0002def'],
    ['an 11 MB paste', 'x'.repeat(11 * 1024 * 1024)],
  ])('refuses %s clearly and keeps the transcript already stored', async (_what, text) => {
    await call('transcript:import', { encounterId, text: VISIT, source: 'paste' });
    const before = rt.services().store.repos.segments.listForEncounter(encounterId).length;
    const result = await call('transcript:import', { encounterId, text, source: 'paste' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('VALIDATION_FAILED');
    expect(rt.services().store.repos.segments.listForEncounter(encounterId)).toHaveLength(before);
  });

  it('keeps cues from a VTT with broken timestamps, with a warning', async () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nDoctor: Any chest pain?\n\n00:00:03.000 --> 00:00:04.000\nPatient: No.\n';
    const result = await call('transcript:import', { encounterId, text: vtt, fileName: 'v.vtt', source: 'import' });
    expect(result).toMatchObject({ ok: true, value: { format: 'vtt', segmentCount: 2 } });
    expect((result as { value: { warnings: unknown[] } }).value.warnings.length).toBeGreaterThan(0);
  });

  it('fails the job clearly when there is no transcript, and stores nothing', async () => {
    const finished = await runPipeline();
    expect(finished).toMatchObject({ outcome: 'failed', error: { code: 'VALIDATION_FAILED' } });
    expect(rt.services().store.repos.notes.listForEncounter(encounterId)).toHaveLength(0);
  });

  it('writes nothing when cancelled before it finishes', async () => {
    await call('transcript:import', { encounterId, text: VISIT, source: 'paste' });
    const started = await call('pipeline:run', { encounterId });
    const { jobId } = (started as { value: { jobId: string } }).value;
    rt.jobs.cancel(jobId);
    await rt.jobs.settled(jobId);
    expect(events.at(-1)?.payload).toMatchObject({ jobId, outcome: 'cancelled' });
    expect(rt.services().store.repos.notes.listForEncounter(encounterId)).toHaveLength(0);
    expect(rt.services().store.repos.findings.listForEncounter(encounterId)).toHaveLength(0);
  });
});
