/**
 * The slices of Electron that the IPC binding touches, typed structurally so tests pass a fake and
 * the real `ipcMain` / `WebContents` objects satisfy them unchanged.
 */
export type FrameLike = { readonly url: string };

export type SenderLike = { readonly id: number; readonly mainFrame: FrameLike };

/** What `ipcMain.handle` hands a listener (Electron.IpcMainInvokeEvent, narrowed). */
export type InvokeEventLike = { readonly sender: SenderLike; readonly senderFrame: FrameLike | null };

export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
};

/** A window's contents as an event destination. */
export type EventTargetLike = SenderLike & {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
};
