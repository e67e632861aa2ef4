import { probeAudioFile } from '../../audio/probe';
import { streamAudio16k } from '../../audio/stream';
import { medianOf } from '../median';
import { UsageError, type CliContext } from '../context';

/** `audio probe FILE`: format, codec, rate, channels and length from the file's headers. */
export const audioProbe = async (ctx: CliContext, file: string | undefined): Promise<void> => {
  if (!file) throw new UsageError('audio probe needs a FILE.');
  const probe = await probeAudioFile(file);
  ctx.out.result(
    probe,
    () =>
      `${probe.format}/${probe.codec} ${probe.sampleRate} Hz, ${probe.channels} ch, ` +
      `${(probe.durationMs / 1000).toFixed(3)} s${probe.bitsPerSample ? `, ${probe.bitsPerSample}-bit` : ''}`,
  );
};

/** One full decode + resample pass to 16 kHz; returns the seconds of audio produced. */
const decodePass = async (file: string): Promise<number> => {
  let samples = 0;
  for await (const block of streamAudio16k(file)) samples += block.mono.length;
  return samples / 16000;
};

/**
 * `bench audio --audio FILE`: decode + resample speed in multiples of real time, after one warm-up
 * pass (WASM compilation, JIT). Like `bench notes`, the headline rate is the median pass's, because
 * a neighbour on a shared machine slows some passes, not the median.
 */
export const benchAudio = async (
  ctx: CliContext,
  args: { audio: string | undefined; minSeconds: number },
): Promise<void> => {
  if (!args.audio) throw new UsageError('--audio FILE is required.');
  const audioSeconds = await decodePass(args.audio);
  const passes: number[] = [];
  const started = performance.now();
  do {
    const passStarted = performance.now();
    await decodePass(args.audio);
    passes.push((performance.now() - passStarted) / 1000);
  } while (performance.now() - started < args.minSeconds * 1000);
  const wallSeconds = (performance.now() - started) / 1000;
  const median = medianOf(passes, wallSeconds);
  const value = {
    audioSeconds: Number(audioSeconds.toFixed(3)),
    /** Wall time of the median pass: xRealtime = audioSeconds / wallSeconds. */
    wallSeconds: Number(median.toFixed(4)),
    xRealtime: Number((audioSeconds / median).toFixed(1)),
    passes: passes.length,
    totalWallSeconds: Number(wallSeconds.toFixed(3)),
    overallXRealtime: Number(((audioSeconds * passes.length) / wallSeconds).toFixed(1)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  ctx.out.result(
    value,
    () =>
      `${value.xRealtime}x real time (${value.audioSeconds} s of audio, ${value.passes} passes); peak RSS ${value.peakRssMb} MB`,
  );
};
