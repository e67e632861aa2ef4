/** What the renderer checks before sending a transcript file to main (main checks again). */
export const MAX_TRANSCRIPT_BYTES = 10 * 1024 * 1024;
export const TRANSCRIPT_FILE_TYPES = '.txt,.vtt,.srt,.json';

export const FORMAT_LABELS = {
  aci: 'ACI-Bench dialogue',
  mts: 'MTS-Dialog dialogue',
  vtt: 'WebVTT captions',
  srt: 'SRT subtitles',
  json: 'JSON segments',
  plain: 'Plain text',
} as const;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** A message for a file that must not be sent, or null when it may be. */
export const checkTranscriptFile = (file: { size: number }): string | null => {
  if (file.size > MAX_TRANSCRIPT_BYTES)
    return `The file is ${megabytes(file.size)}; transcripts are limited to 10 MB. Split it into smaller files.`;
  return null;
};
