/**
 * Cue timestamps for WebVTT (`hh:mm:ss.mmm`, hours optional) and SRT (`hh:mm:ss,mmm`). Parsing is
 * lenient about the separator and the number of fraction digits, strict about ranges (minutes and
 * seconds below 60), and returns null instead of throwing: a broken cue keeps its text.
 */
const TIMESTAMP = /^(?:(\d{1,4}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

export const parseTimestamp = (raw: string): number | null => {
  const match = TIMESTAMP.exec(raw.trim());
  if (!match) return null;
  const hours = Number(match[1] ?? '0');
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  const fraction = match[4] ?? '';
  if (minutes >= 60 || seconds >= 60) return null;
  const millis = fraction === '' ? 0 : Math.round(Number(fraction) * 10 ** (3 - fraction.length));
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
};

export type CueTiming = { startMs: number; endMs: number };

/** `start --> end [settings]`; null when either side is unreadable or the cue ends before it starts. */
export const parseTimingLine = (line: string): CueTiming | null => {
  const arrow = line.indexOf('-->');
  if (arrow === -1) return null;
  const startMs = parseTimestamp(line.slice(0, arrow));
  const endMs = parseTimestamp(
    line
      .slice(arrow + 3)
      .trim()
      .split(/\s+/)[0] ?? '',
  );
  if (startMs === null || endMs === null || endMs < startMs) return null;
  return { startMs, endMs };
};

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Renders `hh:mm:ss.mmm` (separator `,` for SRT). */
export const formatTimestamp = (ms: number, separator: '.' | ',' = '.'): string => {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${separator}${pad(total % 1000, 3)}`;
};
