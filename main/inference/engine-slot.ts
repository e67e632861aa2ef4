/**
 * One loaded model per kind inside the inference worker: asking for another folder, precision or
 * thread count disposes the first before loading. A failed load is not kept, so the next request
 * tries again (after the model is re-imported, say).
 */
export type Disposable = { dispose(): Promise<void> };

export type EngineParams = { modelDir: string; precision: string; threads: number };

export type EngineSlot<P extends EngineParams, E extends Disposable> = {
  get(params: P): Promise<E>;
  /** Disposes the loaded engine, if any; true when there was one. */
  unload(): Promise<boolean>;
};

export const createEngineSlot = <P extends EngineParams, E extends Disposable>(
  load: (params: P) => Promise<E>,
): EngineSlot<P, E> => {
  let loaded: { key: string; engine: Promise<E> } | null = null;
  const unload = async (): Promise<boolean> => {
    const previous = loaded;
    loaded = null;
    if (previous) await (await previous.engine.catch(() => null))?.dispose();
    return previous !== null;
  };
  return {
    async get(params) {
      const key = `${params.modelDir}\u0000${params.precision}\u0000${String(params.threads)}`;
      if (loaded?.key !== key) {
        await unload();
        const engine = load(params);
        loaded = { key, engine };
        engine.catch(() => {
          if (loaded?.key === key) loaded = null;
        });
      }
      return loaded.engine;
    },
    unload,
  };
};
