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
  // Measured when the element mounts (so the first paint already has a chart),
  // then kept up to date by the observer.
  const ref = useCallback((node: T | null) => {
    setEl(node);
    if (node) setWidth(Math.floor(node.getBoundingClientRect().width));
  }, []);
  useEffect(() => {
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [ref, width] as const;
}
