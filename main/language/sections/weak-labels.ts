/**
 * Weakly labelled extra training texts from ACI-Bench `train.csv` (dialogue + full visit note): each
 * note section is cut out under its header and given the MTS-Dialog label that header corresponds to
 * (clinical-style text, like MTS-Dialog's own `section_text`). A mixed "ASSESSMENT AND PLAN" section
 * is split into its assessment and plan parts only where the note marks them; unmarked it is skipped.
 */
import { parse } from 'csv-parse/sync';
import type { ExtraDocument } from './fit';
import type { SectionLabel } from './labels';

/** ACI-Bench note header (upper case, trailing colon dropped) → label; null = too mixed to use. */
export const ACI_HEADER_LABELS: Readonly<Record<string, SectionLabel | null>> = {
  'CHIEF COMPLAINT': 'CC',
  CC: 'CC',
  'HISTORY OF PRESENT ILLNESS': 'GENHX',
  HPI: 'GENHX',
  'REVIEW OF SYSTEMS': 'ROS',
  'PHYSICAL EXAM': 'EXAM',
  'PHYSICAL EXAMINATION': 'EXAM',
  EXAM: 'EXAM',
  VITALS: 'EXAM',
  'VITALS REVIEWED': 'EXAM',
  RESULTS: null, // labs or imaging: decided per paragraph below
  ASSESSMENT: 'ASSESSMENT',
  IMPRESSION: 'ASSESSMENT',
  PLAN: 'PLAN',
  INSTRUCTIONS: 'PLAN',
  'ASSESSMENT AND PLAN': null,
  'SOCIAL HISTORY': 'FAM/SOCHX',
  'FAMILY HISTORY': 'FAM/SOCHX',
  MEDICATIONS: 'MEDICATIONS',
  'CURRENT MEDICATIONS': 'MEDICATIONS',
  'MEDICAL HISTORY': 'PASTMEDICALHX',
  'PAST HISTORY': 'PASTMEDICALHX',
  'PAST MEDICAL HISTORY': 'PASTMEDICALHX',
  ALLERGIES: 'ALLERGY',
  'SURGICAL HISTORY': 'PASTSURGICAL',
  'PAST SURGICAL HISTORY': 'PASTSURGICAL',
  PROCEDURE: 'PROCEDURES',
};

const HEADER_LINE = /^([A-Z][A-Z /&]+?):?\s*$/;
const IMAGING =
  /\b(x-?rays?|radiographs?|mri|ct|cat scan|ultrasound|echo(cardiogram)?|imaging|scan|mammogram|angiogram|doppler)\b/i;

export type NoteSection = { header: string; text: string };

export const splitNoteSections = (note: string): NoteSection[] => {
  const sections: NoteSection[] = [];
  let current: NoteSection | null = null;
  for (const line of note.split(/\r?\n/)) {
    const header = HEADER_LINE.exec(line.trim());
    if (header && Object.hasOwn(ACI_HEADER_LABELS, header[1] ?? '')) {
      current = { header: header[1] ?? '', text: '' };
      sections.push(current);
    } else if (current && line.trim() !== '') {
      current.text = current.text ? `${current.text}\n${line.trim()}` : line.trim();
    }
  }
  return sections.filter((s) => s.text !== '');
};

const labelled = (section: NoteSection): { label: SectionLabel; text: string }[] => {
  const label = ACI_HEADER_LABELS[section.header];
  if (label) return [{ label, text: section.text }];
  if (section.header === 'RESULTS') {
    return section.text
      .split('\n')
      .map((text) => ({ label: IMAGING.test(text) ? ('IMAGING' as const) : ('LABS' as const), text }));
  }
  return [];
};

/** ACI-Bench CSV text (`encounter_id, dialogue, note`) → extra documents of the given weight. */
export const aciNoteDocuments = (csvText: string, weight: number): ExtraDocument[] => {
  const records: Record<string, string>[] = parse(csvText, { columns: true, skip_empty_lines: true, bom: true });
  return records.flatMap((record) =>
    splitNoteSections(record['note'] ?? '')
      .flatMap(labelled)
      .map(({ label, text }) => ({ label, text, weight })),
  );
};
