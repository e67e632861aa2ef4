/**
 * An imported audio file through the same streaming path as a live visit: decoded and resampled in
 * blocks (bounded memory for any length), VAD, 30-s windows, Whisper in the worker.
 */
import { AppError } from '../../common/errors';
import { streamAudio16k } from '../audio';
import { createLiveTranscriber, type LiveTranscriberOptions, type TranscriptPiece } from './live-transcriber';

export type TranscribeFileResult = { pieces: TranscriptPiece[]; audioMs: number; windows: number };

export const transcribeFile = async (
  path: string,
  options: LiveTranscriberOptions & { onProgress?: (fraction: number) => void },
): Promise<TranscribeFileResult> => {
  const live = createLiveTranscriber(options);
  let samples = 0;
  for await (const block of streamAudio16k(path, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })) {
    samples += block.mono.length;
    await live.push(block);
  }
  if (samples === 0) throw new AppError('AUDIO_EMPTY', 'The audio file has no samples.');
  const pieces = await live.finish();
  return { pieces, audioMs: Math.round((samples / 16_000) * 1000), windows: live.windowsDone };
};
