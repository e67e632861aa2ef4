import { describe, expect, it } from 'vitest';
import { blockLabel, segmentByNote, toLabelledTranscript } from '../../../../main/language/sections/aci-turns';
import { parseTurns } from '../../../../main/language/sections/turns';

const note = [
  'HISTORY OF PRESENT ILLNESS',
  'The patient reports right knee pain after a fall while skiing two weeks ago.',
  'PHYSICAL EXAMINATION',
  'Right knee: mild effusion, tenderness over the medial joint line.',
  'RESULTS',
  'X-ray of the right knee shows no fracture.',
  'ASSESSMENT AND PLAN',
  'Right knee sprain. Physical therapy referral, ibuprofen as needed, follow up in four weeks.',
].join('\n');

const dialogue = [
  '[doctor] hi , how are you ?',
  '[patient] my right knee hurts since i fell skiing two weeks ago .',
  '[doctor] does the pain get worse with walking ?',
  '[patient] yes .',
  "[doctor] let me take a look at your knee . there's a mild effusion and tenderness on the medial joint line .",
  '[doctor] your x-ray shows no fracture .',
  "[doctor] so my assessment is a knee sprain . i'm going to refer you to physical therapy , take ibuprofen , and follow up in four weeks .",
  '[patient] okay , thank you .',
].join('\n');

describe('ACI-Bench silver turn labels', () => {
  it('segments a visit monotonically into the blocks of its note', () => {
    const blocks = segmentByNote(parseTurns(dialogue), note);
    expect(blocks).toEqual([
      'HISTORY OF PRESENT ILLNESS',
      'HISTORY OF PRESENT ILLNESS',
      'HISTORY OF PRESENT ILLNESS',
      'HISTORY OF PRESENT ILLNESS',
      'PHYSICAL EXAMINATION',
      'RESULTS',
      'ASSESSMENT AND PLAN',
      'ASSESSMENT AND PLAN',
    ]);
  });

  it('maps blocks to labels, results by the turn\u2019s words', () => {
    expect(blockLabel('RESULTS', 'your x-ray shows no fracture')).toBe('IMAGING');
    expect(blockLabel('RESULTS', 'your hemoglobin a1c is 6.1')).toBe('LABS');
    expect(blockLabel('ASSESSMENT AND PLAN', 'follow up in four weeks')).toBe('PLAN');
    expect(blockLabel(null, 'anything')).toBeNull();
  });

  it('labels nothing when the note has none of the blocks', () => {
    const turns = parseTurns(dialogue);
    expect(segmentByNote(turns, 'Some free text without headers.')).toEqual(turns.map(() => null));
    const labelled = toLabelledTranscript({ id: 'x', turns, blocks: segmentByNote(turns, note) }, 0.05);
    expect(labelled.labels[5]).toBe('IMAGING');
    expect(labelled.weight).toBe(0.05);
  });
});
