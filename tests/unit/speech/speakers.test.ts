import { describe, expect, it } from 'vitest';
import { clinicianScore, roleFromChannels, rolesFromText } from '../../../main/speech/speakers';

const tone = (seconds: number, amplitude: number, rate = 16_000): Float32Array =>
  Float32Array.from({ length: seconds * rate }, (_, i) => amplitude * Math.sin((2 * Math.PI * 220 * i) / rate));

describe('roleFromChannels', () => {
  it('gives the turn to the loud channel', () => {
    const loud = tone(2, 0.5);
    const quiet = tone(2, 0.02);
    expect(roleFromChannels([loud, quiet], 16_000, 0, 2000)).toBe('clinician');
    expect(roleFromChannels([quiet, loud], 16_000, 0, 2000)).toBe('patient');
  });

  it('says unknown for silence or cross-talk within 3 dB', () => {
    const silent = new Float32Array(32_000);
    expect(roleFromChannels([silent, silent], 16_000, 0, 2000)).toBe('unknown');
    expect(roleFromChannels([tone(2, 0.5), tone(2, 0.45)], 16_000, 0, 2000)).toBe('unknown');
  });
});

describe('rolesFromText', () => {
  it('scores questions and instructions as the clinician, symptoms as the patient', () => {
    expect(clinicianScore('Do you have any chest pain?')).toBeGreaterThan(0);
    expect(clinicianScore("I'm going to order an x-ray of your knee.")).toBeGreaterThan(0);
    expect(clinicianScore("I've been having headaches for two weeks.")).toBeLessThan(0);
    expect(clinicianScore('No.')).toBeLessThan(0);
  });

  it('alternates turns that carry no cue', () => {
    expect(
      rolesFromText(['How long has your knee hurt?', 'About two weeks.', 'Any swelling?', 'A little bit.']),
    ).toEqual(['clinician', 'patient', 'clinician', 'patient']);
    expect(rolesFromText(['Hello there.'])).toEqual(['unknown']);
  });
});
