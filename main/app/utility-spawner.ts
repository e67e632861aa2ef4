/**
 * The inference worker as an Electron utilityProcess: a separate OS process (a native crash or an
 * out-of-memory there ends only that process), messages by structured clone (typed arrays pass as
 * such), and no Node integration in any renderer. The host in main/inference does the rest.
 */
import type { WorkerSpawner } from '../inference/worker-spawner';

/** The slice of Electron's utilityProcess API the spawner uses (typed here so tests can fake it). */
export type UtilityProcessLike = {
  fork(
    modulePath: string,
    args: string[],
    options: { execArgv: string[]; env: NodeJS.ProcessEnv; serviceName: string; stdio: 'inherit' | 'ignore' },
  ): UtilityChildLike;
};
export type UtilityChildLike = {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
};

export const createUtilityProcessSpawner =
  (utilityProcess: UtilityProcessLike): WorkerSpawner =>
  ({ entry, args, execArgv, env, serviceName }) => {
    const child = utilityProcess.fork(entry, args, { execArgv, env, serviceName, stdio: 'inherit' });
    return {
      pid: child.pid,
      send: (message) => {
        child.postMessage(message);
      },
      onMessage: (listener) => {
        child.on('message', listener);
      },
      onExit: (listener) => {
        child.once('exit', (code) => {
          listener({ code, signal: null });
        });
      },
      kill: () => {
        child.kill();
      },
    };
  };
