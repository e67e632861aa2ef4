/** More words than this add nothing to a search box and only cost time. */
export const MAX_SEARCH_TOKENS = 16;

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Turns what a user typed into FTS5 MATCH expressions, one per word: each word is a quoted string
 * (embedded quotes doubled) with a prefix star, so `OR`, `NEAR(`, `*`, `:` and unbalanced quotes or
 * parentheses are plain text and never FTS5 syntax. Words with no letter or digit cannot match and
 * are dropped; no words left means "no filter".
 */
export const toMatchTerms = (text: string): string[] =>
  text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((word) => HAS_WORD_CHAR.test(word))
    .slice(0, MAX_SEARCH_TOKENS)
    .map((word) => `"${word.replaceAll('"', '""')}"*`);
