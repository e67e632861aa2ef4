/** The audio import layer: probe, decode and resample any supported file to 16 kHz. */
export { memorySource, openFileSource } from './byte-source';
export { downmix } from './downmix';
export { loadAudio16k, loadAudio16kFromSource } from './load';
export { decodePcm16 } from './pcm-convert';
export { probeAudioFile, probeSource } from './probe';
export { createResampler, resample, type Resampler } from './resampler';
export { streamAudio16k, streamAudio16kFromSource } from './stream';
export * from './types';
export { encodeWav, writeWav, type WavSampleEncoding, type WavWriteOptions } from './wav-writer';
