/**
 * Runs on the audio rendering thread: takes the microphone's float samples (the AudioContext runs at
 * 16 kHz, so Chromium has already resampled them), converts to little-endian PCM16 and posts a block
 * every ~250 ms. Copies, never shares, so the main thread can hold on to what it received.
 */
declare const registerProcessor: (name: string, processor: new () => unknown) => void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

const BLOCK_FRAMES = 4000;

class PcmCapture extends AudioWorkletProcessor {
  private buffer = new Int16Array(BLOCK_FRAMES);
  private filled = 0;

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i += 1) {
      const v = Math.max(-1, Math.min(1, channel[i] ?? 0));
      this.buffer[this.filled++] = v < 0 ? v * 32768 : v * 32767;
      if (this.filled === BLOCK_FRAMES) {
        this.port.postMessage(this.buffer.buffer, [this.buffer.buffer]);
        this.buffer = new Int16Array(BLOCK_FRAMES);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('quietchart-pcm-capture', PcmCapture);
