/**
 * Silver-set labelling (see tests/fixtures/silver/README.md). Uses only note-side patterns, a documented
 * stop list and string/number matching against the dialogue — never the extractors' lexicons.
 */
import type { SilverEncounter } from './set';
import { sections } from './note-sections';
import { containsAny, normTurn, numberForms, phraseForms } from './spoken-forms';

type SilverMedication = SilverEncounter['medications'][number];

/** Words the note-side patterns can capture that are never (part of) a medication name; documented in the README. */
const NOT_A_DRUG = new Set(
  `medication medications medicine medicines meds none pain dietary diet therapy physical his her the a an
daily dose doses dosage current regimen blood pressure sugar exercise water fluids ice heat rest brace sling splint boot referral labs lab
test to of at and or with on for in from by as is was were be been being that which who this these those it its
increase increased decrease decreased continue continued start started take taking takes reports patient she he they them him
over counter anti inflammatory inflammatories nsaids antibiotic antibiotics steroid steroids prescription prescribe prescribed order
ordered supplement supplements otc home treatment plan tablet tablets pill pills capsule cream gel injection shot drops inhaler patch
new same high low mg use using twice once needed mouth showed elevation elevated intake salt sodium extra day days week weeks month
monday tuesday wednesday thursday friday saturday sunday sundays january february march april may june july august september october
november december not no every other each first thing morning night evening bedtime per times hour hours half prn already birth control topical oral`.split(
    /\s+/,
  ),
);
/** Words that are part of a name ("vitamin D", "fish oil") but never a name alone. */
const NOT_ALONE = new Set(['vitamin', 'fish', 'scar', 'nicotine']);
const DRUG_SUFFIX =
  /(?:pril|sartan|olol|alol|statin|formin|azole|cillin|mycin|micin|cycline|floxacin|prazole|tidine|dipine|oxetine|aline|pram|azepam|zolam|codone|morphine|profen|oxib|triptan|gliptin|gliflozin|glutide|parin|xaban|gatran|semide|thiazide|lukast|terol|sonide|asone|olone|isone|pentin|gabalin|amine|azine|idone|apine|afil|osin|asteride|vir|conazole|mab|nib|tropium|olol)$/i;
const MED_VERB =
  /\b(?:prescribed?|start(?:ed)?|initiated?|continued?|increased?|decreased?|refill(?:ed)?|discontinued?|stop(?:ped)?|taking|takes|switch(?:ed)? to|trial of|course of|prescription for|recommend(?:ed)?|added?|using|uses|on)\s+(?:(?:him|her|the patient|them)\s+)?(?:(?:on|with|to)\s+)?(?:(?:a|an|the|his|her|some)\s+)?([A-Za-z][A-Za-z-]+(?:\s[A-Za-z][A-Za-z-]+)?)/g;
const DOSE_AFTER =
  /\b([A-Za-z][A-Za-z-]+(?:\s[A-Za-z][A-Za-z-]*)?)\s+(?:(?:to|at|of)\s+)?(\d+(?:\.\d+)?)\s?(?:mg|mcg|g|units|IU|mL|ml)\b(?!\/)/g;
const DOSE_BEFORE =
  /\b(\d+(?:\.\d+)?)\s?(?:mg|mcg|units|IU)(?!\/)\s+(?:of\s+)?([A-Za-z][A-Za-z-]+(?:\s[A-Za-z][A-Za-z-]+)?)/g;

/** A note-side phrase; the drug is at its start (anchor 'start') or right before a dose (anchor 'end'). */
type Candidate = { phrase: string; dose: number | null; anchor: 'start' | 'end' };

