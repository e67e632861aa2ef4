/**
 * A token classifier's label set in BIO form (O, B-NAME, I-NAME, …), read from config.json's id2label.
 * A model whose labels are not BIO-formed cannot be turned into entity spans and is refused.
 */
import { AppError } from '../../../common/errors';

export type BioLabel = { prefix: 'O' } | { prefix: 'B' | 'I'; kind: string };

export type BioScheme = {
  /** By label id. */
  labels: readonly BioLabel[];
  /** Entity kind → [B- id, I- id]. */
  kinds: ReadonlyMap<string, readonly [number, number]>;
};

const BIO = /^([BI])-(.+)$/;

const invalid = (why: string): AppError =>
  new AppError('MODEL_INVALID', `The tagging model's labels are not usable: ${why}.`);

/** Parses id2label (ids 0 … numLabels - 1) into a BIO scheme; MODEL_INVALID when it is not one. */
export const parseBioLabels = (id2label: Readonly<Record<string, string>>, numLabels: number): BioScheme => {
  const ids = Object.keys(id2label);
  if (!Number.isInteger(numLabels) || numLabels < 2 || ids.length !== numLabels)
    throw invalid(`num_labels is ${String(numLabels)} but id2label has ${String(ids.length)} labels`);
  const labels: BioLabel[] = [];
  const seen = new Set<string>();
  const begins = new Map<string, number>();
  const insides = new Map<string, number>();
  for (let id = 0; id < numLabels; id++) {
    const name = id2label[String(id)];
    if (name === undefined) throw invalid(`label id ${String(id)} is missing`);
    if (seen.has(name)) throw invalid(`"${name}" appears twice`);
    seen.add(name);
    if (name === 'O') {
      labels.push({ prefix: 'O' });
      continue;
    }
    const match = BIO.exec(name);
    const [, prefix, kind] = match ?? [];
    if ((prefix !== 'B' && prefix !== 'I') || kind === undefined)
      throw invalid(`"${name}" is neither O nor B-/I- followed by a kind`);
    labels.push({ prefix, kind });
    (prefix === 'B' ? begins : insides).set(kind, id);
  }
  if (!seen.has('O')) throw invalid('there is no O label');
  const kinds = new Map<string, readonly [number, number]>();
  for (const [kind, begin] of begins) {
    const inside = insides.get(kind);
    if (inside === undefined) throw invalid(`B-${kind} has no I-${kind}`);
    kinds.set(kind, [begin, inside]);
  }
  for (const kind of insides.keys()) if (!begins.has(kind)) throw invalid(`I-${kind} has no B-${kind}`);
  return { labels, kinds };
};
