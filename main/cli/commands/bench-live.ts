import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadAudio16k } from '../../audio';
import { createRecorder } from '../../audio/recording';
import { loadSileroModel } from '../../audio/vad';
import { createWorkerHost } from '../../inference/worker-host';
import { createLiveTranscriber, SPEECH_SAMPLE_RATE } from '../../speech/live-transcriber';
import type { WhisperPrecision } from '../../speech/whisper-engine';
import { createWorkerTranscriber } from '../../speech/worker-transcriber';
import { createChunkVault } from '../../store/chunk-vault';
import { UsageError, type CliContext } from '../context';
import { cliWorkerEntry } from '../worker-entry';

/**
 * `bench live --audio FILE --model DIR [--min-seconds S] [--pace X]`: the recording path as in a visit.
 * One-second PCM16 chunks go, at real-time pace (X = 1), through the crash-safe recorder (sealed,
 * encrypted chunks in a temp vault) and the live transcriber (VAD, windows sent to the worker while
 * the "visit" goes on); then stop. Reports the time from stop to the complete transcript.
 */
export const benchLive = async (
  ctx: CliContext,
  args: {
    audio: string | undefined;
    model: string | undefined;
    precision: WhisperPrecision;
    threads: number;
    minSeconds: number;
    pace: number;
  },
): Promise<void> => {
  if (!args.audio || !args.model) throw new UsageError('--audio FILE and --model DIR are required.');
  const modelDir = path.resolve(args.model);
  const audio = await loadAudio16k(args.audio);
  const loops = Math.max(1, Math.ceil((args.minSeconds * SPEECH_SAMPLE_RATE) / audio.mono.length));
  const total = loops * audio.mono.length;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-bench-live-'));
  const vault = createChunkVault({ dataDir, chunkKey: randomBytes(32) });
  const recorder = createRecorder({ vault, hasRecordingConsent: () => true });
  const vad = await loadSileroModel();
  const host = createWorkerHost({ entry: cliWorkerEntry(ctx) });
  try {
    await host.request('asr.load', { modelDir, precision: args.precision, threads: args.threads });
    const live = createLiveTranscriber({
      vad,
      transcribe: createWorkerTranscriber(host, {
        modelDir,
        precision: args.precision,
        threads: args.threads,
        tokensPerSecond: 3.5,
      }),
      maxPendingMs: 20_000,
    });
    const recordingId = await recorder.start({
      encounterId: 'bench',
      sampleRate: SPEECH_SAMPLE_RATE,
      channels: 1,
      format: 's16',
    });
    const started = performance.now();
    let behindMs = 0;
    for (let at = 0; at < total; at += SPEECH_SAMPLE_RATE) {
      const mono = new Float32Array(Math.min(SPEECH_SAMPLE_RATE, total - at));
      for (let i = 0; i < mono.length; i += 1) mono[i] = audio.mono[(at + i) % audio.mono.length] ?? 0;
      const pcm = new Int16Array(mono.length);
      for (let i = 0; i < mono.length; i += 1) pcm[i] = Math.round(Math.max(-1, Math.min(1, mono[i] ?? 0)) * 32767);
      await recorder.append(recordingId, new Uint8Array(pcm.buffer));
      await live.push({ mono, channels: [mono] });
      // Real time: chunk n is "spoken" by (n + 1) seconds / pace after the start.
      const due = ((at + mono.length) / SPEECH_SAMPLE_RATE / args.pace) * 1000;
      const wait = due - (performance.now() - started);
      if (wait > 0) await sleep(wait);
      else behindMs = Math.max(behindMs, -wait);
    }
    const stopAt = performance.now();
    await recorder.stop(recordingId);
    const pieces = await live.finish();
    const stopToTranscriptSeconds = (performance.now() - stopAt) / 1000;
    const value = {
      audioSeconds: Number((total / SPEECH_SAMPLE_RATE).toFixed(1)),
      pace: args.pace,
      stopToTranscriptSeconds: Number(stopToTranscriptSeconds.toFixed(2)),
      maxFeedLagMs: Math.round(behindMs),
      windows: live.windowsDone,
      pieces: pieces.length,
      precision: args.precision,
      threads: args.threads,
    };
    ctx.out.result(
      value,
      () => `stop → transcript ${value.stopToTranscriptSeconds} s after ${value.audioSeconds} s of audio`,
    );
  } finally {
    await host.shutdown();
    await vad.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};
