/**
 * Per-token BIO predictions → entity spans with character offsets.
 *
 * Tags are decided per word (a token and its "##" continuations): a word takes the tag of its first token
 * that is not O, so a word is never cut in two and a word the model marks only in part ("MRN448812" with
 * only the digits tagged) is kept whole, which is what a de-identification scrubber wants. Consecutive words
 * merge into one span when the later one is I- of the same kind; B- always starts a new span, and so does
 * an I- with nothing of its kind open (the model's stray I- is read as a beginning). A span's score is the
 * mean over its tokens of the probability that the token belongs to its kind (P(B-kind) + P(I-kind)).
 */
import type { BioScheme } from './bio-labels';
import type { Offsets } from './token-alignment';

export type TaggedSpan = {
  /** The entity kind, without B-/I- (NAME, DATE, ID, …). */
  label: string;
  /** [start, end): UTF-16 offsets into the text that was tagged. */
  start: number;
  end: number;
  text: string;
  score: number;
};

export type TokenPrediction = {
  /** Label id (argmax). */
  label: number;
  /** Softmax over the labels. */
  probs: ArrayLike<number>;
};

type OpenSpan = { kind: string; start: number; end: number; scores: number[]; lastWord: number };

export const bioSpans = (
  text: string,
  scheme: BioScheme,
  offsets: readonly Offsets[],
  wordStarts: readonly boolean[],
  predictions: readonly TokenPrediction[],
): TaggedSpan[] => {
  const spans: TaggedSpan[] = [];
  let open: OpenSpan | null = null;
  const close = (): void => {
    if (open) {
      const mean = open.scores.reduce((sum, s) => sum + s, 0) / open.scores.length;
      spans.push({
        label: open.kind,
        start: open.start,
        end: open.end,
        text: text.slice(open.start, open.end),
        score: mean,
      });
    }
    open = null;
  };

  let word = -1;
  for (let first = 0; first < predictions.length;) {
    let next = first + 1;
    while (next < predictions.length && wordStarts[next] !== true) next++;
    word++;
    const tokens = Array.from({ length: next - first }, (_, k) => first + k);
    first = next;

    const placed = tokens.filter((i) => offsets[i] != null);
    const tagged = tokens.map((i) => scheme.labels[predictions[i]?.label ?? -1]).find((l) => l && l.prefix !== 'O');
    if (!tagged || tagged.prefix === 'O' || placed.length === 0) {
      close();
      continue;
    }
    const [begin, inside] = scheme.kinds.get(tagged.kind) ?? [-1, -1];
    const scores = placed.map((i) => {
      const probs = predictions[i]?.probs;
      return (probs?.[begin] ?? 0) + (probs?.[inside] ?? 0);
    });
    const start = Math.min(...placed.map((i) => offsets[i]?.start ?? Infinity));
    const end = Math.max(...placed.map((i) => offsets[i]?.end ?? -Infinity));
    const current: OpenSpan | null = open;
    if (tagged.prefix === 'I' && current?.kind === tagged.kind && current.lastWord === word - 1) {
      current.end = Math.max(current.end, end);
      current.scores.push(...scores);
      current.lastWord = word;
    } else {
      close();
      open = { kind: tagged.kind, start, end, scores, lastWord: word };
    }
  }
  close();
  return spans;
};
