"use client";

import { useEffect, useId, useState } from "react";
import { MAX_HALF_LIFE_DAYS, MIN_HALF_LIFE_DAYS } from "@/lib/escalation/constants";

const SLIDER_MIN = 7;
const SLIDER_MAX = 180;
const DEBOUNCE_MS = 250;

/**
 * Half-life in days: a slider over the useful range and a number box for
 * the API's full range. The draft shows at once; the URL (and so the
 * request) follows after a pause, so a drag costs one recomputation.
 */
export function HalfLifeControl({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  const id = useId();

  // Back/forward or a pasted link changes the URL underneath the draft: adopt
  // the new value during render (React's pattern for state derived from a prop).
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(String(value));
  }

  const parsed = Number(draft);
  const valid = draft !== "" && Number.isFinite(parsed) && parsed >= MIN_HALF_LIFE_DAYS && parsed <= MAX_HALF_LIFE_DAYS;
  useEffect(() => {
    if (!valid || parsed === value) return;
    const t = setTimeout(() => onChange(parsed), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [parsed, valid, value, onChange]);

  return (
    <div className="field half-life" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`}>Half-life (days)</span>
      <div className="half-life-inputs">
        <input
          type="range"
          min={SLIDER_MIN}
          max={SLIDER_MAX}
          step={1}
          value={valid ? Math.min(SLIDER_MAX, Math.max(SLIDER_MIN, parsed)) : value}
          onChange={(e) => setDraft(e.target.value)}
          aria-label="Half-life in days (slider)"
          aria-valuetext={`${draft} days`}
          data-testid="half-life-slider"
        />
        <input
          type="number"
          min={MIN_HALF_LIFE_DAYS}
          max={MAX_HALF_LIFE_DAYS}
          step={1}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-label="Half-life in days"
          aria-invalid={!valid}
          aria-describedby={`${id}-hint`}
          data-testid="half-life-input"
        />
      </div>
      <small id={`${id}-hint`} className={valid ? "muted" : "field-error"}>
        {valid ? `An event counts half after ${parsed} days, a quarter after ${parsed * 2}.` : `Enter ${MIN_HALF_LIFE_DAYS}–${MAX_HALF_LIFE_DAYS} days.`}
      </small>
    </div>
  );
}
