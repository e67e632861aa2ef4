/**
 * Whisper's translate task returns its own English pieces with their own timestamps; the transcript
 * keeps the source-language segments. Each English piece is given to the source segment it overlaps
 * most in time (ties: the earlier segment), so every source segment gets the English said over its
 * span and the two can be shown side by side. A piece that overlaps nothing goes to the nearest segment.
 */
export type TimedText = { startMs: number; endMs: number; text: string };

const overlap = (a: TimedText, b: TimedText): number =>
  Math.max(0, Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs));

const distance = (a: TimedText, b: TimedText): number =>
  a.endMs < b.startMs ? b.startMs - a.endMs : b.endMs < a.startMs ? a.startMs - b.endMs : 0;

export const alignTranslation = (source: readonly TimedText[], english: readonly TimedText[]): string[] => {
  const parts: string[][] = source.map(() => []);
  for (const piece of english) {
    let best = -1;
    let bestOverlap = 0;
    let bestDistance = Infinity;
    source.forEach((segment, i) => {
      const o = overlap(segment, piece);
      const d = distance(segment, piece);
      if (o > bestOverlap || (bestOverlap === 0 && o === 0 && d < bestDistance)) {
        best = i;
        bestOverlap = o;
        bestDistance = d;
      }
    });
    if (best >= 0 && piece.text.trim() !== '') parts[best]?.push(piece.text.trim());
  }
  return parts.map((p) => p.join(' '));
};
