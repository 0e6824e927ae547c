"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { usePlotArea, useXAxisInverseScale } from "recharts";
import { isoOfTime } from "./time-axis";
import { UTCDate } from "@date-fns/utc";
import { addHours, startOfDay } from "date-fns";

/**
 * Turns a click anywhere on the plot into the day under the pointer. It
 * listens on the chart's own SVG because the tooltip cursor, the active dot
 * and the lines all sit on top of the plot and would swallow a click meant
 * for a layer beneath them; Recharts' chart-level onClick only knows the
 * hovered index once its throttled mousemove has landed.
 */
export function DayClickLayer({ onDayPick, from, to }: { onDayPick: (date: string) => void; from: number; to: number }) {
  const plot = usePlotArea();
  const invert = useXAxisInverseScale();
  // A callback ref: the anchor's <svg> is only known once the chart has placed it.
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  const anchor = useCallback((node: SVGGElement | null) => setSvg(node?.ownerSVGElement ?? null), []);
  const latest = useRef({ plot, invert, onDayPick, from, to });
  useLayoutEffect(() => {
    latest.current = { plot, invert, onDayPick, from, to };
  });

  useEffect(() => {
    if (!svg) return;
    const onClick = (e: MouseEvent) => {
      const { plot: p, invert: inv, onDayPick: pick, from: lo, to: hi } = latest.current;
      if (!p || !inv) return;
      const box = svg.getBoundingClientRect();
      const x = e.clientX - box.left;
      const y = e.clientY - box.top;
      if (x < p.x || x > p.x + p.width || y < p.y || y > p.y + p.height) return;
      const t = Number(inv(x));
      if (!Number.isFinite(t)) return;
      // The nearest UTC midnight: the day whose column the click fell in.
      pick(isoOfTime(Math.min(hi, Math.max(lo, startOfDay(addHours(new UTCDate(t), 12)).getTime()))));
    };
    svg.addEventListener("click", onClick);
    return () => svg.removeEventListener("click", onClick);
  }, [svg]);

  return <g ref={anchor} data-testid="day-click-layer" />;
}
