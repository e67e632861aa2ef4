/**
 * Written-note conventions for numbers and units: "forty milligrams a day" → "40 mg daily",
 * "twenty eighteen" → "2018", "three out of six" → "3/6", "one twenty seven over eighty" → "127/80".
 * "one" stays a word unless a unit or a time word follows ("the one you prescribed").
 */
import { findNumbers } from '../../../language/vitals/spoken-numbers';

type Rule = readonly [RegExp, string];

const NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|point)\b/i;

/** After a lone "one", these make it a quantity. */
const QUANTITY_AFTER =
  /^\s*(?:-?\s*)?(?:mg|milligrams?|micrograms?|mcg|grams?|units?|ml|milliliters?|tablets?|pills?|capsules?|puffs?|drops?|times?|days?|weeks?|months?|years?|hours?|minutes?|nights?|mornings?|episodes?|pounds?|lbs?|kilograms?|kg|inch(?:es)?|feet|foot|centimeters?|cm|millimeters?|mm|percent|%|out of|over|plus|to \w+|or \w+|and a half|point|year old|-year-old|a day|a week|per|cups?|drinks?|beers?|glasses?|packs?|cigarettes?|servings?|liters?|miles?|blocks?|flights?)\b/i;

const YEAR_START = new Set([19, 20]);

const digits = (text: string): string => {
  const nums = findNumbers(text).filter((n) => n.words);
  if (nums.length === 0) return text;
  let out = '';
  let last = 0;
  for (let i = 0; i < nums.length; i += 1) {
    const n = nums[i];
    if (n === undefined) continue;
    const next = nums[i + 1];
    let value = String(n.value);
    let end = n.end;
    // "twenty eighteen" / "nineteen ninety" are years.
    if (
      next !== undefined &&
      YEAR_START.has(n.value) &&
      next.value >= 10 &&
      next.value < 100 &&
      /^\s+$/.test(text.slice(n.end, next.start))
    ) {
      value = `${n.value}${String(next.value).padStart(2, '0')}`;
      end = next.end;
      i += 1;
    } else if (n.value === 1 && !QUANTITY_AFTER.test(text.slice(n.end))) continue;
    else if (n.value === 0 && /^oh$/i.test(text.slice(n.start, n.end))) continue;
    out += text.slice(last, n.start) + value;
    last = end;
  }
  return out + text.slice(last);
};

const UNIT_RULES: readonly Rule[] = [
  [/\b(\d+(?:\.\d+)?) out of (\d+)\b/gi, '$1/$2'],
  [/\b(\d{2,3}) over (\d{2,3})\b/gi, '$1/$2'],
  [/\b(\d+) and a half\b/gi, '$1.5'],
  [/\b(\d) plus\b/gi, '$1+'],
  [/(?<![\d.] ?)\bpoint (\d+)\b/gi, '0.$1'],
  [/\bmilligrams?\b/gi, 'mg'],
  [/\bmicrograms?\b/gi, 'mcg'],
  [/\bmilliliters?\b/gi, 'mL'],
  [/\bkilograms?\b/gi, 'kg'],
  [/\bcentimeters?\b/gi, 'cm'],
  [/\bmillimeters?\b/gi, 'mm'],
  [/\s?percent\b/gi, '%'],
  [/\b(\d+(?:\.\d+)?) degrees\b/gi, '$1 degrees'],
  [/\b(\d+)[ -]years?[ -]old\b/gi, '$1-year-old'],
  [/\b(mg|mcg|units?|tablets?|pills?|capsules?|puffs?)(,?) (?:once )?(?:a|per) day\b/gi, '$1$2 daily'],
  [/\b(once|twice|\d+ times) (?:a|per) day\b/gi, '$1 daily'],
  [/\b2 times daily\b/gi, 'twice daily'],
  [/\bx-rays?\b/gi, 'x-ray'],
];

export const normalizeNumbers = (text: string): string => {
  const withDigits = NUMBER_WORD.test(text) ? digits(text) : text;
  return UNIT_RULES.reduce((acc, [re, to]) => acc.replace(re, to), withDigits);
};
