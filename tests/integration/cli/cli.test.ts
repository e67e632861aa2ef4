import { execFile } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main';
import { makeTempDir, SYNTHETIC_PATIENT, TEST_PASSPHRASE, TEST_SCRYPT_COST } from '../../helpers/temp-runtime';
import { openRawConnection } from '../store/fixture';

type Run = { code: number; stdout: string; stderr: string };

const cli = async (
  args: string[],
  opts: { stdin?: string; env?: Record<string, string | undefined> } = {},
): Promise<Run> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]),
    env: { QUIETCHART_PASSPHRASE: TEST_PASSPHRASE, QUIETCHART_SCRYPT_COST: String(TEST_SCRYPT_COST), ...opts.env },
    version: '0.0.0-test',
  });
  return { code, stdout, stderr };
};

describe('quietchart CLI', () => {
  let db: string;
  beforeAll(async () => {
    db = path.join(makeTempDir(), 'store.db');
    const init = await cli(['db', 'init', '--db', db, '--clinician', 'Dr Test', '--json']);
    expect(init.code).toBe(0);
  });

  it('reports status as JSON', async () => {
    const r = await cli(['db', 'status', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      encrypted: true,
      schemaVersion: expect.any(Number) as number,
      encounters: 0,
    });
  });

  it('creates an encounter from JSON on stdin, lists and shows it', async () => {
    const created = await cli(['encounter', 'create', '--db', db, '--json'], {
      stdin: JSON.stringify({ ...SYNTHETIC_PATIENT, reason: 'Chest pain' }),
    });
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.stdout) as { id: string };
    const list = await cli(['encounter', 'list', '--db', db, '--query', 'Synthetic', '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject({ total: 1, items: [{ id }] });
    const shown = await cli(['encounter', 'show', id, '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Chest pain');
  });

  it('refuses invalid patient JSON with a clear error and creates nothing', async () => {
    const before = JSON.parse((await cli(['db', 'status', '--db', db, '--json'])).stdout) as { encounters: number };
    const bad = await cli(['encounter', 'create', '--db', db, '--json'], { stdin: '{"name":"X","dob":"yesterday"}' });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(bad.stderr).toContain('dob');
    expect(bad.stderr).not.toContain('yesterday');
    const notJson = await cli(['encounter', 'create', '--db', db], { stdin: 'name=X' });
    expect(notJson.code).toBe(1);
    const after = JSON.parse((await cli(['db', 'status', '--db', db, '--json'])).stdout) as { encounters: number };
    expect(after.encounters).toBe(before.encounters);
  });

  it('refuses a wrong passphrase clearly', async () => {
    const r = await cli(['db', 'status', '--db', db, '--json'], { env: { QUIETCHART_PASSPHRASE: 'wrong' } });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'STORE_WRONG_KEY' } });
  });

  it('asks for the passphrase variable instead of reading it from arguments', async () => {
    const r = await cli(['db', 'status', '--db', db], { env: { QUIETCHART_PASSPHRASE: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QUIETCHART_PASSPHRASE');
  });

  it('verifies the audit chain', async () => {
    const r = await cli(['audit', 'verify', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, reason: 'ok' });
  });

  it('fails audit verify and says which event was altered when a row is tampered with', async () => {
    const dir = makeTempDir();
    const tampered = path.join(dir, 'store.db');
    await cli(['db', 'init', '--db', tampered]);
    await cli(['encounter', 'create', '--db', tampered], { stdin: JSON.stringify(SYNTHETIC_PATIENT) });
    const files = { dir, dbPath: tampered, keyInfoPath: `${tampered}.keyinfo.json` };
    const raw = await openRawConnection(files, TEST_PASSPHRASE);
    raw.exec('DROP TRIGGER audit_events_no_update');
    raw.exec(`UPDATE audit_events SET details_json = '{"forged":true}' WHERE seq = 2`);
    raw.close();
    const r = await cli(['audit', 'verify', '--db', tampered, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, reason: 'mac_mismatch', brokenAt: 2 });
    const human = await cli(['audit', 'verify', '--db', tampered]);
    expect(human.stdout).toContain('event 2 was altered');
  });

  it('fails audit verify when the newest events are deleted', async () => {
    const dir = makeTempDir();
    const cut = path.join(dir, 'store.db');
    await cli(['db', 'init', '--db', cut]);
    await cli(['encounter', 'create', '--db', cut], { stdin: JSON.stringify(SYNTHETIC_PATIENT) });
    const raw = await openRawConnection({ dir, dbPath: cut, keyInfoPath: `${cut}.keyinfo.json` }, TEST_PASSPHRASE);
    raw.exec('DROP TRIGGER audit_events_no_delete');
    const { last } = raw.prepare('SELECT max(seq) AS last FROM audit_events').get() as { last: number };
    raw.exec(`DELETE FROM audit_events WHERE seq >= ${last - 1}`);
    raw.close();
    const r = await cli(['audit', 'verify', '--db', cut, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('rejects unknown commands with usage and exit code 2', async () => {
    const r = await cli(['encounter', 'delete']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage');
  });

  it('runs as `npm run -s cli` from a checkout', async () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '-s', 'cli', '--', 'db', 'status', '--db', db, '--json'],
      {
        cwd: root,
        env: { ...process.env, QUIETCHART_PASSPHRASE: TEST_PASSPHRASE },
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ encrypted: true });
  });
});
