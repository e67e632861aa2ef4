/**
 * History of present illness: the clinician's dictated introduction, then what the patient said
 * (first person → third person), what the patient confirmed or denied when asked, and the history the
 * clinician recounted to the patient ("I know you were having problems with your right knee").
 */
import type { ComposeContext } from './context';
import { draft } from './draft';
import type { Draft } from './draft';
import { worthKeeping } from './quality';
import { firstToThird, secondToThird } from './text/person';
import { evidenceOf, evidenceOfUnits } from './units';

export type HpiSettings = {
  /** Content words a patient sentence needs to be kept. */
  minPatientContent: number;
  minClinicianContent: number;
  /** Drop history sentences from after the history part of the visit. */
  historyPhaseOnly: boolean;
};

export const HPI_DEFAULTS: HpiSettings = { minPatientContent: 2, minClinicianContent: 3, historyPhaseOnly: false };

const REPORTABLE = /^i (?:am|was|have|had|feel|felt|think|notice|noticed)\b/i;

const SUBJECTLESS =
  /^(?:went|got|had|did|felt|started|noticed|tried|took|used|stopped|saw|fell|hurt|twisted|woke|came|began|ran|slipped|tripped|landed|lifted|developed)\b/i;

/** Unpunctuated speech: "after the fall were you able to continue playing" is still a question. */
const INVERTED_QUESTION = /\b(?:are|were|do|did|have|can|could|would|will|is) you\b/i;

const ADDRESSES_PATIENT = /\b(?:you|your)\b/i;
const LEFTOVER_YOU = /\b(?:you|your)\b/i;
/** Clinician remarks about themselves or the visit, not the patient's history. */
const CLINICIAN_ASIDE = /^(?:i|we) (?:am|will|would|just|want|need|have to|can|could)\b|\b(?:let us|let me)\b/i;

/** A question tacked on to the dictation: "..., and what brings you in today". */
const INTRO_TAIL = /,?\s*(?:(?:and|so|but),?\s*)?(?:what|how|why|tell me|can you|could you)\b.*$/i;

/** The opening sentence: the dictated introduction, or one built from what was said. */
export const introSentence = (ctx: ComposeContext): Draft | null => {
  const { profile, casing } = ctx;
  if (profile.intro) {
    let text = secondToThird(profile.intro.clean, profile.pronouns, 'narrative').replace(INTRO_TAIL, '');
    // "she is a 41-year-old female" → "Ms. Hill is a ..." when the clinician said the name.
    if (profile.name !== null) text = text.replace(/^(?:she|he|the patient|this patient|patient)\b/i, profile.name);
    return draft(text, [evidenceOf(profile.intro)], profile.intro.index, casing, { kind: 'intro' });
  }
  return null;
};

export const buildHpi = (ctx: ComposeContext, settings: HpiSettings = HPI_DEFAULTS): Draft[] => {
  const { profile, casing } = ctx;
  const p = profile.pronouns;
  const out: Draft[] = [];
  const intro = introSentence(ctx);
  if (intro) out.push(intro);
  for (const r of ctx.routed) {
    if (settings.historyPhaseOnly && r.phase !== 'history') continue;
    const u = r.unit;
    if (r.role === 'history-patient') {
      if (r.phase === 'plan' || r.phase === 'exam') continue;
      // "went to washington last weekend": the "I" is understood.
      const said = SUBJECTLESS.test(u.clean) ? `i ${u.clean}` : u.clean;
      let text = firstToThird(said, p);
      // Reported speech, as notes put it: "She reports that she is still forgetting ...".
      if (REPORTABLE.test(said) && !/^(?:she|he|the patient) reports\b/i.test(text))
        text = `${p.subject} reports that ${text}`;
      if (LEFTOVER_YOU.test(text) || !worthKeeping(text, settings.minPatientContent)) continue;
      out.push(draft(text, [evidenceOf(u)], u.index, casing, { group: 1 + r.topic, kind: 'patient' }));
    } else if (r.role === 'history-clinician') {
      if (!ADDRESSES_PATIENT.test(u.clean) || CLINICIAN_ASIDE.test(u.clean) || INVERTED_QUESTION.test(u.clean))
        continue;
      const text = secondToThird(u.clean, p, 'narrative');
      if (!worthKeeping(text, settings.minClinicianContent)) continue;
      out.push(draft(text, [evidenceOf(u)], u.index, casing, { group: 1 + r.topic, kind: 'clinician' }));
    }
  }
  for (const qa of ctx.qa) {
    if (qa.family) continue;
    const group = 1 + (ctx.routed[qa.question.index]?.topic ?? 0);
    out.push(
      draft(qa.text, evidenceOfUnits([qa.question, qa.answer]), qa.question.index + 0.5, casing, { group, kind: 'qa' }),
    );
  }
  return out.sort((a, b) => a.order - b.order);
};
