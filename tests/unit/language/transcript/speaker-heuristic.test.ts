import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../../main/language/transcript/parse-transcript';
import { clinicianCueScore, inferSpeakerRoles } from '../../../../main/language/transcript/speaker-heuristic';

const diarised = [
  'SPEAKER_00: Hi, what brings you in today?',
  "SPEAKER_01: I've had a sore throat for three days.",
  'SPEAKER_00: Any fever?',
  'SPEAKER_01: A little, last night.',
  "SPEAKER_00: Okay, let's take a look. I'm going to swab your throat.",
  'SPEAKER_01: Sure.',
].join('\n');

describe('speaker role heuristic', () => {
  it('scores questions and instructions up and self-report down', () => {
    expect(clinicianCueScore('Any fever?')).toBeGreaterThan(0);
    expect(clinicianCueScore("I'm going to order an x-ray.")).toBeGreaterThan(0);
    expect(clinicianCueScore('I have had this pain for a week.')).toBeLessThan(0);
  });

  it('makes the asking speaker the clinician and the other the patient in a two-speaker transcript', () => {
    const parsed = parseTranscript({ text: diarised });
    expect(parsed.segments.every((s) => s.speaker === 'unknown')).toBe(true);
    const inferred = inferSpeakerRoles(parsed.segments);
    expect(Object.fromEntries(inferred.assigned)).toEqual({ SPEAKER_00: 'clinician', SPEAKER_01: 'patient' });
    expect(inferred.segments.map((s) => s.speaker)).toEqual([
      'clinician',
      'patient',
      'clinician',
      'patient',
      'clinician',
      'patient',
    ]);
    expect(inferred.segments[0]?.speakerLabel).toBe('SPEAKER_00');
  });

  it('changes nothing when a clinician is already known or the speakers are not clearly different', () => {
    const known = parseTranscript({ text: 'Doctor: Any fever?\nSPEAKER_01: No.\nSPEAKER_01: No.' }).segments;
    expect(inferSpeakerRoles(known).assigned.size).toBe(0);
    const alike = parseTranscript({
      text: 'Anna: Any fever?\nBen: Any cough?\nAnna: Any pain?\nBen: Any rash?',
    }).segments;
    expect(alike.map((s) => s.speakerLabel)).toEqual(['Anna', 'Ben', 'Anna', 'Ben']);
    expect(inferSpeakerRoles(alike).assigned.size).toBe(0);
  });
});
