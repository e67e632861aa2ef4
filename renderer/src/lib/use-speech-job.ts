import { useJob } from './use-job';

export type SpeechResult = { segments: number; languages: string[] };

const parseSpeech = (result: Record<string, unknown>): SpeechResult => ({
  segments: typeof result.segments === 'number' ? result.segments : 0,
  languages: Array.isArray(result.languages) ? result.languages.filter((l) => typeof l === 'string') : [],
});

/**
 * Follows a 'speech-transcribe' job (an imported file, or the end of a recording) to its end, then
 * reloads the encounter: the transcript, findings and draft note it wrote.
 */
export const useSpeechJob = (onSucceeded: () => Promise<void>) => useJob('speech-transcribe', parseSpeech, onSucceeded);
