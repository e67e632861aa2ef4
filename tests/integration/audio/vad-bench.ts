/**
 * VAD benchmark (a command, not a test): `npx tsx tests/integration/audio/vad-bench.ts [files...]`.
 * Prints per file: duration, segments, speech share, windows, and the real-time factor of Silero.
 */
import path from 'node:path';
import { loadAudio16k } from '../../../main/audio';
import { packWindows } from '../../../main/audio/vad/pack-windows';
import { segmentSpeech } from '../../../main/audio/vad/segmenter';
import { VAD_FRAME_SAMPLES, VAD_SAMPLE_RATE, loadSileroModel } from '../../../main/audio/vad/silero';
import { JFK_WAV, SHARED_AUDIO, readWav16, whiteNoise } from './vad-fixtures';

const defaults = [
  JFK_WAV,
  path.join(SHARED_AUDIO, 'indic-clinic', 'hindi', 'convo_001.mp3'),
  path.join(SHARED_AUDIO, 'indic-clinic', 'tamil', 'convo_001.mp3'),
];

const load = async (file: string): Promise<Float32Array> =>
  file.endsWith('.wav') ? readWav16(file).samples : (await loadAudio16k(file)).mono;

const model = await loadSileroModel();
const inputs: Array<[string, Float32Array]> = [];
for (const file of process.argv.slice(2).length > 0 ? process.argv.slice(2) : defaults) {
  inputs.push([path.relative(SHARED_AUDIO, file), await load(file)]);
}
inputs.push(['(5 s digital silence)', new Float32Array(5 * VAD_SAMPLE_RATE)]);
inputs.push(['(60 s white noise at -46 dBFS RMS)', whiteNoise(60 * VAD_SAMPLE_RATE, 0.01)]);

for (const [name, samples] of inputs) {
  const stream = model.createStream();
  const started = performance.now();
  // 100-ms blocks, as a live recording would arrive.
  const probabilities: number[] = [];
  for (let at = 0; at < samples.length; at += 1600)
    probabilities.push(...(await stream.push(samples.subarray(at, at + 1600))));
  probabilities.push(...(await stream.flush()));
  const elapsedMs = performance.now() - started;
  const segments = segmentSpeech(probabilities, {}, samples.length);
  const windows = packWindows(segments);
  const audioMs = (samples.length * 1000) / VAD_SAMPLE_RATE;
  const speechMs = segments.reduce((sum, s) => sum + s.endMs - s.startMs, 0);
  const longest = segments.reduce((max, s) => Math.max(max, s.endMs - s.startMs), 0);
  console.log(
    JSON.stringify({
      input: name,
      audioS: +(audioMs / 1000).toFixed(1),
      frames: probabilities.length,
      segments: segments.length,
      speechShare: +(speechMs / audioMs).toFixed(3),
      longestSegmentS: +(longest / 1000).toFixed(2),
      windows: windows.length,
      windowFillS: windows.map((w) => +(w.durationMs / 1000).toFixed(1)),
      vadMs: Math.round(elapsedMs),
      msPerFrame: +(elapsedMs / probabilities.length).toFixed(3),
      realTimeFactor: +(elapsedMs / audioMs).toFixed(4),
    }),
  );
}
console.log(JSON.stringify({ frameSamples: VAD_FRAME_SAMPLES, threads: 1 }));
await model.close();
