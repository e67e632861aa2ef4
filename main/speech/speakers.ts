/**
 * Who said each turn. Two-channel recordings (clinician mic / patient mic) are decided by which channel
 * carries the turn's energy. Mono recordings get a role from what was said: clinicians ask, examine,
 * instruct and plan; patients answer and describe. A turn with no cue takes the other role than the
 * turn before it (people take turns), and the clinician can correct any turn in the UI.
 */
import type { SpeakerRole } from '../../common/domain';

export type ChannelRoles = readonly SpeakerRole[];

/** Channel 0 = clinician's microphone, channel 1 = patient's: the recorder's documented default. */
export const DEFAULT_CHANNEL_ROLES: ChannelRoles = ['clinician', 'patient'];

const rms = (samples: Float32Array, from: number, to: number): number => {
  let sum = 0;
  const end = Math.min(to, samples.length);
  const start = Math.max(0, from);
  for (let i = start; i < end; i += 1) sum += (samples[i] ?? 0) ** 2;
  return end > start ? Math.sqrt(sum / (end - start)) : 0;
};

/**
 * The role of the channel that is loudest over [startMs, endMs); 'unknown' when two channels are within
 * 3 dB of each other (cross-talk, one shared room mic) or the span is silent.
 */
export const roleFromChannels = (
  channels: readonly Float32Array[],
  sampleRate: number,
  startMs: number,
  endMs: number,
  roles: ChannelRoles = DEFAULT_CHANNEL_ROLES,
): SpeakerRole => {
  const from = Math.floor((startMs / 1000) * sampleRate);
  const to = Math.ceil((endMs / 1000) * sampleRate);
  const levels = channels.map((c) => rms(c, from, to));
  const order = levels.map((level, i) => ({ level, i })).sort((a, b) => b.level - a.level);
  const [loudest, second] = order;
  if (!loudest || loudest.level <= 1e-6) return 'unknown';
  if (second && 20 * Math.log10(loudest.level / Math.max(second.level, 1e-9)) < 3) return 'unknown';
  return roles[loudest.i] ?? 'unknown';
};

const CLINICIAN_CUES: readonly RegExp[] = [
  /\?\s*$/,
  /^(?:so |and |okay,? |alright,? |now,? )*(?:do|does|did|are|is|was|were|have|has|had|can|could|would|will|any|how|what|when|where|which|who|why)\b/i,
  /\b(?:let me|let's|i'm going to|i am going to|i want you to|i'd like you to|we'll|we will|i recommend|i'd recommend|i'll prescribe|i'm prescribing|i'll order|i'm ordering|take a deep breath|follow up|come back)\b/i,
  /^(?:take|breathe|look|lie|sit|stand|push|squeeze|follow|open|say)\b/i,
  /\b(?:your (?:blood pressure|exam|labs?|x-ray|results?|heart|lungs)|on exam|physical exam|assessment|diagnosis)\b/i,
];

const PATIENT_CUES: readonly RegExp[] = [
  /^(?:yes|yeah|yep|no|nope|not really|i think so|i don't know|uh-huh|mm-hmm)\b[\s.,!]*$/i,
  /\b(?:i've been|i have been|i feel|i felt|i've had|i had|it hurts|my (?:pain|back|chest|head|stomach|knee|wife|husband|mom|dad)|i'm taking|i take|i started|i noticed)\b/i,
];

/** Positive: sounds like the clinician; negative: like the patient; 0: no cue. */
export const clinicianScore = (text: string): number => {
  const t = text.trim();
  let score = 0;
  for (const cue of CLINICIAN_CUES) if (cue.test(t)) score += 1;
  for (const cue of PATIENT_CUES) if (cue.test(t)) score -= 1;
  return score;
};

/** One mono turn's role: its own cues first; without a cue, the other role than `previous` (turn-taking). */
export const roleFromText = (text: string, previous: SpeakerRole | null | undefined): SpeakerRole => {
  const score = clinicianScore(text);
  if (score > 0) return 'clinician';
  if (score < 0) return 'patient';
  if (previous === 'clinician') return 'patient';
  if (previous === 'patient') return 'clinician';
  return 'unknown';
};

/** Roles for consecutive mono turns, each read after the one before it. */
export const rolesFromText = (turns: readonly string[]): SpeakerRole[] => {
  const out: SpeakerRole[] = [];
  for (const text of turns) out.push(roleFromText(text, out[out.length - 1]));
  return out;
};
