/** Whisper and Silero VAD both take 16 kHz audio; everything imported is converted to this rate. */
export const TARGET_SAMPLE_RATE = 16000;

/** Container formats the import layer recognises. */
export type AudioFormat = 'wav' | 'mp3' | 'ogg' | 'webm' | 'flac';

/** Codecs the import layer decodes (inside those containers). */
export type AudioCodec = 'pcm_s' | 'pcm_u8' | 'pcm_float' | 'alaw' | 'mulaw' | 'mp3' | 'opus' | 'vorbis' | 'flac';

/** What a file holds, read from its headers (and, only where a header has no length, by decoding). */
export type AudioProbe = {
  format: AudioFormat;
  codec: AudioCodec;
  /** The rate the decoder produces (Opus always decodes at 48 kHz). */
  sampleRate: number;
  channels: number;
  durationMs: number;
  /** Stored sample width, for PCM-like codecs (WAV and FLAC). */
  bitsPerSample?: number;
};

/** Random access to the bytes of an audio file (a file on disk, memory, or a synthetic source in tests). */
export type ByteSource = {
  readonly size: number;
  /** Reads up to `length` bytes at `position`; returns fewer only at the end of the source. */
  read: (position: number, length: number) => Promise<Uint8Array>;
  close: () => Promise<void>;
};

export type DecodeOptions = {
  signal?: AbortSignal;
  /** Called after each block with the fraction of the input consumed (0..1). */
  onProgress?: (fraction: number) => void;
};

export type LoadAudioOptions = DecodeOptions & {
  /**
   * Whole-file loading keeps every sample in memory (16 kHz float32 = 230 MB per channel-hour), so it
   * refuses longer inputs with AUDIO_UNSUPPORTED; stream those with streamAudio16k. Default 3 hours.
   */
  maxDurationMs?: number;
};

export type Audio16k = {
  sampleRate: typeof TARGET_SAMPLE_RATE;
  /** Each input channel resampled to 16 kHz (a two-channel visit: clinician mic / patient mic). */
  channels: Float32Array[];
  /** The down-mix (mean of the channels). For a one-channel input this is the same array as channels[0]. */
  mono: Float32Array;
  durationMs: number;
};

export type Audio16kBlock = {
  /** Index of this block's first sample in the 16 kHz output. */
  startSample: number;
  channels: Float32Array[];
  mono: Float32Array;
};

/** One decoded block at the file's own rate. */
export type NativeBlock = {
  sampleRate: number;
  channels: Float32Array[];
};
