"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * The element's content width in whole CSS pixels (0 until measured). The
 * charts draw at this width, so tick spacing and marker lanes come from the
 * real plot size. A callback ref, because the chart frame unmounts the
 * element while its table view is showing.
 */
export function useElementWidth<T extends HTMLElement>() {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState(0);
  const ref = useCallback((node: T | null) => setEl(node), []);
  useEffect(() => {
    if (!el) return;
    // The observer reports the current size once on observe(), then on every change.
    const ro = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [ref, width] as const;
}
