"use client";

import type { ConflictRegionsDto } from "@/lib/conflict/queries";

const n = (x: number) => x.toLocaleString("en-GB");

/** Events and fatalities by admin-1 region (oblast) for the selected range, busiest first. */
export function RegionsTable({ data, limit = 15 }: { data: ConflictRegionsDto; limit?: number }) {
  const rows = data.regions.slice(0, limit);
  return (
    <div className="table-wrap" data-testid="kinetic-regions">
      <table className="data">
        <caption style={{ textAlign: "left", fontWeight: 600, padding: "4px 0" }}>
          By region (admin-1){data.params.from ? `, ${data.params.from} – ${data.params.to}` : ""}
          {data.regions.length > limit ? ` · the ${limit} busiest of ${data.regions.length}` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Region</th>
            <th scope="col" className="num">
              Events
            </th>
            <th scope="col" className="num">
              Fatalities (reported)
            </th>
            <th scope="col" className="num">
              Strikes
            </th>
            <th scope="col" className="num">
              Battles
            </th>
            <th scope="col" className="num">
              Imprecise dates
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.country}|${r.admin1}`}>
              <td>{r.country}</td>
              <td>{r.admin1 || "(not coded)"}</td>
              <td className="num">{n(r.events)}</td>
              <td className="num">{n(r.fatalities)}</td>
              <td className="num">{n(r.strikeEvents)}</td>
              <td className="num">{n(r.battleEvents)}</td>
              <td className="num">{n(r.events - r.preciseEvents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
