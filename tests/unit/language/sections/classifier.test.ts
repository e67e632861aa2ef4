import { describe, expect, it } from 'vitest';
import { SECTION_LABELS } from '../../../../main/language/sections/labels';
import { noteSectionFor, NOTE_SECTIONS, SECTION_LABEL_MAP } from '../../../../main/language/sections/label-map';
import {
  classifySection,
  classifySegments,
  defaultSectionModel,
  findSectionModelPath,
} from '../../../../main/language/sections/default-model';
import { isSmallTalk } from '../../../../main/language/sections/small-talk';

describe('committed section classifier', () => {
  it('loads from models/section-classifier with the 20 labels', () => {
    expect(findSectionModelPath()).toMatch(/models[/\\]section-classifier[/\\]model\.json$/);
    const model = defaultSectionModel();
    expect(model.labels).toEqual(SECTION_LABELS);
    expect(model.params.weights.length).toBe(model.features.dimension * SECTION_LABELS.length);
  });

  it('classifies obvious questions and statements', () => {
    expect(classifySection('Do you have any allergies to medications?').label).toBe('ALLERGY');
    expect(['PLAN', 'IMAGING']).toContain(classifySection("I'm going to order an x-ray of your chest").label);
    expect(classifySection('Does anyone in your family have diabetes?').label).toBe('FAM/SOCHX');
    expect(classifySection('Have you had any surgeries in the past?').label).toBe('PASTSURGICAL');
    expect(classifySection('What medications are you taking right now?').label).toBe('MEDICATIONS');
  });

  it('classifies an MTS-Dialog style dialogue', () => {
    const dialogue =
      'Doctor: Any fever, chills, cough or shortness of breath?\nPatient: No.\nDoctor: Any nausea or vomiting?\nPatient: No, none of that.';
    expect(classifySection(dialogue).label).toBe('ROS');
  });

  it('returns a probability distribution over the 20 labels', () => {
    const { distribution, probability } = classifySection('Any history of high blood pressure or diabetes?');
    expect(Object.keys(distribution).sort()).toEqual([...SECTION_LABELS].sort());
    const total = Object.values(distribution).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(probability).toBe(Math.max(...Object.values(distribution)));
  });

  it('gives small talk no section', () => {
    for (const text of [
      'hello, how are you',
      'Hi, nice to meet you.',
      'Okay.',
      'Thank you, doctor.',
      'Good morning!',
    ]) {
      expect(classifySection(text).label).toBe('none');
    }
  });

  it('gives a low-confidence utterance no section, and a lower threshold a label', () => {
    const text = 'The weather is nice today.';
    const prediction = classifySection(text, { threshold: 0.99 });
    expect(prediction.label).toBe('none');
    expect(classifySection(text, { threshold: 0 }).label).not.toBe('none');
  });

  it('reads a bare answer with the question before it', () => {
    const predictions = classifySegments([
      { speaker: 'clinician', text: 'Hello, how are you?' },
      { speaker: 'patient', text: 'Good, thanks.' },
      { speaker: 'clinician', text: 'Are you allergic to any medications?' },
      { speaker: 'patient', text: 'Yes, penicillin.' },
      { speaker: 'clinician', text: 'Does anyone in your family have heart disease?' },
      { speaker: 'patient', text: 'No.' },
    ]);
    expect(predictions.map((p) => p.label)).toEqual(['none', 'none', 'ALLERGY', 'ALLERGY', 'FAM/SOCHX', 'FAM/SOCHX']);
  });

  it('classifies an empty transcript to nothing and a lone segment without context', () => {
    expect(classifySegments([])).toEqual([]);
    expect(classifySegments([{ text: 'Any known drug allergies?' }])[0]?.label).toBe('ALLERGY');
  });
});

describe('section label map', () => {
  it('maps every label onto one of the six note sections, and every note section is reachable', () => {
    for (const label of SECTION_LABELS) expect(NOTE_SECTIONS).toContain(SECTION_LABEL_MAP[label].section);
    expect(new Set(SECTION_LABELS.map((l) => SECTION_LABEL_MAP[l].section))).toEqual(new Set(NOTE_SECTIONS));
    expect(noteSectionFor('ALLERGY')).toBe('HISTORY OF PRESENT ILLNESS');
    expect(noteSectionFor('IMAGING')).toBe('RESULTS');
    expect(noteSectionFor('none')).toBeNull();
  });
});

describe('small talk', () => {
  it('is only courtesy and filler words; answers and content are not small talk', () => {
    expect(isSmallTalk("Hi doctor, I'm good, thanks. How are you?")).toBe(true);
    expect(isSmallTalk('No.')).toBe(false);
    expect(isSmallTalk('Good, my knee is better.')).toBe(false);
    expect(isSmallTalk('')).toBe(false);
  });
});
