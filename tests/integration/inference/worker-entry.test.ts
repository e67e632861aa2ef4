import { fork, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_HANDLERS, WORKER_ENTRY } from './worker-helpers';

/** The worker's side of the protocol, driven directly over a forked child's IPC channel. */
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

const start = (env: NodeJS.ProcessEnv): { child: ChildProcess; stderr: () => string; next: () => Promise<unknown> } => {
  const child = fork(WORKER_ENTRY, [`--extra-handlers=${TEST_HANDLERS}`], {
    execArgv: ['--import', 'tsx'],
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const queue: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  child.on('message', (message) => {
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const next = (): Promise<unknown> =>
    queue.length > 0 ? Promise.resolve(queue.shift()) : new Promise((resolve) => waiters.push(resolve));
  return { child, stderr: () => stderr, next };
};

describe('the inference worker process', () => {
  it('announces its methods, ignores malformed messages with a logged code, and keeps serving', async () => {
    const worker = start({ ...process.env, NODE_ENV: 'test' });
    const ready = (await worker.next()) as { ready: boolean; methods: string[] };
    expect(ready.ready).toBe(true);
    expect(ready.methods).toEqual(expect.arrayContaining(['worker.ping', 'worker.memory', 'test.echo']));
    worker.child.send({ id: -1, method: 'test.echo', params: {} });
    worker.child.send({ hello: 'world' });
    worker.child.send({ id: 1, method: 'test.echo', params: { text: 'ok' }, extra: true });
    worker.child.send({ id: 2, method: 'test.echo', params: { text: 'ok' } });
    expect(await worker.next()).toMatchObject({ id: 2, ok: true, value: { text: 'ok' } });
    await expect
      .poll(() => worker.stderr().match(/worker\.message_invalid[^\n]*VALIDATION_FAILED/g)?.length ?? 0)
      .toBe(3);
  });

  it('loads handler modules from tests/ only in test mode', async () => {
    const worker = start({ ...process.env, NODE_ENV: 'production' });
    const ready = (await worker.next()) as { methods: string[] };
    expect(ready.methods).toEqual(expect.arrayContaining(['worker.memory', 'worker.ping']));
    expect(ready.methods.filter((m) => m.startsWith('test.'))).toEqual([]);
  });
});
