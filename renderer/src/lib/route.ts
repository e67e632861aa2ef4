import { useEffect, useState } from 'react';

/**
 * Hash routes: in-page navigation never reaches Electron's will-navigate guard, and a reload keeps
 * the page. Only two pages exist today.
 */
export type Route = { page: 'encounters' } | { page: 'encounter'; id: string };

const ENCOUNTER_PATH = /^#\/encounters\/([0-9a-f-]{36})$/i;

export const parseRoute = (hash: string): Route => {
  const match = ENCOUNTER_PATH.exec(hash);
  return match?.[1] ? { page: 'encounter', id: match[1] } : { page: 'encounters' };
};

export const hrefFor = (route: Route): string => {
  switch (route.page) {
    case 'encounters':
      return '#/';
    case 'encounter':
      return `#/encounters/${route.id}`;
  }
};

export const navigate = (route: Route): void => {
  window.location.hash = hrefFor(route);
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => {
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
    };
  }, []);
  return route;
};
