"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { BRIEF_WIDGETS, BRIEF_WIDGET_LABELS, MAX_BRIEF_CHARTS, type BriefOptions, type BriefWidget } from "@/lib/export/brief-params";

/** Everything around the slide: back to the dashboard, downloads, and the slide's title and widgets. */
export function BriefToolbar({
  options,
  dashboardHref,
  ready,
  busy,
  onPng,
  onPdf,
  onChange,
}: {
  options: BriefOptions;
  dashboardHref: string;
  ready: boolean;
  busy: string | null;
  onPng: (scale: 1 | 2) => void;
  onPdf: () => void;
  onChange: (next: BriefOptions) => void;
}) {
  const [title, setTitle] = useState(options.title);
  const [subtitle, setSubtitle] = useState(options.subtitle ?? "");
  const [widgets, setWidgets] = useState<BriefWidget[]>(options.widgets);
  const charts = widgets.filter((w) => w !== "kpis").length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ title: title.trim() || options.title, subtitle: subtitle.trim() || null, widgets: BRIEF_WIDGETS.filter((w) => widgets.includes(w)) });
  };
  const toggle = (w: BriefWidget) => setWidgets((ws) => (ws.includes(w) ? ws.filter((x) => x !== w) : [...ws, w]));

  return (
    <div className="brief-toolbar" data-print="hide">
      <div className="brief-toolbar-row">
        <Link href={dashboardHref} className="btn">
          ← Back to the dashboard
        </Link>
        <div className="brief-toolbar-actions" role="group" aria-label="Download the slide">
          <button type="button" className="btn btn-primary" disabled={!ready || busy !== null} onClick={() => onPng(1)} data-testid="brief-png">
            {busy === "png1" ? "Drawing…" : "Download PNG"}
          </button>
          <button
            type="button"
            className="btn"
            disabled={!ready || busy !== null}
            onClick={() => onPng(2)}
            data-testid="brief-png-2x"
            title="3840 × 2160 pixels, for high-DPI screens and projectors"
          >
            {busy === "png2" ? "Drawing…" : "PNG 2× (high-DPI)"}
          </button>
          <button
            type="button"
            className="btn"
            disabled={!ready}
            onClick={onPdf}
            data-testid="brief-pdf"
            title="Opens the print dialog: choose “Save as PDF”; one slide per page"
          >
            PDF (print)
          </button>
        </div>
      </div>
      <details className="brief-edit">
        <summary>Edit title and widgets</summary>
        <form onSubmit={submit} className="brief-edit-form">
          <label className="field">
            <span>Title</span>
            <input type="text" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span>Subtitle</span>
            <input type="text" value={subtitle} maxLength={200} onChange={(e) => setSubtitle(e.target.value)} placeholder="Optional" />
          </label>
          <fieldset className="field">
            <legend>Widgets (up to {MAX_BRIEF_CHARTS} charts)</legend>
            <div className="brief-edit-widgets">
              {BRIEF_WIDGETS.map((w) => (
                <label key={w}>
                  <input
                    type="checkbox"
                    checked={widgets.includes(w)}
                    disabled={!widgets.includes(w) && w !== "kpis" && charts >= MAX_BRIEF_CHARTS}
                    onChange={() => toggle(w)}
                  />
                  {BRIEF_WIDGET_LABELS[w]}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="btn btn-primary">
            Update slide
          </button>
        </form>
      </details>
    </div>
  );
}
