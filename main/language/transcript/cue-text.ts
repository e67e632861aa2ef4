import type { SegmentCollector } from './collector';
import { isKnownSpeakerLabel } from './speaker-labels';
import { lineLabel } from './labelled-lines';

/**
 * The text of a WebVTT or SRT cue → one or more speaker turns. WebVTT voice spans (`<v Dr Lee>`,
 * `<v.loud Patient>`) name the speaker and may change it mid-cue; other markup (<i>, <b>, <c.x>,
 * <font>, inline timestamps, {\an8}) is dropped; a known label at the start ("Doctor: ...") also
 * names the speaker.
 */
const VOICE = /<v(?:\.[^\s>]*)*(?:\s+([^>]*))?>/g;
const TAG = /<[^>]*>/g;
const ASS_OVERRIDE = /\{\\[^}]*\}/g;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
};

export const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

const plain = (text: string, entities: boolean): string => {
  const stripped = text.replace(TAG, '').replace(ASS_OVERRIDE, '');
  return entities ? decodeEntities(stripped) : stripped;
};

export type CueTextOptions = { startMs: number | null; endMs: number | null; line: number; decodeEntities: boolean };

export const pushCueText = (out: SegmentCollector, payload: string, options: CueTextOptions): void => {
  const { startMs, endMs, line } = options;
  const pushPiece = (label: string | null, raw: string): void => {
    let text = plain(raw, options.decodeEntities).replace(/\s+/g, ' ').trim();
    let speaker = label;
    if (speaker === null) {
      const found = lineLabel(text);
      if (found && isKnownSpeakerLabel(found.label)) {
        speaker = found.label;
        text = found.rest;
      }
    }
    out.push({ label: speaker, text, startMs, endMs, line });
  };
  let label: string | null = null;
  let from = 0;
  for (const match of payload.matchAll(VOICE)) {
    pushPiece(label, payload.slice(from, match.index));
    label = plain(match[1] ?? '', options.decodeEntities).trim() || null;
    from = match.index + match[0].length;
  }
  pushPiece(label, payload.slice(from));
};
