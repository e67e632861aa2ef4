/**
 * Splits a long token sequence into windows the model can read (its positions end at
 * max_position_embeddings). Windows overlap by about a quarter of their size and end at a word start
 * where one is near, so every token is read with context on both sides; each token's prediction is
 * taken from the window in which it sits farthest from an edge.
 */

export type TokenWindow = { start: number; end: number };

/** Windows of at most `size` tokens over the tokens; wordStarts[i]: token i begins a word. */
export const planWindows = (wordStarts: readonly boolean[], size: number): TokenWindow[] => {
  const count = wordStarts.length;
  if (size < 1) throw new RangeError('A window holds at least one token.');
  if (count <= size) return count === 0 ? [] : [{ start: 0, end: count }];
  const half = Math.floor(size / 2);
  const overlap = Math.floor(size / 4);
  const windows: TokenWindow[] = [];
  let start = 0;
  for (;;) {
    let end = Math.min(count, start + size);
    if (end < count) {
      let cut = end;
      while (cut > start + half + 1 && wordStarts[cut] !== true) cut--;
      if (wordStarts[cut] === true) end = cut;
    }
    windows.push({ start, end });
    if (end >= count) return windows;
    // The next window starts `overlap` tokens back, at a word start if there is one no further back
    // than half a window: it then ends past this one, so the loop always moves on.
    let next = Math.max(start + 1, end - overlap);
    for (let k = next; k > start && k >= end - half; k--)
      if (wordStarts[k] === true) {
        next = k;
        break;
      }
    start = next;
  }
};

/** For each token, the index of the window that reads it with the most context on its shorter side. */
export const ownerWindows = (windows: readonly TokenWindow[], count: number): number[] => {
  const owners = new Array<number>(count).fill(-1);
  const margins = new Array<number>(count).fill(-1);
  windows.forEach(({ start, end }, w) => {
    for (let i = start; i < end; i++) {
      const margin = Math.min(i - start, end - 1 - i);
      if (margin > (margins[i] ?? -1)) {
        margins[i] = margin;
        owners[i] = w;
      }
    }
  });
  return owners;
};
