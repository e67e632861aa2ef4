import { CHANNEL_NAMES, EVENT_NAMES } from '../../common/contract';
import { BRIDGE_TOKEN_PARAM } from './bridge-protocol';

/**
 * TEST ONLY. The source of a script that Playwright's `page.addInitScript` runs before any page
 * script: it defines a frozen `window.quietchart` with the same behaviour as preload (unknown
 * channels refused without a round trip, transport failures resolved as INTERNAL, only contract
 * events delivered, handler errors isolated), carried over the bridge host's WebSocket.
 * It is a plain string, not a serialised function, so no test-runner transform can change it.
 */
export type BridgeClientConfig = { bridgeUrl: string; token: string };

export const bridgeClientScript = ({ bridgeUrl, token }: BridgeClientConfig): string => {
  const config = JSON.stringify({
    url: `${bridgeUrl}?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`,
    channels: CHANNEL_NAMES,
    events: EVENT_NAMES,
  });
  return `(() => {
  'use strict';
  if (window.top !== window) return;
  const config = ${config};
  const channels = new Set(config.channels);
  const events = new Set(config.events);
  const pending = new Map();
  const queue = [];
  const subscribers = new Map();
  let nextId = 1;
  let closed = false;

  const unexpected = () => ({ ok: false, error: { code: 'INTERNAL', message: 'Quietchart did not answer as expected.' } });
  const isResult = (r) =>
    typeof r === 'object' && r !== null &&
    ((r.ok === true && 'value' in r) ||
      (r.ok === false && typeof r.error === 'object' && r.error !== null &&
        typeof r.error.code === 'string' && typeof r.error.message === 'string'));

  const socket = new WebSocket(config.url);
  socket.addEventListener('open', () => {
    for (const data of queue.splice(0)) socket.send(data);
  });
  socket.addEventListener('message', (event) => {
    let message;
    try { message = JSON.parse(String(event.data)); } catch { return; }
    if (typeof message !== 'object' || message === null) return;
    if ('id' in message) {
      const resolve = pending.get(message.id);
      if (!resolve) return;
      pending.delete(message.id);
      resolve(isResult(message.result) ? message.result : unexpected());
      return;
    }
    if (!events.has(message.event)) return;
    for (const handler of [...(subscribers.get(message.event) || [])]) {
      try { handler(message.payload); } catch { /* one failing handler must not silence the others */ }
    }
  });
  socket.addEventListener('close', () => {
    closed = true;
    queue.length = 0;
    for (const resolve of pending.values()) resolve(unexpected());
    pending.clear();
  });

  const invoke = (channel, request) =>
    new Promise((resolve) => {
      if (!channels.has(channel)) {
        resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel.' } });
        return;
      }
      if (closed) { resolve(unexpected()); return; }
      const id = nextId++;
      let data;
      try { data = JSON.stringify({ id, channel, request }); } catch { resolve(unexpected()); return; }
      pending.set(id, resolve);
      if (socket.readyState === WebSocket.OPEN) socket.send(data); else queue.push(data);
    });

  const on = (event, handler) => {
    if (!events.has(event)) throw new Error('Unknown event.');
    if (typeof handler !== 'function') throw new Error('An event handler must be a function.');
    const set = subscribers.get(event) || new Set();
    subscribers.set(event, set);
    const entry = (payload) => handler(payload);
    set.add(entry);
    return () => { set.delete(entry); };
  };

  Object.defineProperty(window, 'quietchart', {
    value: Object.freeze({ invoke, on }),
    writable: false, configurable: false, enumerable: false,
  });
  Object.defineProperty(window, '__QUIETCHART_TEST_BRIDGE__', {
    value: true, writable: false, configurable: false, enumerable: false,
  });
})();`;
};
