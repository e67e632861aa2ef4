/**
 * A sentence on its way into the note, and the final touches that make spoken words read as written
 * ones: capital letters (sentence start, "I", the patient's name, drug brands as said), one full stop.
 */
import type { Evidence } from '../../../common/findings';
import type { SentenceStyle } from '../note-types';

/**
 * Where a sentence came from. Free-text kinds (patient, clinician, qa, exam, results, plan) compete
 * for a place in the note; structured ones (from findings, headings, the introduction) always stay.
 */
export type DraftKind =
  'intro' | 'patient' | 'clinician' | 'qa' | 'exam' | 'results' | 'plan' | 'heading' | 'structured';

export const SELECTABLE_KINDS: ReadonlySet<DraftKind> = new Set([
  'patient',
  'clinician',
  'qa',
  'exam',
  'results',
  'plan',
]);

export type Draft = {
  text: string;
  kind: DraftKind;
  evidence: Evidence[];
  /** Groups sentences into paragraphs within one kind of content. */
  group: number;
  style: SentenceStyle;
  /** Transcript order, for sorting sentences that came from different places. */
  order: number;
};

const capitalizeFirst = (s: string): string =>
  s.replace(/^([^A-Za-z0-9]*)([a-z])/, (_m, pre: string, c: string) => pre + c.toUpperCase());

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type Casing = { names: readonly string[] };

const nameRegexCache = new Map<string, RegExp>();

const nameRegex = (name: string): RegExp => {
  let re = nameRegexCache.get(name);
  if (!re) {
    re = new RegExp(`\\b${escape(name)}\\b`, 'gi');
    nameRegexCache.set(name, re);
  }
  return re;
};

const titleCase = (s: string): string => s.replace(/\b[a-z]/g, (c) => c.toUpperCase());

/** Written form of one sentence: trimmed, capitalised, ending in a full stop. */
export const finishSentence = (text: string, casing: Casing, terminal = '.'): string => {
  let s = text.replace(/\s+/g, ' ').trim();
  s = s.replace(/^[,;:\-\s]+/, '').replace(/[,;:\-\s]+$/, '');
  s = s.replace(/\bi\b/g, 'I');
  for (const name of casing.names) s = s.replace(nameRegex(name), titleCase(name));
  s = capitalizeFirst(s);
  if (!/[.!?]$/.test(s)) s += terminal;
  return s;
};

export const draft = (
  text: string,
  evidence: Evidence[],
  order: number,
  casing: Casing,
  options: { group?: number; style?: SentenceStyle; terminal?: string; kind?: DraftKind } = {},
): Draft => ({
  text: finishSentence(text, casing, options.terminal),
  kind: options.kind ?? 'structured',
  evidence,
  order,
  group: options.group ?? 0,
  style: options.style ?? 'prose',
});
