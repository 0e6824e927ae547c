"use client";

import Link from "next/link";
import { useState } from "react";
import { FilterBar } from "@/components/filters/filter-bar";
import { activeChannels } from "./escalation-series";
import { AidEscalationWidget } from "./aid-escalation-widget";
import { ChannelToggles } from "./channel-toggles";
import { EscalationWidget } from "./escalation-widget";
import { ExplainPanel } from "./explain-panel";
import { HalfLifeControl } from "./half-life-control";
import { KineticPanel } from "@/components/conflict/kinetic-panel";
import type { PanelEvent, Selection } from "./types";
import { useEscalationView } from "./use-escalation-view";
import "./escalation.css";

export function EscalationView() {
  const view = useEscalationView();
  const { params, setView, problems, filterState, series } = view;
  const [selection, setSelection] = useState<Selection | null>(null);
  const [preview, setPreview] = useState<PanelEvent | null>(null);
  const range = series.data ? { from: series.data.params.from, to: series.data.params.to } : null;

  return (
    <>
      <div className="page-title">
        <h1>Escalation index</h1>
        <Link href="/method" className="as-of" data-testid="method-link">
          How this index is computed
        </Link>
      </div>
      {problems.length > 0 && (
        <div className="banner banner-warn" role="alert" data-testid="filter-problems">
          <strong>Some of this link’s settings could not be used.</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <FilterBar state={filterState} />
      <p className="summary-line" data-testid="filter-summary">
        Aid bars: <strong>{view.dash.summary}</strong>. The date range applies to both charts.
      </p>
      <section className="panel esc-controls" aria-label="Index settings">
        <HalfLifeControl value={params.halfLife} onChange={(halfLife) => setView({ halfLife }, "replace")} />
        <ChannelToggles selected={params.subindex} onChange={(subindex) => setView({ subindex })} />
      </section>
      <div className="grid grid-main esc-main">
        <EscalationWidget view={view} selection={selection} preview={preview} onPreview={setPreview} onSelect={setSelection} />
        <ExplainPanel
          selection={selection}
          preview={preview}
          halfLife={params.halfLife}
          channels={activeChannels(params.subindex)}
          allChannels={params.subindex.length === 0}
          range={range}
          onSelect={(s) => {
            setPreview(null);
            setSelection(s);
          }}
        />
      </div>
      <KineticPanel view={view} />
      <AidEscalationWidget view={view} />
    </>
  );
}
