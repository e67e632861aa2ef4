import { useEffect, useState } from 'react';
import { subscribe } from './api';

export type StreamedSection = { sectionId: string; header: string; text: string; done: boolean };

/**
 * The LLM's draft as it is written (note:stream events for this encounter), section by section, while
 * `active`; cleared when a new run starts. The stored draft replaces it when the job finishes.
 */
export const useNoteStream = (encounterId: string, active: boolean): StreamedSection[] => {
  const [sections, setSections] = useState<StreamedSection[]>([]);
  useEffect(() => {
    if (!active) return undefined;
    setSections([]);
    return subscribe('note:stream', ({ encounterId: id, event }) => {
      if (id !== encounterId) return;
      setSections((previous) => {
        if (event.type === 'section')
          return [...previous, { sectionId: event.sectionId, header: event.header, text: '', done: false }];
        return previous.map((s) =>
          s.sectionId !== event.sectionId
            ? s
            : event.type === 'text'
              ? { ...s, text: s.text + event.text }
              : { ...s, done: true },
        );
      });
    });
  }, [encounterId, active]);
  return sections;
};
