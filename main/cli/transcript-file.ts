import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import type { SegmentInput } from '../language/segment';
import { parseTranscriptBytes, type ParsedTranscript } from '../language/transcript';
import { UsageError } from './context';

export type LoadedTranscript = ParsedTranscript & {
  segments: Array<ParsedTranscript['segments'][number] & SegmentInput>;
};

/** Reads and parses a transcript file given on the command line; segments get ids `s0`, `s1`, … */
export const loadTranscriptFile = (file: string | undefined): LoadedTranscript => {
  if (!file) throw new UsageError('--transcript FILE is required.');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', 'Cannot read the transcript file.');
  }
  const parsed = parseTranscriptBytes({ bytes, fileName: path.basename(file) });
  return { ...parsed, segments: parsed.segments.map((s, i) => ({ ...s, id: `s${i}` })) };
};

export const readDataFile = (file: string | undefined, flag = '--data'): string => {
  if (!file) throw new UsageError(`${flag} FILE is required.`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', `Cannot read the file given to ${flag}.`);
  }
};
