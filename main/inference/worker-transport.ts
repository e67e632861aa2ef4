import { AppError } from '../../common/errors';

/** The worker's end of the channel: Electron's utilityProcess parentPort, or a forked child's IPC. */
export type WorkerTransport = {
  send: (message: unknown) => void;
  onMessage: (listener: (message: unknown) => void) => void;
};

type ParentPort = {
  postMessage: (message: unknown) => void;
  on: (event: 'message', listener: (event: { data: unknown }) => void) => void;
};

export const processTransport = (): WorkerTransport => {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => {
        parentPort.postMessage(message);
      },
      onMessage: (listener) => {
        parentPort.on('message', (event) => {
          listener(event.data);
        });
      },
    };
  }
  if (process.send) {
    // The host went away: nobody can use our results any more.
    process.on('disconnect', () => process.exit(0));
    return {
      send: (message) => {
        process.send?.(message);
      },
      onMessage: (listener) => {
        process.on('message', listener);
      },
    };
  }
  throw new AppError('INTERNAL', 'The inference worker was started without a channel to its host.');
};
