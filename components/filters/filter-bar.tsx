"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/lib/domain/taxonomy";
import { aidApiQuery } from "@/lib/filters/filter-state";
import { datePresets, matchPreset } from "@/lib/filters/date-presets";
import { aidSummaryQuery } from "@/lib/query-keys";
import { DonorSelect } from "./donor-select";
import type { DashboardFiltersState } from "./use-dashboard-filters";

export function FilterBar({ state }: { state: DashboardFiltersState }) {
  const { filters, update, reset, meta, dataset } = state;
  // "Top 10" means the top 10 of the current selection without a donor filter.
  const allDonors = useQuery(aidSummaryQuery(aidApiQuery({ ...filters, donor: [] })));
  const presets = useMemo(() => datePresets(dataset?.coverage), [dataset]);
  if (!meta) return null;

  const quickPicks = [
    { label: "EU + members", codes: meta.donors.filter((d) => d.groups.some((g) => g === "EU_INSTITUTIONS" || g === "EU_MEMBER")).map((d) => d.code) },
    { label: "G7", codes: meta.donors.filter((d) => d.groups.includes("G7")).map((d) => d.code) },
    { label: "Top 10 by total", codes: (allDonors.data?.byDonor ?? []).slice(0, 10).map((d) => d.donorCode) },
  ];
  const preset = matchPreset(presets, filters.from, filters.to);
  const toggleCategory = (c: Category) =>
    update({ category: filters.category.includes(c) ? filters.category.filter((x) => x !== c) : [...filters.category, c] });

  return (
    <form className="filter-bar panel" aria-label="Filters" onSubmit={(e) => e.preventDefault()} data-print="hide">
      <label className="field">
        <span>Dataset</span>
        <select
          value={filters.dataset ?? meta.defaultDataset}
          onChange={(e) => {
            // A dataset without the current measure (the curated set holds only commitments) opens on one it has.
            const next = meta.datasets.find((d) => d.id === e.target.value);
            const measure =
              next && next.measures.length && !next.measures.includes(filters.measure) ? (next.measures[0] as typeof filters.measure) : filters.measure;
            update({ dataset: e.target.value === meta.defaultDataset ? null : e.target.value, measure, subcategory: [] });
          }}
          data-testid="dataset-select"
        >
          {meta.datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
              {d.asOf ? ` (as of ${d.asOf})` : ""}
            </option>
          ))}
        </select>
      </label>

      <DonorSelect donors={meta.donors} selected={filters.donor} onChange={(donor) => update({ donor })} quickPicks={quickPicks} />

      <fieldset className="field">
        <legend>Category</legend>
        <div className="seg" role="group" aria-label="Category">
          {CATEGORIES.filter((c) => c !== "unspecified" || filters.measure === "commitment" || dataset?.kind === "curated").map((c) => (
            <button key={c} type="button" aria-pressed={filters.category.includes(c)} onClick={() => toggleCategory(c)}>
              {CATEGORY_LABELS[c]}
            </button>
          ))}
        </div>
      </fieldset>

      {dataset && dataset.subcategories.length > 0 && (
        <fieldset className="field">
          <legend>Subcategory</legend>
          <div className="seg" role="group" aria-label="Subcategory">
            {dataset.subcategories.map((sc) => (
              <button
                key={sc}
                type="button"
                aria-pressed={filters.subcategory.includes(sc as never)}
                onClick={() =>
                  update({
                    subcategory: filters.subcategory.includes(sc as never)
                      ? filters.subcategory.filter((x) => x !== sc)
                      : [...filters.subcategory, sc as (typeof filters.subcategory)[number]],
                  })
                }
              >
                {sc.replace(/_/g, " ")}
              </button>
            ))}
          </div>
        </fieldset>
      )}

      <fieldset className="field">
        <legend>Measure</legend>
        <div className="seg" role="radiogroup" aria-label="Measure">
          {(["allocation", "commitment"] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="measure" value={m} checked={filters.measure === m} onChange={() => update({ measure: m })} />
              {m === "allocation" ? "Allocations" : "Commitments"}
            </label>
          ))}
        </div>
      </fieldset>

      <label className="field">
        <span>Period</span>
        <select
          value={preset}
          onChange={(e) => {
            const p = presets.find((x) => x.id === e.target.value);
            if (p) update({ from: p.from, to: p.to });
          }}
          data-testid="period-select"
        >
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value="custom" disabled={preset !== "custom"}>
            Custom range
          </option>
        </select>
      </label>
      <label className="field">
        <span>From</span>
        <input type="date" value={filters.from ?? ""} max={filters.to ?? undefined} onChange={(e) => update({ from: e.target.value || null })} />
      </label>
      <label className="field">
        <span>To</span>
        <input type="date" value={filters.to ?? ""} min={filters.from ?? undefined} onChange={(e) => update({ to: e.target.value || null })} />
      </label>

      <fieldset className="field">
        <legend>Currency</legend>
        <div className="seg" role="radiogroup" aria-label="Currency">
          {(["EUR", "USD"] as const).map((c) => (
            <label key={c}>
              <input type="radio" name="currency" value={c} checked={filters.currency === c} onChange={() => update({ currency: c })} />
              {c}
            </label>
          ))}
        </div>
      </fieldset>

      <button type="button" className="btn" onClick={reset} data-testid="reset-filters">
        Reset
      </button>
    </form>
  );
}
