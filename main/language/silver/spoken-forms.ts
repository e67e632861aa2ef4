/**
 * Silver-set labelling (see tests/fixtures/silver/README.md). Uses only note-side patterns, a documented
 * stop list and string/number matching against the dialogue — never the extractors' lexicons.
 */
/** Spoken forms of numbers: generation, not parsing, so the labels stay independent of the extractors' parser. */
const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const under100 = (n: number): string =>
  n < 20 ? (ONES[n] ?? '') : `${TENS[Math.floor(n / 10)] ?? ''}${n % 10 ? ` ${ONES[n % 10] ?? ''}` : ''}`;

const intForms = (n: number): string[] => {
  const forms = [String(n)];
  if (n < 100) forms.push(under100(n));
  else if (n < 1000) {
    const h = Math.floor(n / 100);
    const r = n % 100;
    const head = `${ONES[h] ?? ''} hundred`;
    forms.push(r ? `${head} ${under100(r)}` : head, r ? `${head} and ${under100(r)}` : head);
    if (h === 1) forms.push(r ? `a hundred ${under100(r)}` : 'a hundred');
    if (r >= 10) forms.push(`${ONES[h] ?? ''} ${under100(r)}`); // "one twenty eight"
    if (r > 0 && r < 10) forms.push(`${ONES[h] ?? ''} oh ${ONES[r] ?? ''}`);
  } else if (n % 1000 === 0 && n < 100000) forms.push(`${under100(n / 1000)} thousand`);
  return forms;
};

export const numberForms = (n: number): string[] => {
  if (Number.isInteger(n)) return intForms(n);
  const [i, f = ''] = String(n).split('.');
  const ints = intForms(Number(i));
  const fracWords = f
    .split('')
    .map((d) => ONES[Number(d)] ?? d)
    .join(' ');
  const forms = [String(n), `${i ?? ''} . ${f}`];
  for (const head of ints)
    for (const sep of [' . ', ' point ']) forms.push(`${head}${sep}${fracWords}`, `${head}${sep}${f}`);
  if (f === '5') forms.push(...ints.map((h) => `${h} and a half`));
  return forms;
};

/** Lowercased word/number tokens joined by single spaces, padded, for whole-token phrase search. */
export const normTurn = (text: string): string =>
  ` ${(
    text
      .toLowerCase()
      .replace(/-/g, ' ')
      .match(/\d+(?:\.\d+)?|[a-z0-9]+(?:'[a-z]+)?|[.%/]/g) ?? []
  ).join(' ')} `;

export const containsAny = (turn: string, forms: string[]): boolean =>
  forms.some((f) => turn.includes(` ${normTurn(f).trim()} `));

export const phraseForms = (p: string): string[] => {
  const low = p.toLowerCase();
  return [...new Set([low, low.replace(/-/g, ''), low.replace(/[\s-]/g, ''), low.replace(/-/g, ' ')])];
};
