/**
 * Weak turn labels for ACI-Bench train dialogues, from their reference notes. ACI-Bench visits run
 * in the note's order — history, review of systems, examination, results, assessment and plan — so
 * each turn is assigned to one of those blocks by a monotone segmentation (dynamic programming) that
 * maximises how much of each turn's content vocabulary appears in its block's note text, with a
 * penalty per block change. Blocks then map to labels: HPI → GENHX, ROS → ROS, exam → EXAM,
 * results → IMAGING or LABS (by the turn's words), assessment and plan → PLAN. Silver, not gold:
 * used for training at a low weight and, on held-out encounters, as a segment-level sanity metric.
 */
import { parse } from 'csv-parse/sync';
import { tokenize } from './features';
import type { LabelledTranscript } from './fit';
import type { NoteSection } from './label-map';
import type { SectionLabel } from './labels';
import { parseTurns } from './turns';
import type { Turn } from './turns';
import { splitNoteSections } from './weak-labels';

const BLOCKS = [
  'HISTORY OF PRESENT ILLNESS',
  'REVIEW OF SYSTEMS',
  'PHYSICAL EXAMINATION',
  'RESULTS',
  'ASSESSMENT AND PLAN',
] as const satisfies readonly NoteSection[];
type Block = (typeof BLOCKS)[number];

const HEADER_BLOCK: Readonly<Record<string, Block>> = {
  'CHIEF COMPLAINT': 'HISTORY OF PRESENT ILLNESS',
  CC: 'HISTORY OF PRESENT ILLNESS',
  'HISTORY OF PRESENT ILLNESS': 'HISTORY OF PRESENT ILLNESS',
  HPI: 'HISTORY OF PRESENT ILLNESS',
  'SOCIAL HISTORY': 'HISTORY OF PRESENT ILLNESS',
  'FAMILY HISTORY': 'HISTORY OF PRESENT ILLNESS',
  MEDICATIONS: 'HISTORY OF PRESENT ILLNESS',
  'CURRENT MEDICATIONS': 'HISTORY OF PRESENT ILLNESS',
  'MEDICAL HISTORY': 'HISTORY OF PRESENT ILLNESS',
  'PAST HISTORY': 'HISTORY OF PRESENT ILLNESS',
  'PAST MEDICAL HISTORY': 'HISTORY OF PRESENT ILLNESS',
  ALLERGIES: 'HISTORY OF PRESENT ILLNESS',
  'SURGICAL HISTORY': 'HISTORY OF PRESENT ILLNESS',
  'PAST SURGICAL HISTORY': 'HISTORY OF PRESENT ILLNESS',
  'REVIEW OF SYSTEMS': 'REVIEW OF SYSTEMS',
  'PHYSICAL EXAM': 'PHYSICAL EXAMINATION',
  'PHYSICAL EXAMINATION': 'PHYSICAL EXAMINATION',
  EXAM: 'PHYSICAL EXAMINATION',
  VITALS: 'PHYSICAL EXAMINATION',
  'VITALS REVIEWED': 'PHYSICAL EXAMINATION',
  RESULTS: 'RESULTS',
  'ASSESSMENT AND PLAN': 'ASSESSMENT AND PLAN',
  ASSESSMENT: 'ASSESSMENT AND PLAN',
  PLAN: 'ASSESSMENT AND PLAN',
  IMPRESSION: 'ASSESSMENT AND PLAN',
  INSTRUCTIONS: 'ASSESSMENT AND PLAN',
  PROCEDURE: 'ASSESSMENT AND PLAN',
};

// Function words and conversational fillers: they say nothing about which block a turn is in.
const STOP = new Set(
  (
    'the and for you your are was were have has had with that this what how any about from they them ' +
    'there their then than but not can will would could should did does doing done just like know okay ' +
    'yeah yes right well good great all also some been being into out over one two see let get got going ' +
    'want wan gon think today time back little bit lot really kind sort thing things uh um hmm mm alright ' +
    "i'm it's that's you're don't i've we're let's i'll we'll i'd she her his him who she's he's patient " +
    'doctor dragon dax hey sure thank thanks very much now here more make made still'
  ).split(' '),
);

const contentWords = (text: string): Set<string> =>
  new Set(
    tokenize(text)
      .filter((t) => t.length >= 3 && !/^0+$/.test(t) && !STOP.has(t))
      .map((t) => (t.length > 4 && t.endsWith('s') ? t.slice(0, -1) : t)),
  );

const SWITCH_PENALTY = 0.2;

/**
 * Transition phrases clinicians say out loud ("let's do a quick physical exam"); a turn with one
 * gets a bonus for that block. Overlap alone is weak because the assessment and plan and the HPI
 * repeat most of the visit's vocabulary.
 */
