import type { SpeakerRole } from '../../../common/domain';
import type { ParsedSegment } from './types';

/**
 * For diarised transcripts whose speakers have no role ("SPEAKER_00", "Speaker 2", first names):
 * clinicians ask and instruct, patients describe. Not applied by the parser; callers opt in and
 * should show the result as a suggestion the clinician can correct.
 */
const QUESTION_START =
  /^(?:so |and |okay,? |now,? )?(?:do|does|did|are|is|was|were|have|has|had|any|how|what|when|where|which|who|why|can|could|would|will|tell me|describe)\b/i;
const INSTRUCTION =
  /\b(?:let's|let me|i'm going to|i am going to|i'll|i will|we'll|we will|i want you to|i'd like you to|i'd like to|i recommend|you should|make sure|follow up|come back|take a deep breath)\b/i;
const SELF_REPORT =
  /\b(?:i have|i've|i had|i feel|i felt|i've been|my (?:\w+ )?(?:hurts|pain|back|chest|head|stomach)|it hurts)\b/i;

/** Positive for clinician-like text (a question or an instruction), negative for self-report. */
export const clinicianCueScore = (text: string): number => {
  let score = 0;
  if (text.includes('?') || QUESTION_START.test(text.trim())) score += 1;
  if (INSTRUCTION.test(text)) score += 1;
  if (SELF_REPORT.test(text)) score -= 1;
  return score;
};

export type RoleInference = { segments: ParsedSegment[]; assigned: ReadonlyMap<string, SpeakerRole> };

/** Smallest gap in mean cue score between two speakers before we call one of them the clinician. */
const MIN_MARGIN = 0.2;

/**
 * When no turn is already a clinician's, the unlabelled-role speaker with the clearly highest mean cue
 * score becomes the clinician and, if no patient is known and exactly one other such speaker remains,
 * that one becomes the patient. Otherwise nothing changes. Labels are kept.
 */
export const inferSpeakerRoles = (segments: readonly ParsedSegment[]): RoleInference => {
  const unchanged = { segments: [...segments], assigned: new Map<string, SpeakerRole>() };
  if (segments.some((s) => s.speaker === 'clinician')) return unchanged;
  const stats = new Map<string, { turns: number; score: number }>();
  for (const segment of segments) {
    if (segment.speaker !== 'unknown' || segment.speakerLabel === null) continue;
    const entry = stats.get(segment.speakerLabel) ?? { turns: 0, score: 0 };
    entry.turns += 1;
    entry.score += clinicianCueScore(segment.text);
    stats.set(segment.speakerLabel, entry);
  }
  const ranked = [...stats].map(([label, s]) => ({ label, mean: s.score / s.turns })).sort((a, b) => b.mean - a.mean);
  const [top, second] = ranked;
  if (!top || (second ? top.mean - second.mean < MIN_MARGIN : !segments.some((s) => s.speaker === 'patient'))) {
    return unchanged;
  }
  const assigned = new Map<string, SpeakerRole>([[top.label, 'clinician']]);
  if (ranked.length === 2 && second && !segments.some((s) => s.speaker === 'patient'))
    assigned.set(second.label, 'patient');
  return {
    assigned,
    segments: segments.map((s) => {
      const role = s.speaker === 'unknown' && s.speakerLabel !== null ? assigned.get(s.speakerLabel) : undefined;
      return role ? { ...s, speaker: role } : s;
    }),
  };
};
