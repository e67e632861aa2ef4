/**
 * Routes each sentence unit to the part of the note it can feed. Visits run history → exam →
 * results → assessment and plan, with the clinician announcing each step; a unit's own wording (an
 * exam finding, a test result, a plan action) and the section classifier's label refine the phase.
 */
import type { SegmentSections } from '../note-types';
import {
  CHITCHAT,
  COMMAND,
  EXAM_FINDING,
  EXAM_START,
  PLAN_ACTION,
  PLAN_START,
  RESULT_TERM,
  RESULT_VERB,
  RESULTS_START,
  STRONG_PLAN,
} from './cues';
import type { Unit } from './units';

export type Phase = 'history' | 'exam' | 'results' | 'plan';

export type Role =
  'drop' | 'question' | 'intro' | 'history-patient' | 'history-clinician' | 'exam' | 'results' | 'plan';

/** topic: counts the clinician's topic changes ("in terms of your depression ..."), for paragraphs. */
export type Routed = { unit: Unit; role: Role; phase: Phase; topic: number };

const TOPIC_SHIFT =
  /\b(?:in terms of|how about|what about|let us talk about|talk about your|regarding|as far as|switching gears|moving on|and then (?:your|for)|now,? (?:your|for|how|let us))\b/i;

const LABEL_PHASE: Readonly<Record<string, Phase>> = {
  EXAM: 'exam',
  LABS: 'results',
  IMAGING: 'results',
  PROCEDURES: 'results',
  ASSESSMENT: 'plan',
  DIAGNOSIS: 'plan',
  PLAN: 'plan',
  DISPOSITION: 'plan',
};

const MIN_WORDS = 3;

const nextPhase = (phase: Phase, text: string): Phase => {
  if (PLAN_START.test(text)) return 'plan';
  if (RESULTS_START.test(text)) return phase === 'plan' ? phase : 'results';
  if (EXAM_START.test(text)) return phase === 'plan' ? phase : 'exam';
  return phase;
};

const clinicianRole = (unit: Unit, phase: Phase, labelPhase: Phase | undefined): Role => {
  const text = unit.clean;
  const isResult = RESULT_TERM.test(text) && RESULT_VERB.test(text);
  const effective = labelPhase ?? phase;
  if ((effective === 'exam' || effective === 'results') && STRONG_PLAN.test(text)) return 'plan';
  switch (effective) {
    case 'exam':
      if (isResult && RESULTS_START.test(text)) return 'results';
      if (EXAM_FINDING.test(text)) return 'exam';
      return PLAN_ACTION.test(text) ? 'plan' : 'drop';
    case 'results':
      if (isResult || RESULT_TERM.test(text)) return 'results';
      if (EXAM_FINDING.test(text) && phase === 'exam') return 'exam';
      return PLAN_ACTION.test(text) ? 'plan' : 'results';
    case 'plan':
      return 'plan';
    case 'history':
      if (PLAN_ACTION.test(text) && /\b(?:we will|i am going to|i want you to|i would like you to|let us)\b/.test(text))
        return 'plan';
      return 'history-clinician';
  }
};

export const route = (units: readonly Unit[], introIndex: number | null, labels?: SegmentSections): Routed[] => {
  let phase: Phase = 'history';
  let topic = 0;
  return units.map((unit) => {
    const speaker = unit.segment.speaker;
    if (unit.index === introIndex) return { unit, role: 'intro', phase, topic };
    if (speaker !== 'patient') {
      phase = nextPhase(phase, unit.clean);
      if (TOPIC_SHIFT.test(unit.clean)) topic += 1;
    }
    return { ...routeUnit(unit, phase, labels), topic };
  });
};

const routeUnit = (unit: Unit, phase: Phase, labels: SegmentSections | undefined): Omit<Routed, 'topic'> => {
  const speaker = unit.segment.speaker;
  // Commands to the dictation assistant ("hey dragon, show me the x-ray") are read on the raw words,
  // since cleaning removes the wake word.
  if (unit.words === 0 || COMMAND.test(unit.segment.text.slice(unit.start, unit.end)))
    return { unit, role: 'drop', phase };
  if (unit.question) return { unit, role: speaker === 'patient' ? 'drop' : 'question', phase };
  if (unit.words < MIN_WORDS || CHITCHAT.test(unit.clean)) return { unit, role: 'drop', phase };
  const label = labels?.[unit.segment.id];
  const labelPhase = label === undefined ? undefined : LABEL_PHASE[label];
  if (speaker === 'patient') return { unit, role: 'history-patient', phase };
  return { unit, role: clinicianRole(unit, phase, labelPhase), phase };
};
