import { describe, expect, it } from 'vitest';
import { mtsFormat } from '../../../../main/language/transcript/formats/mts';
import { parseTranscript } from '../../../../main/language/transcript/parse-transcript';
import { fixture } from './fixtures';

describe('MTS-Dialog style transcripts', () => {
  it('reads labelled turns, guest roles and continuation lines', () => {
    const parsed = parseTranscript({ text: fixture('visit-mts.txt') });
    expect(parsed.format).toBe('mts');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.segments.map((s) => s.speaker)).toEqual([
      'clinician',
      'patient',
      'other',
      'clinician',
      'patient',
      'clinician',
      'clinician',
    ]);
    expect(parsed.segments[1]?.text).toBe(
      'My knee has been swelling since last Tuesday. It hurts more going down stairs.',
    );
    expect(parsed.segments[2]?.speakerLabel).toBe('Guest_family');
  });

  it('reads CRLF line endings and numbered guest labels', () => {
    const text = 'Doctor: Who is with you?\r\nGuest_family_1: His mother.\r\nGuest_family_2: And his aunt.\r\n';
    const parsed = parseTranscript({ text });
    expect(parsed.segments.map((s) => [s.speaker, s.speakerLabel, s.text])).toEqual([
      ['clinician', 'Doctor', 'Who is with you?'],
      ['other', 'Guest_family_1', 'His mother.'],
      ['other', 'Guest_family_2', 'And his aunt.'],
    ]);
  });

  it('splits two turns glued onto one line at a known label after a sentence end', () => {
    const parsed = parseTranscript({ text: 'Patient: It is on one side. Doctor: This sounds like a migraine.' });
    expect(parsed.segments.map((s) => [s.speaker, s.text])).toEqual([
      ['patient', 'It is on one side.'],
      ['clinician', 'This sounds like a migraine.'],
    ]);
  });

  it('does not split mid-sentence mentions of a label', () => {
    const parsed = parseTranscript({ text: 'Patient: I told my Doctor: no more pills.\nDoctor: Okay.' });
    expect(parsed.segments[0]?.text).toBe('I told my Doctor: no more pills.');
  });

  it('reads a single-turn dialogue', () => {
    const parsed = parseTranscript({ text: 'Doctor: You can take ibuprofen as needed for pain.' });
    expect(parsed.format).toBe('mts');
    expect(parsed.segments).toHaveLength(1);
  });

  it('is not detected for prose or a note with headings', () => {
    expect(mtsFormat.detect('The patient was seen today for a cough.\nShe is otherwise well.')).toBe(false);
    expect(mtsFormat.detect('Assessment: asthma.\nPlan: inhaler.\nFollow up in two weeks.')).toBe(false);
    expect(mtsFormat.detect('Doctor: hi\nPatient: hello')).toBe(true);
  });
});
