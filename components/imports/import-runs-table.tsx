"use client";

import { useQuery } from "@tanstack/react-query";
import { importRunsQuery } from "@/lib/query-keys";
import { WidgetState } from "@/components/dashboard/widget-state";

export function ImportRunsTable() {
  const q = useQuery(importRunsQuery());
  return (
    <section className="panel" aria-labelledby="runs-heading" data-testid="import-runs">
      <h2 id="runs-heading" style={{ marginTop: 0, fontSize: 18 }}>
        Import history
      </h2>
      <WidgetState query={q} height={120} label="imports">
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">No tracker release has been imported into this database yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">When (UTC)</th>
                    <th scope="col">Release</th>
                    <th scope="col">Outcome</th>
                    <th scope="col" className="num">
                      Rows
                    </th>
                    <th scope="col" className="num">
                      Records
                    </th>
                    <th scope="col">File hash</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr key={r.id}>
                      <td>{r.finishedAt.replace("T", " ").slice(0, 19)}</td>
                      <td>{r.release}</td>
                      <td>{r.outcome}</td>
                      <td className="num">{r.rowsRead.toLocaleString("en-GB")}</td>
                      <td className="num">{r.recordCount.toLocaleString("en-GB")}</td>
                      <td>
                        <code title={r.fileHash}>{r.fileHash.slice(0, 12)}…</code>
                      </td>
                      <td>
                        <a href={r.source.url} target="_blank" rel="noreferrer">
                          {r.source.publisher}
                        </a>
                        {r.source.publishedAt ? `, published ${r.source.publishedAt}` : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </WidgetState>
    </section>
  );
}
