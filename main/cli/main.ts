import { parseArgs } from 'node:util';
import { isAppError } from '../../common/errors';
import { auditVerify } from './commands/audit';
import { dbInit, dbStatus } from './commands/db';
import { encounterCreate, encounterList, encounterShow } from './commands/encounter';
import { UsageError, type CliContext } from './context';
import { createOutput } from './io';

export const USAGE = `Usage: quietchart [--json] [--db PATH] <command>

Store (passphrase from QUIETCHART_PASSPHRASE; --db or QUIETCHART_DB selects the file):
  db init [--clinician NAME]     create or open the encrypted store and migrate it
  db status                      schema version, counts, encryption
  encounter create               patient JSON on stdin: {"name","dob":"YYYY-MM-DD","mrn","reason"?}
  encounter list [--query Q] [--limit N]
  encounter show ID
  audit verify                   check the audit log's HMAC chain (exit 1 if broken)
`;

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  version: string;
};

/** Parses argv, runs one command, returns the exit code. Errors print their code, never patient data. */
export const runCli = async (argv: string[], io: CliIo): Promise<number> => {
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        db: { type: 'string' },
        clinician: { type: 'string' },
        query: { type: 'string', default: '' },
        limit: { type: 'string', default: '50' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    json = values.json;
    const ctx: CliContext = {
      out: createOutput(json, io.stdout),
      options: { json, db: values.db },
      env: io.env,
      stdin: io.stdin,
      version: io.version,
    };
    const [group, verb, ...rest] = positionals;
    if (values.help || !group) {
      io.stdout(USAGE);
      return values.help ? 0 : 2;
    }
    const command = `${group} ${verb ?? ''}`.trim();
    switch (command) {
      case 'db init':
        await dbInit(ctx, { clinician: values.clinician });
        return 0;
      case 'db status':
        await dbStatus(ctx);
        return 0;
      case 'encounter create':
        await encounterCreate(ctx);
        return 0;
      case 'encounter list': {
        const limit = Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be 1..500.');
        await encounterList(ctx, { query: values.query, limit });
        return 0;
      }
      case 'encounter show':
        await encounterShow(ctx, rest[0] ?? '');
        return 0;
      case 'audit verify':
        return await auditVerify(ctx);
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    const code = isAppError(error) ? error.code : usage ? 'USAGE' : 'INTERNAL';
    const known = isAppError(error) || usage;
    const message =
      known && error instanceof Error ? error.message : 'An unexpected error occurred (see the log for its code).';
    if (json) io.stdout(`${JSON.stringify({ error: { code, message } })}\n`);
    io.stderr(`quietchart: ${message}\n${usage ? `\n${USAGE}` : ''}`);
    return usage ? 2 : 1;
  }
};
