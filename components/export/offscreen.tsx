"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { EXPORT_FONT_STACK } from "@/lib/export/sizes";

interface Job {
  id: number;
  node: ReactNode;
  width: number;
  height?: number;
  needsSvg: boolean;
}

let nextId = 0;

/**
 * Renders a node off-screen at a fixed size, inside the caller's React tree
 * (so it keeps the query cache and other contexts), and hands back its DOM once
 * the drawing has settled.
 */
export function useOffscreenRender() {
  const [job, setJob] = useState<Job | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const waiters = useRef(new Map<number, (el: HTMLDivElement) => void>());

  useEffect(() => {
    if (!job || !hostRef.current) return;
    const host = hostRef.current;
    const resolve = waiters.current.get(job.id);
    waiters.current.delete(job.id);
    if (resolve) void waitForStableDrawing(host, 5000, job.needsSvg).then(() => resolve(host));
  }, [job]);

  const render = useCallback(
    (node: ReactNode, size: { width: number; height?: number }, needsSvg = true) =>
      new Promise<HTMLDivElement>((resolve) => {
        const id = ++nextId;
        waiters.current.set(id, resolve);
        setJob({ id, node, needsSvg, ...size });
      }),
    [],
  );
  const clear = useCallback(() => setJob(null), []);

  const portal =
    job && typeof document !== "undefined"
      ? createPortal(
          <div
            ref={hostRef}
            aria-hidden="true"
            data-export-stage=""
            style={{
              position: "fixed",
              left: -100000,
              top: 0,
              width: job.width,
              height: job.height,
              overflow: "hidden",
              background: "#fff",
              fontFamily: EXPORT_FONT_STACK,
              pointerEvents: "none",
            }}
          >
            {job.node}
          </div>,
          document.body,
        )
      : null;
  return { render, clear, portal };
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Recharts draws over a few frames (axes after the first layout): wait until the markup stops changing. */
export async function waitForStableDrawing(host: HTMLElement, timeoutMs = 5000, needsSvg = true): Promise<void> {
  const start = performance.now();
  let last = "";
  let stable = 0;
  while (performance.now() - start < timeoutMs) {
    await frame();
    const now = host.innerHTML;
    stable = now === last && (!needsSvg || host.querySelector("svg")) ? stable + 1 : 0;
    last = now;
    if (stable >= 3) return;
  }
}
