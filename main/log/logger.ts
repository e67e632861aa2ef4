import { redact } from './redact';

/** Values a log line may carry: ids, counts, durations, codes. No free text from patient data. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(scope: string): Logger;
};

export type LogSink = (line: string) => void;

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let sink: LogSink = (line) => process.stderr.write(`${line}\n`);
let threshold: LogLevel = process.env.QUIETCHART_LOG_LEVEL === 'debug' ? 'debug' : 'info';

/** Redirect all loggers (tests capture lines; the app writes to its log file). Returns an undo. */
export const setLogSink = (next: LogSink, level: LogLevel = threshold): (() => void) => {
  const previous = { sink, threshold };
  sink = next;
  threshold = level;
  return () => {
    sink = previous.sink;
    threshold = previous.threshold;
  };
};

export const createLogger = (scope: string): Logger => {
  const write = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    if (LEVELS[level] < LEVELS[threshold]) return;
    // The timestamp is ours, not data: prepend it after redaction so the date rule leaves it alone.
    const body = redact(JSON.stringify({ scope, event, ...fields }));
    sink(`{"t":"${new Date().toISOString()}","level":"${level}",${body.slice(1)}`);
  };
  return {
    debug: (event, fields) => {
      write('debug', event, fields);
    },
    info: (event, fields) => {
      write('info', event, fields);
    },
    warn: (event, fields) => {
      write('warn', event, fields);
    },
    error: (event, fields) => {
      write('error', event, fields);
    },
    child: (sub) => createLogger(`${scope}.${sub}`),
  };
};
