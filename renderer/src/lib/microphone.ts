import workletUrl from '../worklets/pcm-capture.worklet.ts?worker&url';

/**
 * The microphone as 16 kHz mono PCM16 blocks. Echo cancellation, noise suppression and automatic
 * gain are off: they are tuned for calls and smear consonants the recogniser needs.
 */
export const CAPTURE_SAMPLE_RATE = 16_000;

export type Microphone = { stop(): Promise<void>; pause(): void; resume(): void };

export class MicrophoneError extends Error {
  constructor(
    readonly reason: 'denied' | 'missing' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

export const openMicrophone = async (onBlock: (pcm16: ArrayBuffer) => void): Promise<Microphone> => {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError')
      throw new MicrophoneError(
        'denied',
        'Microphone access was denied. Allow it in your system settings, then try again.',
      );
    if (name === 'NotFoundError') throw new MicrophoneError('missing', 'No microphone was found.');
    throw new MicrophoneError('failed', 'The microphone could not be opened.');
  }
  const context = new AudioContext({ sampleRate: CAPTURE_SAMPLE_RATE });
  try {
    await context.audioWorklet.addModule(workletUrl);
  } catch {
    stream.getTracks().forEach((t) => {
      t.stop();
    });
    await context.close();
    throw new MicrophoneError('failed', 'The recorder could not start.');
  }
  const source = context.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(context, 'quietchart-pcm-capture');
  let paused = false;
  node.port.onmessage = (event: MessageEvent<ArrayBuffer>) => {
    if (!paused) onBlock(event.data);
  };
  source.connect(node);
  return {
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
    },
    stop: async () => {
      node.port.onmessage = null;
      source.disconnect();
      node.disconnect();
      stream.getTracks().forEach((t) => {
        t.stop();
      });
      await context.close();
    },
  };
};

/** Base64 of bytes without building one giant string argument (blocks and imported files alike). */
export const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
