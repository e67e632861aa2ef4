/**
 * Splits a short dialogue into speaker turns. Accepts MTS-Dialog style (`Doctor: ...`,
 * `Guest_family: ...`), ACI-Bench style (`[doctor] ...`) and plain text (one turn, speaker unknown).
 * Lines without a speaker prefix continue the previous turn.
 */
import type { SpeakerRole } from '../../../common/domain';

export type { SpeakerRole };
export type Turn = { speaker: SpeakerRole; text: string };

const CLINICIAN = new Set([
  'doctor',
  'dr',
  'clinician',
  'physician',
  'nurse',
  'provider',
  'guest_clinician',
  'guest clinician',
  'np',
  'pa',
]);
const PATIENT = new Set(['patient', 'pt']);
const OTHER = new Set(['guest_family', 'guest family', 'family', 'guest', 'caregiver', 'mother', 'father', 'parent']);

export const speakerRole = (raw: string): SpeakerRole => {
  const key = raw.trim().toLowerCase();
  if (CLINICIAN.has(key)) return 'clinician';
  if (PATIENT.has(key)) return 'patient';
  if (OTHER.has(key) || key.startsWith('guest')) return 'other';
  return 'unknown';
};

const BRACKET = /^\s*\[([A-Za-z_ ]{1,24})\]\s*(.*)$/;
const COLON = /^\s*([A-Za-z][A-Za-z_ ]{0,23}):\s*(.*)$/;

const prefixed = (line: string): Turn | null => {
  const match = BRACKET.exec(line) ?? COLON.exec(line);
  if (!match) return null;
  const role = speakerRole(match[1] ?? '');
  // "Note: ..." or "Plan: ..." inside plain text is not a speaker change.
  if (role === 'unknown' && !BRACKET.test(line)) return null;
  return { speaker: role, text: match[2] ?? '' };
};

export const parseTurns = (dialogue: string): Turn[] => {
  const turns: Turn[] = [];
  for (const line of dialogue.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const turn = prefixed(line);
    const last = turns[turns.length - 1];
    if (turn) turns.push(turn);
    else if (last) last.text = `${last.text} ${line.trim()}`;
    else turns.push({ speaker: 'unknown', text: line.trim() });
  }
  return turns;
};
