/**
 * Final layout of the kept sentences, done after selection so labels sit on sentences that survived:
 * exam findings grouped under body systems ("• Cardiovascular: ..."), and each problem's plan split
 * into reasoning, testing, treatment and counselling, the way visit notes are commonly laid out.
 * Only labels are added; no fact is.
 */
import type { Draft } from './draft';

type Labelled = { label: string; pattern: RegExp };

const EXAM_SYSTEMS: readonly Labelled[] = [
  {
    label: 'Cardiovascular',
    pattern:
      /\b(?:heart|murmurs?|rubs?|gallops?|pulses?|edema|carotid|jugular|capillary refill|regular rate|rhythm)\b/i,
  },
  {
    label: 'Respiratory',
    pattern: /\b(?:lungs?|breath sounds|wheez\w*|crackles|rales|rhonchi|respiratory|breathing)\b/i,
  },
  {
    label: 'Gastrointestinal',
    pattern: /\b(?:abdomen|abdominal|belly|bowel sounds|rebound|guarding|liver|spleen|quadrant|hernia)\b/i,
  },
  {
    label: 'Neurological',
    pattern: /\b(?:neuro\w*|sensation|reflex\w*|cranial nerves|numbness|tingling|alert and oriented|gait)\b/i,
  },
  {
    label: 'Integumentary',
    pattern: /\b(?:skin|rash|lesions?|wounds?|ulcers?|incisions?|erythema|bruis\w*|laceration)\b/i,
  },
  { label: 'Neck', pattern: /\b(?:neck|thyroid|lymph\w*|lymphadenopathy)\b/i },
  {
    label: 'HEENT',
    pattern: /\b(?:head|ears?|eyes?|pupils|throat|tonsils|nose|nasal|sinus\w*|mouth|oropharynx|tympanic)\b/i,
  },
  {
    label: 'Musculoskeletal',
    pattern:
      /\b(?:knees?|shoulders?|hips?|ankles?|wrists?|elbows?|spine|back|joints?|range of motion|flexion|extension|strength|effusion|fingers?|toes?|foot|feet|hands?|legs?|arms?|extremit\w*|muscles?|tender\w*|swelling|palpation)\b/i,
  },
];

/** "On heart exam," says no more than the "Cardiovascular:" label; "On leg exam," does. */
const EXAM_LEAD_IN =
  /^on (?:the )?(?:(?:physical|general|heart|cardiac|cardiovascular|lung|pulmonary|respiratory|abdominal|belly|neuro|neurologic|neurological|skin) )?exam(?:ination)?,?\s*/i;

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Exam sentences grouped by body system, systems in order of first mention. */
export const layoutExam = (drafts: readonly Draft[]): Draft[] => {
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    const label = EXAM_SYSTEMS.find((s) => s.pattern.test(d.text))?.label ?? 'General';
    const list = groups.get(label) ?? [];
    list.push(d);
    groups.set(label, list);
  }
  return [...groups.entries()].flatMap(([label, list]) =>
    list.map((d, i) => {
      if (i > 0) return { ...d, style: 'prose' as const };
      const body = capitalize(d.text.replace(EXAM_LEAD_IN, ''));
      return { ...d, text: `${label}: ${body}`, style: 'bullet' as const };
    }),
  );
};

type PlanPart = 'reasoning' | 'testing' | 'treatment' | 'education';

const PLAN_PARTS: readonly { part: PlanPart; label: string; pattern: RegExp }[] = [
  {
    part: 'testing',
    label: 'Additional Testing',
    pattern:
      /\b(?:x-?rays?|mri|ct|cat scan|scan|ultrasound|echo\w*|ekg|ecg|labs?|lab work|blood ?work|a1c|panel|cbc|biopsy|culture|urinalysis|mammogram|colonoscopy|imaging|stress test|nerve conduction|emg|dexa|tests?|testing|workup|levels)\b/gi,
  },
  {
    part: 'treatment',
    label: 'Medical Treatment',
    pattern:
      /\b(?:prescri\w*|medications?|medicines?|mg|mcg|units|tablets?|pills?|doses?|dosage|increase|decrease|start|continue|stop|discontinue|refill\w*|injections?|surgery|procedure|physical therapy|therapy|refer\w*|splint|brace|sling|cast|inhaler|cream|ointment|taper|daily|twice|as needed)\b/gi,
  },
  {
    part: 'education',
    label: 'Patient Education and Counseling',
    pattern:
      /\b(?:recommend\w*|encourag\w*|advis\w*|make sure|diet|exercise|avoid|ice|rest|elevat\w*|call|monitor|keep an eye|watch|hydrat\w*|fluids|lose weight|weight loss|quit|smoking|alcohol|educat\w*|counsel\w*|explained|discussed|questions|return|emergency|worse|follow[- ]?up|come back|see (?:you|her|him|the patient) back)\b/gi,
  },
];

const PART_ORDER: readonly PlanPart[] = ['reasoning', 'testing', 'treatment', 'education'];
const PART_LABEL: Record<PlanPart, string> = {
  reasoning: 'Medical Reasoning',
  testing: 'Additional Testing',
  treatment: 'Medical Treatment',
  education: 'Patient Education and Counseling',
};

export const planPart = (text: string): PlanPart => {
  let best: PlanPart = 'reasoning';
  let bestCount = 0;
  for (const { part, pattern } of PLAN_PARTS) {
    const count = text.match(pattern)?.length ?? 0;
    if (count > bestCount) {
      best = part;
      bestCount = count;
    }
  }
  return best;
};

/** Within each problem group: reasoning, testing, treatment, counselling, each labelled once. */
export const layoutPlan = (drafts: readonly Draft[]): Draft[] => {
  const out: Draft[] = [];
  let i = 0;
  while (i < drafts.length) {
    const first = drafts[i];
    if (!first) break;
    if (first.kind !== 'plan') {
      out.push(first);
      i += 1;
      continue;
    }
    const group: Draft[] = [];
    while (i < drafts.length && drafts[i]?.kind === 'plan' && drafts[i]?.group === first.group) {
      const d = drafts[i];
      if (d) group.push(d);
      i += 1;
    }
    const parts = group.map((d) => ({ d, part: planPart(d.text) }));
    for (const part of PART_ORDER) {
      parts
        .filter((p) => p.part === part)
        .forEach((p, k) =>
          out.push(
            k === 0
              ? { ...p.d, text: `${PART_LABEL[part]}: ${p.d.text}`, style: 'bullet' }
              : { ...p.d, style: 'prose' },
          ),
        );
    }
  }
  return out;
};