const medicationCandidates = (note: string): Candidate[] => {
  const out: Candidate[] = [];
  for (const { header, body } of sections(note)) {
    if (!/MEDICATIONS/.test(header)) continue;
    for (const line of body.split('\n')) {
      if (line.trim() === '' || /\b(?:none|denies)\b/i.test(line)) continue;
      const rest = line.replace(/^.*?\b(?:taking|takes|utilizes|utilizing|using|uses|take)\b\s*/i, '');
      for (const item of rest.split(/,\s*(?:and\s+)?|\s+and\s+|;/)) {
        const head =
          item
            .trim()
            .replace(/^(?:an?|the|occasional(?:ly)?|some|his|her)\s+/i, '')
            .split(
              /\s(?=\d|by\b|tablets?\b|prn\b|applied\b|daily\b|as\b|inhaler\b|half\b|to\b|on\b|for\b|once\b|twice\b)|\d|\(/i,
            )[0] ?? '';
        const phrase = head.replace(/[.\s]+$/, '').trim();
        if (phrase !== '')
          out.push({
            phrase,
            anchor: 'start',
            dose: Number(/(\d+(?:\.\d+)?)\s?(?:mg|mcg|g|units|IU)\b/i.exec(item)?.[1] ?? NaN) || null,
          });
      }
    }
  }
  for (const m of note.matchAll(DOSE_AFTER)) out.push({ phrase: m[1] ?? '', dose: Number(m[2]), anchor: 'end' });
  for (const m of note.matchAll(DOSE_BEFORE)) out.push({ phrase: m[2] ?? '', dose: Number(m[1]), anchor: 'start' });
  for (const m of note.matchAll(MED_VERB)) {
    const phrase = m[1] ?? '';
    const first = phrase.split(/\s/)[0] ?? '';
    const before = note.slice(
      Math.max(0, m.index + m[0].length - phrase.length - 2),
      m.index + m[0].length - phrase.length,
    );
    const capitalisedMidSentence = /^[A-Z][a-z]/.test(first) && !/[.:\n]\s*$/.test(before);
    if (DRUG_SUFFIX.test(first) || capitalisedMidSentence) out.push({ phrase, dose: null, anchor: 'start' });
  }
  return out;
};

/** Sub-phrases to try, longest first: leading words for 'start', trailing words for 'end'; a stop word ends the phrase. */
const namePhrases = (cand: Candidate): string[] => {
  const words = cand.phrase
    .replace(/^(?:an?|the|his|her|some)\s+/i, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  const ordered = cand.anchor === 'start' ? words : [...words].reverse();
  const kept: string[] = [];
  for (const w of ordered) {
    if (NOT_A_DRUG.has(w.toLowerCase())) break;
    kept.push(w);
  }
  const out: string[] = [];
  for (let k = kept.length; k >= 1; k -= 1) {
    const part = cand.anchor === 'start' ? kept.slice(0, k) : kept.slice(0, k).reverse();
    if (k === 1 && ((part[0]?.length ?? 0) < 3 || NOT_ALONE.has(part[0]?.toLowerCase() ?? ''))) continue;
    out.push(part.join(' '));
  }
  return out;
};

export const silverMedications = (note: string, turns: string[]): SilverMedication[] => {
  const normTurns = turns.map(normTurn);
  const byName = new Map<string, Set<number>>();
  for (const cand of medicationCandidates(note)) {
    for (const phrase of namePhrases(cand)) {
      const forms = phraseForms(phrase);
      const hits = normTurns.map((t, i) => (containsAny(t, forms) ? i : -1)).filter((i) => i >= 0);
      if (hits.length === 0) continue;
      const name = normTurn(phrase).trim();
      const doses = byName.get(name) ?? new Set<number>();
      byName.set(name, doses);
      const dose = cand.dose;
      if (
        dose !== null &&
        hits.some((i) => [i - 1, i, i + 1].some((j) => containsAny(normTurns[j] ?? '', numberForms(dose))))
      )
        doses.add(dose);
      break;
    }
  }
  return [...byName]
    .map(([name, doses]) => ({ name, doses: [...doses].sort((a, b) => a - b) }))
    .sort((a, b) => a.name.localeCompare(b.name));
};
