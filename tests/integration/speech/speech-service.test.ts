import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/contract';
import { createLogger } from '../../../main/log/logger';
import { dispatch } from '../../../main/services/dispatch';
import { createRuntime, type Runtime } from '../../../main/services/runtime';
import { makeTempDir, SYNTHETIC_PATIENT, TEST_PASSPHRASE, TEST_SCRYPT_COST } from '../../helpers/temp-runtime';

/**
 * The whole speech path on real parts: an encrypted store, the recorder's sealed chunks, Silero VAD,
 * and the oracle Whisper model (hand-set weights: it always says "hello world" from 0.00 to 2.40 s,
 * in German) run by transformers.js on ONNX Runtime in a forked inference worker process.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ORACLE = path.join(ROOT, 'tests/fixtures/models/whisper-oracle');
const JFK = path.resolve(ROOT, '../shared/audio/jfk/jfk.wav');
const log = createLogger('test');
const ctx = { senderId: 1 };

describe.skipIf(!fs.existsSync(JFK))('speech: audio → transcript → findings and note', () => {
  let rt: Runtime;
  let encounterId: string;
  const events: Array<{ event: EventName; payload: unknown }> = [];

  const open = async (asrModelDir: string | undefined): Promise<void> => {
    rt = createRuntime({
      dataDir: makeTempDir(),
      version: '0.0.0-test',
      scryptCost: TEST_SCRYPT_COST,
      inference: { entry: path.join(ROOT, 'main/inference/worker-entry.ts') },
      ...(asrModelDir ? { asrModelDir } : {}),
      modelsDir: makeTempDir(),
    });
    await rt.unlockWithPassphrase(TEST_PASSPHRASE);
    rt.events.subscribe((event, payload) => events.push({ event, payload }));
    encounterId = rt.services().encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Headache' }, null).id;
  };
  beforeEach(async () => {
    await open(ORACLE);
  });
  afterEach(async () => {
    events.length = 0;
    await rt.close();
  });

  const call = (channel: string, request: unknown) => dispatch(rt.handlers, channel, request, ctx, log);
  const finished = async (started: Awaited<ReturnType<typeof call>>): Promise<Record<string, unknown>> => {
    expect(started.ok).toBe(true);
    const { jobId } = (started as { value: { jobId: string } }).value;
    await rt.jobs.settled(jobId);
    const done = events.find((e) => e.event === 'job:finished' && (e.payload as { jobId: string }).jobId === jobId);
    return done?.payload as Record<string, unknown>;
  };
  const consent = () => call('encounter:setConsent', { id: encounterId, consent: { recording: true } });

  it('refuses audio without the encounter’s recording consent', async () => {
    const data = fs.readFileSync(JFK).toString('base64');
    const imported = await finished(await call('audio:import', { encounterId, fileName: 'jfk.wav', data }));
    expect(imported).toMatchObject({ outcome: 'failed', error: { code: 'RECORDING_CONSENT_REQUIRED' } });
    const started = await call('recording:start', { encounterId, sampleRate: 16_000, channels: 1, format: 's16' });
    expect(started).toMatchObject({ ok: false, error: { code: 'RECORDING_CONSENT_REQUIRED' } });
  });

  it('imports a file: timed segments on the recording timeline, then findings and a draft note', async () => {
    await consent();
    const data = fs.readFileSync(JFK).toString('base64');
    const done = await finished(await call('audio:import', { encounterId, fileName: 'jfk.wav', data }));
    expect(done).toMatchObject({ outcome: 'succeeded', result: { segments: 1, languages: ['de'] } });
    const result = done['result'] as { audioMs: number; pipeline: { noteId: string } | null };
    expect(result.audioMs).toBe(11_000);
    expect(result.pipeline).not.toBeNull();
    const segments = rt.services().store.repos.segments.listForEncounter(encounterId);
    expect(segments).toHaveLength(1);
    const [segment] = segments;
    expect(segment).toMatchObject({ text: 'hello world', language: 'de', source: 'asr' });
    // The oracle's 0.00–2.40 s are window times; VAD cut silence, so on the recording the piece
    // starts at the first speech (after padding) and ends later than 2.4 s.
    expect(segment?.startMs).toBeGreaterThan(0);
    expect(segment?.startMs).toBeLessThan(1_000);
    expect(segment?.endMs).toBeGreaterThan(2_400);
    expect(events.some((e) => e.event === 'transcript:pieces')).toBe(true);
    // The imported audio is kept, encrypted, for playback.
    const blocks = [];
    for await (const block of rt.services().recorder.readPcm(segment?.recordingId ?? '')) blocks.push(block);
    expect(blocks.reduce((n, b) => n + b.samples.length, 0)).toBe(176_000);
  });

  it('records live over IPC in one-second chunks and transcribes on stop', async () => {
    await consent();
    const pcm = fs.readFileSync(JFK).subarray(44); // 16 kHz mono PCM16 after the canonical header
    const started = await call('recording:start', { encounterId, sampleRate: 16_000, channels: 1, format: 's16' });
    expect(started.ok).toBe(true);
    const { recordingId } = (started as { value: { recordingId: string } }).value;
    for (let at = 0; at < pcm.length; at += 32_000) {
      const chunk = await call('recording:append', {
        recordingId,
        data: pcm.subarray(at, at + 32_000).toString('base64'),
      });
      expect(chunk.ok).toBe(true);
    }
    expect(events.some((e) => e.event === 'recording:level')).toBe(true);
    const done = await finished(await call('recording:stop', { recordingId }));
    expect(done).toMatchObject({ outcome: 'succeeded', result: { recordingId, segments: 1 } });
    expect(rt.services().store.repos.segments.listForEncounter(encounterId)[0]).toMatchObject({ recordingId });
    const again = await call('recording:stop', { recordingId });
    expect(again).toMatchObject({ ok: false, error: { code: 'RECORDING_STATE' } });
  });

  it('says clearly when no speech model is installed and records nothing', async () => {
    await rt.close();
    await open(undefined);
    await consent();
    const started = await call('recording:start', { encounterId, sampleRate: 16_000, channels: 1, format: 's16' });
    expect(started).toMatchObject({ ok: false, error: { code: 'MODEL_NOT_INSTALLED' } });
  });

  it('rejects malformed audio with a clear error and keeps the transcript it had', async () => {
    await consent();
    await call('transcript:import', { encounterId, text: '[doctor] hello\n[patient] hi', source: 'paste' });
    const data = Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEjunk').toString('base64');
    const done = await finished(await call('audio:import', { encounterId, fileName: 'bad.wav', data }));
    expect(done).toMatchObject({ outcome: 'failed' });
    expect(['AUDIO_CORRUPT', 'AUDIO_UNSUPPORTED', 'AUDIO_EMPTY']).toContain((done['error'] as { code: string }).code);
    expect(rt.services().store.repos.segments.listForEncounter(encounterId)).toHaveLength(2);
  });
});
