import type { InvokeEventLike } from './types';

export type SenderCheck = (event: InvokeEventLike) => boolean;

/**
 * A sender is trusted only when the frame that sent the message is the top-level frame of its
 * window and shows a page of the app's own origin. Subframes and any other origin are refused,
 * even inside our own window, so injected or embedded content cannot reach the services.
 */
export const createSenderCheck =
  (isAppUrl: (url: string) => boolean): SenderCheck =>
  (event) => {
    const frame = event.senderFrame;
    if (!frame) return false; // navigated away or destroyed while the message was in flight
    if (frame !== event.sender.mainFrame) return false;
    return isAppUrl(frame.url);
  };
