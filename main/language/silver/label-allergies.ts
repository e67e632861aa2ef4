/**
 * Silver-set labelling (see tests/fixtures/silver/README.md). Uses only note-side patterns, a documented
 * stop list and string/number matching against the dialogue — never the extractors' lexicons.
 */
import type { SilverEncounter } from './set';
import { sections } from './note-sections';
import { containsAny, normTurn, phraseForms } from './spoken-forms';

const NKA_NOTE =
  /\bno known (?:drug )?allergies\b|\bNKDA\b|\b(?:denies|no) (?:any )?(?:drug |medication )?allergies\b/i;

export const silverAllergies = (note: string, turns: string[]): SilverEncounter['allergies'] => {
  const substances = new Set<string>();
  let nkaNote = false;
  for (const { header, body } of sections(note)) {
    if (!/ALLERG/.test(header)) continue;
    if (NKA_NOTE.test(body) || /^\s*none\.?\s*$/i.test(body)) nkaNote = true;
    else
      for (const line of body.split('\n')) {
        if (line.trim() === '' || /seasonal/i.test(line)) continue;
        const head =
          line
            .replace(/^(?:patient reports|the patient (?:is|reports))\s+/i, '')
            .split(/\s(?:causes?|leads? to|results? in)\b|[:(]/i)[0] ?? '';
        for (const item of head.split(/,\s*(?:and\s+)?|\s+and\s+/)) {
          const s = item.replace(/[.\s]+$/, '').trim();
          if (s !== '') substances.add(s.toLowerCase());
        }
      }
  }
  if (NKA_NOTE.test(note.replace(/seasonal allergies/gi, ''))) nkaNote = true;
  for (const m of note.matchAll(
    /\ballerg(?:ic|y|ies) to ([A-Za-z][A-Za-z -]*?)(?=[,.;]|\s(?:and|which|that|as|but|with)\b|$)/gim,
  ))
    substances.add((m[1] ?? '').trim().toLowerCase());
  const normTurns = turns.map(normTurn);
  const allergyTurn = (i: number): boolean => [i - 1, i, i + 1].some((j) => /allerg|reaction/.test(normTurns[j] ?? ''));
  const said = [...substances].filter(
    (s) => !/seasonal/.test(s) && normTurns.some((t, i) => containsAny(t, phraseForms(s)) && allergyTurn(i)),
  );
  const nkaSaid = normTurns.some(
    (t, i) =>
      /allerg/.test(t) &&
      !/seasonal|pollen|hay fever/.test(t) &&
      (/ (?:no|not|n't|none|nope|deny|denies) /.test(t) || /^ (?:no|nope|none|not that) /.test(normTurns[i + 1] ?? '')),
  );
  return { noKnownAllergies: nkaNote && nkaSaid && said.length === 0, substances: said.sort() };
};
