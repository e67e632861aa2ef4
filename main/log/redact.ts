/**
 * Last line of defence: every log line passes through here before it is written. Callers should
 * only log ids, counts, durations and error codes; this catches what slips through anyway.
 * UUIDs are kept (they are how we correlate events) — everything else that looks like an identifier
 * a person could be traced by is replaced.
 */
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  // Absolute paths (POSIX and Windows) may hold a user's or patient's name. A JSON string value that
  // starts like a path is replaced whole, since folder names may contain spaces.
  [/"(?:[A-Za-z]:\\\\|\\\\\\\\|~?\/)[^"]*"/g, '"[path]"'],
  [/(?:[A-Za-z]:\\|\\\\)[^\s"']+/g, '[path]'],
  [/(?<![\w.])\/(?:[^\s"'/]+\/)*[^\s"'/]+/g, '[path]'],
  [/\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?\b/g, '[date]'],
  [/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, '[date]'],
  [/(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g, '[phone]'],
  [/\b[A-Z]{0,4}\d{5,}\b/gi, '[number]'],
];

export const redact = (line: string): string => {
  // Protect UUIDs from the digit and phone rules by swapping them out and back.
  const kept: string[] = [];
  let text = line.replace(UUID, (id) => `\u0000${kept.push(id) - 1}\u0000`);
  for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  return text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)] ?? '');
};
