/** The reference note's headed sections and the dialogue's turns, for silver labelling. */
export const sections = (note: string): { header: string; body: string }[] => {
  const out: { header: string; body: string }[] = [];
  let current = { header: '', body: '' };
  for (const line of note.split('\n')) {
    if (/^[A-Z][A-Z &/]+$/.test(line.trim())) {
      out.push(current);
      current = { header: line.trim(), body: '' };
    } else current.body += `${line}\n`;
  }
  out.push(current);
  return out;
};

export const dialogueTurns = (dialogue: string): string[] =>
  dialogue
    .split('\n')
    .map((l) => l.replace(/^\[[^\]]*\]\s*/, ''))
    .filter((l) => l.trim() !== '');
