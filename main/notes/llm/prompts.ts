/**
 * The note prompts. One system message carries the instructions and every section's numbered facts,
 * identical for all sections so its KV cache is computed once; each section then asks for its own
 * facts in a short user message. The prompt carries the facts; the model writes the prose.
 */
import type { ChatMessage } from '../../llm/llm-engine';
import type { Fact, SectionFacts } from './section-facts';

const INSTRUCTIONS = [
  'You are a clinical scribe. You write one section of a visit note at a time, from the numbered facts below.',
  'The facts come from the visit transcript; the quotes are what was said.',
  'Use only these facts. Do not add any diagnosis, symptom, medication, dose, allergy, value or plan that is not in them.',
  'Keep what was denied as denied and what is only possible as possible; family history belongs to the family member.',
  'Write concise clinical prose in the third person. No headings, no lists, no fact numbers, no quotation marks.',
].join('\n');

export type PromptBudget = {
  /** The whole prompt (system message and one section's request) in tokens, counted by the model's tokenizer. */
  maxPromptTokens: number;
};

export const DEFAULT_PROMPT_BUDGET: PromptBudget = { maxPromptTokens: 3072 };

const factLine = (fact: Fact, withQuote: boolean): string =>
  withQuote && fact.quote !== null ? `[${fact.id}] ${fact.text} (said: "${fact.quote}")` : `[${fact.id}] ${fact.text}`;

const systemText = (sections: readonly SectionFacts[], withQuotes: boolean): string =>
  [
    INSTRUCTIONS,
    '',
    'FACTS',
    ...sections.flatMap((s) => [`${s.header}:`, ...s.facts.map((f) => factLine(f, withQuotes))]),
  ].join('\n');

export const sectionRequest = (section: SectionFacts): string =>
  `Write the ${section.header} section of the note from facts ${section.facts.map((f) => f.id).join(', ')}.`;

export type TrimLevel = 'none' | 'quotes' | 'facts';

export type NotePrompt = {
  system: ChatMessage;
  sections: readonly SectionFacts[];
  /** What was left out to fit the input budget. */
  trimmed: TrimLevel;
};

export type TokenCounter = (messages: readonly ChatMessage[]) => Promise<number>;

/** Every way to write the prompt, from the fullest to the leanest. */
const candidates = (sections: readonly SectionFacts[]): NotePrompt[] => {
  const make = (kept: readonly SectionFacts[], quotes: boolean, trimmed: TrimLevel): NotePrompt => ({
    system: { role: 'system', content: systemText(kept, quotes) },
    sections: kept,
    trimmed,
  });
  const shares = [0.75, 0.5, 0.25, 0].map((share) =>
    make(
      sections.map((s) => ({ ...s, facts: s.facts.slice(0, Math.max(1, Math.floor(s.facts.length * share))) })),
      false,
      'facts',
    ),
  );
  return [make(sections, true, 'none'), make(sections, false, 'quotes'), ...shares];
};

/**
 * The shared system message within the input budget, counted with the model's own tokenizer: with
 * quotes if they fit, else without, else with a shrinking share of every section's facts kept from
 * its start (the composer puts the most important first). A request never names a dropped fact. When
 * even the leanest prompt is over budget it is returned anyway, and the engine refuses it per section.
 */
export const buildNotePrompt = async (
  sections: readonly SectionFacts[],
  count: TokenCounter,
  budget = DEFAULT_PROMPT_BUDGET,
): Promise<NotePrompt> => {
  const options = candidates(sections);
  for (const prompt of options) {
    let longest = 0;
    for (const section of prompt.sections) longest = Math.max(longest, await count(sectionMessages(prompt, section)));
    if (longest <= budget.maxPromptTokens) return prompt;
  }
  return (
    options[options.length - 1] ?? {
      system: { role: 'system', content: systemText(sections, false) },
      sections,
      trimmed: 'facts',
    }
  );
};

export const sectionMessages = (prompt: NotePrompt, section: SectionFacts): ChatMessage[] => [
  prompt.system,
  { role: 'user', content: sectionRequest(section) },
];
