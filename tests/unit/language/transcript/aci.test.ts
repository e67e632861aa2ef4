import { describe, expect, it } from 'vitest';
import { aciFormat } from '../../../../main/language/transcript/formats/aci';
import { parseTranscript } from '../../../../main/language/transcript/parse-transcript';
import { fixture } from './fixtures';

const roles = (text: string): [string, string][] => parseTranscript({ text }).segments.map((s) => [s.speaker, s.text]);

describe('ACI-Bench style transcripts', () => {
  it('reads one turn per line, guests as other, and continuation lines into the previous turn', () => {
    const parsed = parseTranscript({ text: fixture('visit-aci.txt'), fileName: 'visit.txt' });
    expect(parsed.format).toBe('aci');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.segments.map((s) => [s.speaker, s.speakerLabel])).toEqual([
      ['clinician', 'doctor'],
      ['patient', 'patient'],
      ['clinician', 'doctor'],
      ['patient', 'patient'],
      ['other', 'patient_guest'],
      ['clinician', 'doctor'],
      ['clinician', 'doctor'],
      ['patient', 'patient'],
    ]);
    expect(parsed.segments[5]?.text).toBe(
      "okay . let's listen to your lungs . i hear some wheezing on the right side .",
    );
    expect(parsed.segments.every((s) => s.startMs === null && s.endMs === null)).toBe(true);
  });

  it('splits many turns on one line at each speaker tag', () => {
    expect(roles('[doctor] any allergies ? [patient] penicillin . [doctor] what happens ? [patient] hives .')).toEqual([
      ['clinician', 'any allergies ?'],
      ['patient', 'penicillin .'],
      ['clinician', 'what happens ?'],
      ['patient', 'hives .'],
    ]);
  });

  it('keeps a bracketed non-speaker tag mid-line as text', () => {
    expect(roles('[doctor] so the [inaudible] was normal .\n[patient] good .')).toEqual([
      ['clinician', 'so the [inaudible] was normal .'],
      ['patient', 'good .'],
    ]);
  });

  it('keeps an unknown tag at the start of a line as an unknown speaker, with a warning', () => {
    const parsed = parseTranscript({ text: '[doctor] hello .\n[speaker_3] hi .\n[speaker_3] bye .' });
    expect(parsed.segments[1]).toEqual({
      speaker: 'unknown',
      text: 'hi .',
      startMs: null,
      endMs: null,
      speakerLabel: 'speaker_3',
    });
    expect(parsed.warnings.filter((w) => w.code === 'UNKNOWN_SPEAKER_LABEL')).toHaveLength(1);
    expect(parsed.warnings[0]?.message).not.toContain('speaker_3');
  });

  it('keeps text before the first tag as an unknown speaker, with a warning', () => {
    const parsed = parseTranscript({ text: 'visit recording\n[doctor] hello .\n[patient] hi .', format: 'aci' });
    expect(parsed.segments[0]).toMatchObject({ speaker: 'unknown', text: 'visit recording', speakerLabel: null });
    expect(parsed.warnings.map((w) => w.code)).toEqual(['TEXT_BEFORE_FIRST_SPEAKER']);
  });

  it('is not detected for MTS-Dialog text, JSON arrays or prose with brackets', () => {
    expect(aciFormat.detect('Doctor: hello\nPatient: hi')).toBe(false);
    expect(aciFormat.detect('[{"speaker":"doctor","text":"hi"}]')).toBe(false);
    expect(aciFormat.detect('The result [see attached] was normal.\nNothing else.')).toBe(false);
    expect(aciFormat.detect('[doctor] hi\n[patient] hello')).toBe(true);
  });
});
