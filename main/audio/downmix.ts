/** The mean of the channels. A single channel is returned as is (no copy). */
export const downmix = (channels: readonly Float32Array[]): Float32Array => {
  const first = channels[0];
  if (!first) return new Float32Array(0);
  if (channels.length === 1) return first;
  const out = new Float32Array(first.length);
  for (const channel of channels)
    for (let i = 0; i < out.length; i += 1) out[i] = (out[i] as number) + (channel[i] as number);
  const scale = 1 / channels.length;
  for (let i = 0; i < out.length; i += 1) out[i] = (out[i] as number) * scale;
  return out;
};
