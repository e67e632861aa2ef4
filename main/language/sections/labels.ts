/**
 * The section label set: MTS-Dialog's 20 normalised section headers (Ben Abacha et al., EACL 2023).
 * The order is the column order of the classifier's weight matrix; the model file repeats it and the
 * loader refuses a file whose order differs, so a reordered list can never silently swap classes.
 */
export const SECTION_LABELS = [
  'CC',
  'GENHX',
  'ROS',
  'PASTMEDICALHX',
  'PASTSURGICAL',
  'MEDICATIONS',
  'ALLERGY',
  'FAM/SOCHX',
  'EXAM',
  'LABS',
  'IMAGING',
  'PROCEDURES',
  'ASSESSMENT',
  'DIAGNOSIS',
  'PLAN',
  'DISPOSITION',
  'EDCOURSE',
  'IMMUNIZATIONS',
  'GYNHX',
  'OTHER_HISTORY',
] as const;

export type SectionLabel = (typeof SECTION_LABELS)[number];

/** An utterance that belongs to no section (greetings, chitchat, logistics). */
export const NO_SECTION = 'none';
export type SectionOutcome = SectionLabel | typeof NO_SECTION;

const LABEL_SET: ReadonlySet<string> = new Set(SECTION_LABELS);

export const isSectionLabel = (value: string): value is SectionLabel => LABEL_SET.has(value);

export const labelIndex = (label: SectionLabel): number => SECTION_LABELS.indexOf(label);
