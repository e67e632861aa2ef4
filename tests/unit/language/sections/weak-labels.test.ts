import { describe, expect, it } from 'vitest';
import { aciNoteDocuments, splitNoteSections } from '../../../../main/language/sections/weak-labels';

const note = [
  'CHIEF COMPLAINT',
  '',
  'Knee pain.',
  '',
  'HISTORY OF PRESENT ILLNESS',
  '',
  'The patient is a 50-year-old male with right knee pain for 2 weeks.',
  '',
  'RESULTS',
  '',
  'X-ray of the right knee is unremarkable.',
  'Hemoglobin A1c is 6.1.',
  '',
  'ASSESSMENT AND PLAN',
  '',
  'Knee strain. Ice and rest.',
].join('\n');

describe('ACI-Bench weak labels', () => {
  it('cuts a note into its known sections', () => {
    expect(splitNoteSections(note).map((s) => s.header)).toEqual([
      'CHIEF COMPLAINT',
      'HISTORY OF PRESENT ILLNESS',
      'RESULTS',
      'ASSESSMENT AND PLAN',
    ]);
  });

  it('labels sections by header, results by paragraph, and skips the mixed assessment-and-plan', () => {
    const csv = `encounter_id,dialogue,note\nD1,"[doctor] hi","${note.replace(/"/g, '""')}"\n`;
    expect(aciNoteDocuments(csv, 0.3).map((d) => [d.label, d.text, d.weight])).toEqual([
      ['CC', 'Knee pain.', 0.3],
      ['GENHX', 'The patient is a 50-year-old male with right knee pain for 2 weeks.', 0.3],
      ['IMAGING', 'X-ray of the right knee is unremarkable.', 0.3],
      ['LABS', 'Hemoglobin A1c is 6.1.', 0.3],
    ]);
  });
});
