import { fork } from 'node:child_process';

/**
 * How the host starts a worker process. The app passes an adapter over Electron's utilityProcess
 * (main/app owns that: this folder never imports electron); the CLI and tests use forkSpawner.
 */
export type WorkerSpawnOptions = {
  /** Script to run: a .ts file under tsx (sources, tests) or the bundled inference-worker.cjs. */
  entry: string;
  args: string[];
  /** Node flags for the child, e.g. --max-old-space-size; '--import tsx' is already included for .ts entries. */
  execArgv: string[];
  env: NodeJS.ProcessEnv;
  /** A name for process listings / Electron's serviceName. */
  serviceName: string;
};

export type WorkerExit = { code: number | null; signal: string | null };

export type WorkerProcess = {
  pid: number | undefined;
  /** Structured-clone semantics (typed arrays pass as such); throws when the channel is closed. */
  send: (message: unknown) => void;
  onMessage: (listener: (message: unknown) => void) => void;
  /** Called once, whether the process exited, was killed or failed to start. */
  onExit: (listener: (exit: WorkerExit) => void) => void;
  kill: () => void;
};

export type WorkerSpawner = (options: WorkerSpawnOptions) => WorkerProcess;

/** Flags that let Node run a TypeScript entry (tsx is a devDependency: sources and tests only). */
export const execArgvFor = (entry: string, extra: readonly string[]): string[] =>
  entry.endsWith('.ts') ? ['--import', 'tsx', ...extra] : [...extra];

export const forkSpawner: WorkerSpawner = ({ entry, args, execArgv, env }) => {
  const child = fork(entry, args, {
    execArgv,
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited = false;
  const exitListeners: ((exit: WorkerExit) => void)[] = [];
  const finish = (exit: WorkerExit): void => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(exit);
  };
  child.on('exit', (code, signal) => {
    finish({ code, signal });
  });
  child.on('error', () => {
    // Spawn failures and failed sends land here; a dead child is reported through finish().
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      finish({ code: child.exitCode, signal: child.signalCode });
    }
  });
  return {
    pid: child.pid,
    send: (message) => {
      if (!child.connected) throw new Error('worker channel closed');
      child.send(message as object);
    },
    onMessage: (listener) => {
      child.on('message', listener);
    },
    onExit: (listener) => {
      exitListeners.push(listener);
    },
    kill: () => {
      child.kill('SIGKILL');
    },
  };
};
