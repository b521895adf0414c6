import { useCallback, useEffect, useState } from 'react';

/**
 * The height of an element, following resizes (a virtual list needs a height in pixels). Returns a callback
 * ref, so that an element mounted later (after a loading state) is measured too.
 */
export function useElementHeight(fallback = 400): [(el: HTMLElement | null) => void, number] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [height, setHeight] = useState(fallback);
  const ref = useCallback((el: HTMLElement | null) => setElement(el), []);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.max(200, Math.floor(entry.contentRect.height)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [ref, height];
}
