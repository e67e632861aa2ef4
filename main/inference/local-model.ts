/**
 * How every engine points transformers.js at a model folder: remote loading and the file cache off,
 * the folder's parent as the local model path, and the folder's name as the model id. Models come
 * only from the model manager's folder (or a folder the CLI was given), never from the network.
 */
import path from 'node:path';
import { env } from '@huggingface/transformers';

export const localModelId = (modelDir: string): string => {
  const absolute = path.resolve(modelDir);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useFSCache = false;
  env.localModelPath = path.dirname(absolute) + path.sep;
  return path.basename(absolute);
};

/** ONNX Runtime on the CPU with the given intra-op threads (one inter-op thread: graphs here are sequential). */
export const cpuSession = (threads: number | undefined, extra: Record<string, unknown> = {}) => ({
  device: 'cpu' as const,
  session_options: { intraOpNumThreads: threads ?? 1, interOpNumThreads: 1, ...extra },
});
