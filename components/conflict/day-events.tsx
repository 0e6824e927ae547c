"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api-client";
import type { ConflictExplainDto } from "@/lib/conflict/queries";

const explainQuery = (date: string, dataset: string) =>
  queryOptions({
    queryKey: ["conflict", "explain", date, dataset],
    queryFn: () => fetchJson<ConflictExplainDto>(`/api/conflict/explain?date=${date}&dataset=${dataset}&limit=5`),
    staleTime: 5 * 60_000,
  });

/** The largest events of one day (GET /api/conflict/explain), with the dataset's own notes. */
export function DayEvents({ date, dataset }: { date: string; dataset: string }) {
  const q = useQuery(explainQuery(date, dataset));
  if (!q.data) return null;
  const d = q.data;
  return (
    <div data-testid="kinetic-day-events">
      <h3 style={{ fontSize: 14, margin: "0 0 6px" }}>
        {d.date}: {d.day.events.toLocaleString("en-GB")} events, {d.day.fatalities.toLocaleString("en-GB")} reported fatalities
        {d.events.length ? " · the largest by reported fatalities" : ""}
      </h3>
      <ul style={{ margin: 0, paddingLeft: 18, fontSize: 13 }}>
        {d.events.map((e) => (
          <li key={e.id}>
            <strong>{e.fatalities}</strong> · {e.subEventType} · {e.admin1 || e.country} · {e.actor1}
            {e.actor2 ? ` vs ${e.actor2}` : ""}
            {e.precise ? "" : ` (imprecise date${e.dateEnd !== e.date ? `, to ${e.dateEnd}` : ""})`} · <span className="muted">{e.notes ?? "no notes"}</span>{" "}
            <span className="muted">[{e.id}]</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
