"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ApiError, fetchJson } from "@/lib/api-client";
import { ZEventInput } from "@/lib/events/schemas";
import { CONFIDENCES, EVENT_TYPE_LABELS, EVENT_TYPES, SEVERITY_LADDER, type EventType } from "@/lib/domain/taxonomy";
import { ACTOR_NAMES } from "@/lib/domain/actors";
import type { SourceDto } from "@/lib/sources/dto";
import type { EventEffect } from "@/lib/drafts/preview-effect";
import { FieldError, issuesByField, type Issue } from "./field-error";

const RUNGS = Object.keys(SEVERITY_LADDER)
  .map(Number)
  .sort((a, b) => b - a);
const ACTORS = Object.entries(ACTOR_NAMES).sort((a, b) => a[1].localeCompare(b[1]));
const signed = (n: number) => `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(2)}`;

interface Props {
  sources: SourceDto[];
  /** Admins publish at once; everyone else submits a draft for review. */
  publishesDirectly: boolean;
}

/**
 * A new escalation event, validated with the API's own schema (ZEventInput)
 * before it is sent and again by the server; errors appear next to their
 * field. Every event carries a source: a stored one, or a new one described here.
 */
export function EventForm({ sources, publishesDirectly }: Props) {
  const qc = useQueryClient();
  const [f, setF] = useState({ date: "", title: "", summary: "", type: "" as EventType | "", severity: "", confidence: "reported", actors: [] as string[] });
  const [sourceId, setSourceId] = useState("");
  const [src, setSrc] = useState({ url: "", publisher: "", title: "", publishedAt: "" });
  const [comment, setComment] = useState("");
  const [issues, setIssues] = useState<Issue[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setF((x) => ({ ...x, [k]: e.target.value }));
    setDone(null);
  };

  const newSource = src.url || src.publisher || src.title || src.publishedAt;
  const body = useMemo(
    () => ({
      date: f.date,
      title: f.title,
      summary: f.summary,
      type: f.type,
      severity: f.severity === "" ? undefined : Number(f.severity),
      confidence: f.confidence,
      actors: f.actors,
      sources: [
        ...(sourceId ? [sourceId] : []),
        ...(newSource ? [{ url: src.url, publisher: src.publisher, title: src.title, publishedAt: src.publishedAt || null }] : []),
      ],
    }),
    [f, sourceId, src, newSource],
  );
  const validate = () => {
    const r = ZEventInput.safeParse(body);
    // An empty field says "required" rather than the schema's technical wording for it.
    const empty = (path: PropertyKey[]) => {
      const v = path.length === 1 ? (body as Record<string, unknown>)[String(path[0])] : undefined;
      return v === "" || v === undefined;
    };
    const list: Issue[] = r.success ? [] : r.error.issues.map((i) => ({ path: i.path.map(String), message: empty(i.path) ? "Required" : i.message }));
    setIssues(list);
    return r.success ? r.data : null;
  };
  const byField = issuesByField(issues);

  const preview = useMutation({
    mutationFn: (input: object) =>
      fetchJson<EventEffect>("/api/drafts/preview", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) }),
  });
  const save = useMutation({
    mutationFn: (input: object) =>
      fetchJson<{ id: string; status?: string }>("/api/events", {
        method: "POST",
        headers: { "content-type": "application/json", ...(comment ? { "x-change-comment": encodeURIComponent(comment) } : {}) },
        body: JSON.stringify(input),
      }),
    onSuccess: (r) => {
      setDone(r.status === "pending" ? "Saved as a draft: a reviewer publishes it." : "Published.");
      void qc.invalidateQueries();
    },
    onError: (e) => setIssues(((e as ApiError).issues ?? []) as Issue[]),
  });

  const rungs = RUNGS.filter((r) => (f.type === "de_escalation" ? r < 0 : f.type ? r > 0 : true));
  const serverError = save.error as ApiError | null;

  return (
    <form
      className="panel stack"
      noValidate
      aria-labelledby="event-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const input = validate();
        if (input) save.mutate(input);
      }}
    >
      <h2 id="event-form-heading" style={{ margin: 0, fontSize: 18 }}>
        New escalation event
      </h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="ev-date">Date</label>
          <input
            id="ev-date"
            type="date"
            name="date"
            value={f.date}
            onChange={set("date")}
            required
            aria-invalid={!!byField.date}
            aria-describedby="err-date"
          />
          <FieldError id="err-date" issues={byField.date} />
        </div>
        <div className="field">
          <label htmlFor="ev-type">Type</label>
          <select id="ev-type" name="type" value={f.type} onChange={set("type")} required aria-invalid={!!byField.type} aria-describedby="err-type">
            <option value="">Choose a type…</option>
            {EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {EVENT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          <FieldError id="err-type" issues={byField.type} />
        </div>
        <div className="field">
          <label htmlFor="ev-severity">Severity (ladder rung)</label>
          <select
            id="ev-severity"
            name="severity"
            value={f.severity}
            onChange={set("severity")}
            required
            aria-invalid={!!byField.severity}
            aria-describedby="err-severity"
          >
            <option value="">Choose a rung…</option>
            {rungs.map((r) => (
              <option key={r} value={r}>
                {r > 0 ? `+${r}` : r} · {SEVERITY_LADDER[r]}
              </option>
            ))}
          </select>
          <FieldError id="err-severity" issues={byField.severity} />
        </div>
        <div className="field">
          <label htmlFor="ev-confidence">Confidence</label>
          <select id="ev-confidence" name="confidence" value={f.confidence} onChange={set("confidence")} aria-describedby="err-confidence">
            {CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <FieldError id="err-confidence" issues={byField.confidence} />
        </div>
        <div className="field wide">
          <label htmlFor="ev-title">Title</label>
          <input
            id="ev-title"
            type="text"
            name="title"
            value={f.title}
            onChange={set("title")}
            maxLength={300}
            required
            aria-invalid={!!byField.title}
            aria-describedby="err-title"
          />
          <FieldError id="err-title" issues={byField.title} />
        </div>
        <div className="field wide">
          <label htmlFor="ev-summary">Summary</label>
          <textarea
            id="ev-summary"
            name="summary"
            value={f.summary}
            onChange={set("summary")}
            maxLength={3000}
            required
            aria-invalid={!!byField.summary}
            aria-describedby="err-summary"
          />
          <FieldError id="err-summary" issues={byField.summary} />
        </div>
        <div className="field wide">
          <label htmlFor="ev-actors">Actors (known codes; Ctrl/⌘ or Shift to pick several)</label>
          <select
            id="ev-actors"
            name="actors"
            multiple
            size={5}
            value={f.actors}
            onChange={(e) => setF((x) => ({ ...x, actors: [...e.target.selectedOptions].map((o) => o.value) }))}
            aria-describedby="err-actors"
          >
            {ACTORS.map(([code, name]) => (
              <option key={code} value={code}>
                {name} ({code})
              </option>
            ))}
          </select>
          <FieldError id="err-actors" issues={byField.actors} />
        </div>
      </div>

      <fieldset className="stack" style={{ border: "1px solid var(--line)", borderRadius: 6, padding: 12 }} aria-describedby="err-sources">
        <legend style={{ fontWeight: 600 }}>Source (at least one)</legend>
        <div className="field">
          <label htmlFor="ev-source">A stored source</label>
          <select id="ev-source" name="sourceId" value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
            <option value="">None: describe a new source below</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.publisher}: {s.title}
                {s.publishedAt ? ` (${s.publishedAt})` : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="form-grid">
          <div className="field wide">
            <label htmlFor="ev-source-url">New source URL</label>
            <input
              id="ev-source-url"
              type="url"
              name="sourceUrl"
              value={src.url}
              onChange={(e) => setSrc((x) => ({ ...x, url: e.target.value }))}
              aria-invalid={!!byField["sources.url"]}
              aria-describedby="err-source-url"
            />
            <FieldError id="err-source-url" issues={byField["sources.url"]} />
          </div>
          <div className="field">
            <label htmlFor="ev-source-publisher">Publisher</label>
            <input
              id="ev-source-publisher"
              type="text"
              name="sourcePublisher"
              value={src.publisher}
              onChange={(e) => setSrc((x) => ({ ...x, publisher: e.target.value }))}
              aria-describedby="err-source-publisher"
            />
            <FieldError id="err-source-publisher" issues={byField["sources.publisher"]} />
          </div>
          <div className="field">
            <label htmlFor="ev-source-title">Source title</label>
            <input
              id="ev-source-title"
              type="text"
              name="sourceTitle"
              value={src.title}
              onChange={(e) => setSrc((x) => ({ ...x, title: e.target.value }))}
              aria-describedby="err-source-title"
            />
            <FieldError id="err-source-title" issues={byField["sources.title"]} />
          </div>
          <div className="field">
            <label htmlFor="ev-source-date">Publication date</label>
            <input
              id="ev-source-date"
              type="date"
              name="sourcePublishedAt"
              value={src.publishedAt}
              onChange={(e) => setSrc((x) => ({ ...x, publishedAt: e.target.value }))}
              aria-describedby="err-source-date"
            />
            <FieldError id="err-source-date" issues={byField["sources.publishedAt"]} />
          </div>
        </div>
        <FieldError id="err-sources" issues={byField.sources} />
      </fieldset>

      <div className="field">
        <label htmlFor="ev-comment">Why (optional, kept in the history)</label>
        <input id="ev-comment" type="text" name="comment" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
      </div>

      <div className="row">
        <button
          type="button"
          className="btn"
          onClick={() => {
            const input = validate();
            if (input) preview.mutate(input);
          }}
          disabled={preview.isPending}
        >
          Preview effect on the index
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {publishesDirectly ? "Publish event" : "Submit for review"}
        </button>
      </div>
      {preview.data && (
        <p className="effect" role="status" data-testid="effect">
          This event adds <strong>{signed(preview.data.onDate)}</strong> to the index on {preview.data.date} and <strong>{signed(preview.data.later)}</strong> a
          month later ({preview.data.laterDate}).
        </p>
      )}
      {preview.error && (
        <p className="field-error" role="alert">
          {(preview.error as Error).message}
        </p>
      )}
      {serverError && !issues.length && (
        <p className="field-error" role="alert">
          {serverError.message}
        </p>
      )}
      {done && (
        <p role="status" data-testid="saved">
          {done}
        </p>
      )}
    </form>
  );
}
