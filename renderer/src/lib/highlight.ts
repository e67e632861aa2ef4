import { useCallback, useMemo, useState } from 'react';
import type { Evidence } from '../../../common/findings';

/**
 * Which evidence the transcript marks: what the pointer is over wins, else what has focus. Sources
 * (note sentences, findings) call `bind(key, evidence)` to get their event handlers.
 */
type Active = { key: string; evidence: readonly Evidence[] };

export type HighlightHandlers = {
  onMouseEnter: () => void;
  onMouseLeave: () => void;
  onFocus: () => void;
  onBlur: () => void;
};

export type Highlight = {
  evidence: readonly Evidence[];
  activeKey: string | null;
  bind: (key: string, evidence: readonly Evidence[]) => HighlightHandlers;
  clear: () => void;
};

const NONE: readonly Evidence[] = [];

export const useHighlight = (): Highlight => {
  const [hovered, setHovered] = useState<Active | null>(null);
  const [focused, setFocused] = useState<Active | null>(null);
  const bind = useCallback(
    (key: string, evidence: readonly Evidence[]): HighlightHandlers => ({
      onMouseEnter: () => {
        setHovered({ key, evidence });
      },
      onMouseLeave: () => {
        setHovered((prev) => (prev?.key === key ? null : prev));
      },
      onFocus: () => {
        setFocused({ key, evidence });
      },
      onBlur: () => {
        setFocused((prev) => (prev?.key === key ? null : prev));
      },
    }),
    [],
  );
  const clear = useCallback(() => {
    setHovered(null);
    setFocused(null);
  }, []);
  const active = hovered ?? focused;
  return useMemo(
    () => ({ evidence: active?.evidence ?? NONE, activeKey: active?.key ?? null, bind, clear }),
    [active, bind, clear],
  );
};