const ANCHORS: Readonly<Record<Block, RegExp>> = {
  'HISTORY OF PRESENT ILLNESS': /\b(what brings you|how have you been|tell me (a little )?(bit )?about|how long has)/i,
  'REVIEW OF SYSTEMS': /\b(review of systems|any other symptoms|other than that,? any)/i,
  'PHYSICAL EXAMINATION':
    /\b(physical exam|examine you|exam(ination)? (on|of|shows)|on exam|vital signs|let me (take a )?(look|listen|feel)|take a deep breath|does (this|that) hurt|when i press|squeeze my)/i,
  RESULTS:
    /\b(results?|x-?rays?|labs?|blood ?work|mri|ct scan|cat scan|ultrasound|echo(cardiogram)?|ekg|a1c|hemoglobin|cholesterol|panel)\b/i,
  'ASSESSMENT AND PLAN':
    /\b(assessment and plan|my (assessment|impression|plan)|(first|second|third|next|last) problem|i want you to|i'?m going to (order|prescribe|refer|start|send|schedule|increase|decrease)|we'?ll (order|start|refer|schedule|get)|follow ?up|come back|prescription|refer you)/i,
};
const ANCHOR_BONUS = 1;
const IMAGING =
  /\b(x-?rays?|radiographs?|mri|ct|cat scan|ultrasound|echo(cardiogram)?|imaging|scan|mammogram|angiogram|doppler)\b/i;

/** Each turn's block (monotone over the visit), or null when the note has none of the blocks. */
export const segmentByNote = (turns: readonly Turn[], note: string): (NoteSection | null)[] => {
  const vocab = new Map<Block, Set<string>>();
  for (const section of splitNoteSections(note)) {
    const block = HEADER_BLOCK[section.header];
    if (!block) continue;
    const words = vocab.get(block) ?? new Set<string>();
    for (const w of contentWords(section.text)) words.add(w);
    vocab.set(block, words);
  }
  const present = BLOCKS.filter((b) => vocab.has(b));
  if (present.length === 0 || turns.length === 0) return turns.map(() => null);
  const df = (w: string): number => present.filter((b) => vocab.get(b)?.has(w)).length;
  // score[i][k]: idf-like share of turn i's content words found in block k's note text.
  const score = turns.map((turn) => {
    const words = [...contentWords(turn.text)];
    const denominator = Math.max(3, words.length);
    return present.map(
      (b) =>
        words.reduce((s, w) => s + (vocab.get(b)?.has(w) ? 1 / df(w) : 0), 0) / denominator +
        (ANCHORS[b].test(turn.text) ? ANCHOR_BONUS : 0),
    );
  });
  // best[i][k]: best total for turns 0..i with turn i in block k; blocks never go back.
  const best = score.map(() => present.map(() => -Infinity));
  const from = score.map(() => present.map(() => 0));
  present.forEach((_, k) => {
    (best[0] ?? [])[k] = (score[0]?.[k] ?? 0) - (k > 0 ? SWITCH_PENALTY : 0);
  });
  for (let i = 1; i < turns.length; i += 1) {
    for (let k = 0; k < present.length; k += 1) {
      for (let j = 0; j <= k; j += 1) {
        const total = (best[i - 1]?.[j] ?? -Infinity) - (j === k ? 0 : SWITCH_PENALTY) + (score[i]?.[k] ?? 0);
        if (total > (best[i]?.[k] ?? -Infinity)) {
          (best[i] ?? [])[k] = total;
          (from[i] ?? [])[k] = j;
        }
      }
    }
  }
  const last = best[turns.length - 1] ?? [];
  let k = last.indexOf(Math.max(...last));
  const blocks: NoteSection[] = new Array<NoteSection>(turns.length);
  for (let i = turns.length - 1; i >= 0; i -= 1) {
    blocks[i] = present[k] ?? 'HISTORY OF PRESENT ILLNESS';
    k = from[i]?.[k] ?? 0;
  }
  return blocks;
};

export const blockLabel = (block: NoteSection | null, turnText: string): SectionLabel | null => {
  switch (block) {
    case 'HISTORY OF PRESENT ILLNESS':
      return 'GENHX';
    case 'REVIEW OF SYSTEMS':
      return 'ROS';
    case 'PHYSICAL EXAMINATION':
      return 'EXAM';
    case 'RESULTS':
      return IMAGING.test(turnText) ? 'IMAGING' : 'LABS';
    case 'ASSESSMENT AND PLAN':
      return 'PLAN';
    case 'CHIEF COMPLAINT':
    case null:
      return null;
  }
};

export type SilverTranscript = { id: string; turns: Turn[]; blocks: (NoteSection | null)[] };

/** ACI-Bench CSV text → every encounter's turns with their silver blocks. */
export const aciSilverTranscripts = (csvText: string): SilverTranscript[] => {
  const records: Record<string, string>[] = parse(csvText, { columns: true, skip_empty_lines: true, bom: true });
  return records.map((record, i) => {
    const turns = parseTurns(record['dialogue'] ?? '');
    return { id: record['encounter_id'] ?? String(i), turns, blocks: segmentByNote(turns, record['note'] ?? '') };
  });
};

export const toLabelledTranscript = (silver: SilverTranscript, weight: number): LabelledTranscript => ({
  turns: silver.turns,
  labels: silver.turns.map((turn, i) => blockLabel(silver.blocks[i] ?? null, turn.text)),
  weight,
});
