"use client";

import { useState } from "react";
import type { DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { aidApiQuery } from "@/lib/filters/filter-state";
import { CATEGORY_LABELS } from "@/lib/domain/taxonomy";
import { formatMoney } from "@/lib/format/money";
import { formatPeriod } from "@/lib/format/dates";
import { useAidRecords } from "./use-aid-queries";
import { WidgetState } from "./widget-state";

const PAGE_SIZE = 25;
const COLUMNS = [
  { key: "date", label: "Date" },
  { key: "donor", label: "Donor" },
  { key: "category", label: "Category" },
  { key: "amount", label: "Amount" },
] as const;

export function RecordsTable({ state }: { state: DashboardFiltersState }) {
  const { filters } = state;
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState("date");
  const q = useAidRecords(filters, page, PAGE_SIZE, sort);
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / PAGE_SIZE)) : 1;
  const qs = aidApiQuery(filters, { sort });

  const sortBy = (key: string) => {
    setSort(sort === key ? `-${key}` : key);
    setPage(1);
  };
  const ariaSort = (key: string) => (sort === key ? "ascending" : sort === `-${key}` ? "descending" : "none");

  return (
    <section className="panel" aria-labelledby="records-heading" data-testid="records">
      <header style={{ display: "flex", justifyContent: "space-between", gap: 8, flexWrap: "wrap", alignItems: "baseline" }}>
        <h2 id="records-heading" style={{ fontSize: 16, margin: 0 }}>
          Records {q.data ? <span className="muted">({q.data.total.toLocaleString("en-GB")})</span> : null}
        </h2>
        <div className="tools" style={{ display: "flex", gap: 6 }}>
          <a className="btn btn-small" href={`/api/aid/records?${qs}&format=csv&page=${page}&pageSize=${PAGE_SIZE}`} download>
            CSV of this page
          </a>
          <a className="btn btn-small" href={`/api/aid/records?${qs}&format=csv`} download data-testid="csv-all">
            CSV of all {q.data?.total ?? ""} rows
          </a>
        </div>
      </header>
      <WidgetState query={q} height={300} label="records">
        {(data) => (
          <>
            <div className="table-wrap" style={{ opacity: q.isFetching ? 0.6 : 1 }}>
              <table className="data">
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th key={c.key} scope="col" aria-sort={ariaSort(c.key)} className={c.key === "amount" ? "num" : undefined}>
                        <button type="button" onClick={() => sortBy(c.key)}>
                          {c.label} {sort === c.key ? "▲" : sort === `-${c.key}` ? "▼" : ""}
                        </button>
                      </th>
                    ))}
                    <th scope="col" className="num">
                      In {filters.currency}
                    </th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr key={r.id}>
                      <td>{r.granularity === "month" ? formatPeriod(r.date.slice(0, 7)) : formatPeriod(r.date)}</td>
                      <td>{r.donorName}</td>
                      <td>
                        {CATEGORY_LABELS[r.category]}
                        {r.subcategory ? <span className="muted"> · {r.subcategory.replace(/_/g, " ")}</span> : null}
                      </td>
                      <td className="num">{formatMoney(r.amount, r.currency)}</td>
                      <td
                        className="num"
                        title={r.fxRate ? `${r.fxRate.pair} ${r.fxRate.rate} (${r.fxRate.period})${r.fxRate.note ? ` — ${r.fxRate.note}` : ""}` : undefined}
                      >
                        {formatMoney(r.value, r.valueCurrency)}
                      </td>
                      <td>
                        {r.sources.map((s, i) => (
                          <span key={s.id}>
                            {i ? "; " : ""}
                            <a href={s.url} target="_blank" rel="noreferrer" title={s.title}>
                              {s.publisher}
                            </a>
                          </span>
                        ))}
                        {r.notes ? (
                          <div className="muted" style={{ fontSize: 12 }}>
                            {r.notes}
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                  {data.items.length === 0 && (
                    <tr>
                      <td colSpan={6} className="muted">
                        No records in this selection.
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
            <nav className="pager" aria-label="Records pages">
              <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span>
                Page {page} of {pages}
              </span>
              <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Next
              </button>
            </nav>
          </>
        )}
      </WidgetState>
    </section>
  );
}
