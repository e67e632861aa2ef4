/**
 * Small talk: an utterance made only of greetings, thanks, fillers and courtesy words belongs to no
 * section, whatever the model says (greetings open dialogues of every section in the training data,
 * so the model cannot learn them as "none"). "Yes" and "no" are not small talk: they answer the
 * question before them and take its section from the context.
 */
import { tokenize } from './features';

const SMALL_TALK_WORDS = new Set(
  (
    'hi hello hey hiya morning afternoon evening good great fine well ok okay alright right sure ' +
    'thanks thank you very much so nice to meet see again too how are is it going doing today ' +
    "i am i'm we're we all doc doctor sir ma'am miss mister mrs mr bye goodbye take care have a " +
    'day welcome please come in sit down um uh hmm mm oh wow ah cool awesome perfect lovely pleasure ' +
    "glad be here got that let's get started just and the for your with me this"
  ).split(' '),
);

/** At least one word, and every word is a courtesy or filler word. */
export const isSmallTalk = (text: string): boolean => {
  const tokens = tokenize(text);
  return tokens.length > 0 && tokens.every((t) => SMALL_TALK_WORDS.has(t));
};
