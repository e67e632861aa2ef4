/**
 * Is a rewritten sentence worth a line in the note? Counts content words (not function words or
 * conversational glue) and refuses what is only a reaction ("that is great", "she is doing okay").
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but so if then than that this these those there here it its is are was were be been being am ' +
    'i me my you your he him his she her they them their we us our who whom which what when where why how ' +
    'do does did doing done have has had having will would can could should may might must shall not no yes ' +
    'to of in on at by for with from about as into over under up down out off again just really very also ' +
    'still even only too some any all much many more most lot little bit kind sort thing things stuff ' +
    'okay ok alright right well yeah yep oh um uh like know think mean get got getting go going gone want ' +
    'patient say said tell told let make sure see look looks looking good great fine sounds sound feel feels'
  ).split(' '),
);

const WORD = /[a-z0-9]+(?:['-][a-z0-9]+)*/gi;

export const contentWords = (text: string): number => {
  let n = 0;
  for (const m of text.matchAll(WORD)) if (!FUNCTION_WORDS.has(m[0].toLowerCase()) && m[0].length > 1) n += 1;
  return n;
};

const REACTION =
  /^(?:(?:she|he|the patient|it|that|this|everything|things) (?:is|are|has been|was) (?:doing )?(?:okay|ok|good|fine|great|well|alright|all right|perfect|awesome|wonderful|pretty good)|(?:she|he|the patient) (?:does not|do not) know|(?:she|he|the patient) (?:thinks|guesses) so)\b/i;

export const worthKeeping = (text: string, minContent: number): boolean =>
  contentWords(text) >= minContent && !REACTION.test(text);

/**
 * The clinician narrating the visit rather than stating a finding or a plan: "let us look at your
 * results", "I am going to do a quick physical exam", "we will go over my assessment and plan".
 */
const META_TALK =
  /^(?:(?:so|and|now|then|okay|first),? )*(?:we will|we are going to|i am (?:just |also )?going to|let us|let me|i want to|i would like to|i will|i need to)\s+(?:just |quickly |also |now |first |briefly )*(?:go over|talk|look|take a (?:quick )?look|check|examine|do (?:a|an|the|your) (?:\w+ ){0,2}exam(?:ination)?|listen|push|tap|turn|move|have (?:you|her|him) (?:lie|sit|stand)|review|see what|show|pull up|get (?:you|her|him) (?:up|on)|let (?:you|her|him) know|press|feel|move on|start with|switch)\b/i;

export const isMetaTalk = (text: string): boolean => META_TALK.test(text);

/** What the clinician is about to do is not an exam finding. */
export const INTENT =
  /^(?:(?:so|and|now|then|okay),? )*(?:(?:i|we) (?:am|are) (?:just |also )?going to|(?:i|we) (?:want|would like|need) to|let (?:me|us)|i will)\b/i;

/** Explanations to the patient of what a finding means belong to the reasoning, not the exam. */
export const EXPLANATION =
  /\b(?:that means|what that means|which means|what does (?:all )?that mean|concerns? me|i am (?:not )?worried)\b/i;
