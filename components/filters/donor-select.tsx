"use client";

import { useId, useMemo, useRef, useState } from "react";
import type { MetaDto } from "@/lib/meta/queries";

type Donor = MetaDto["donors"][number];

const GROUP_ORDER: [string, string][] = [
  ["EU_INSTITUTIONS", "EU institutions"],
  ["EU_MEMBER", "EU members"],
  ["OTHER_EUROPE", "Other Europe"],
  ["NORTH_AMERICA", "North America"],
  ["ASIA_PACIFIC", "Asia-Pacific"],
  ["AGGREGATE", "Combined figures"],
];

function groupOf(d: Donor): string {
  return GROUP_ORDER.find(([g]) => d.groups.includes(g as never))?.[1] ?? "Other";
}

/** Multi-select combobox: type a name or code, arrows to move, Enter to toggle, Escape to close. */
export function DonorSelect({
  donors,
  selected,
  onChange,
  quickPicks,
}: {
  donors: Donor[];
  selected: string[];
  onChange: (codes: string[]) => void;
  quickPicks: { label: string; codes: string[] }[];
}) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  const options = useMemo(() => {
    const q = query.trim().toLowerCase();
    const hits = donors.filter((d) => !q || d.name.toLowerCase().includes(q) || d.code.toLowerCase().startsWith(q));
    const groups = new Map<string, Donor[]>();
    for (const d of hits) groups.set(groupOf(d), [...(groups.get(groupOf(d)) ?? []), d]);
    const ordered = [...GROUP_ORDER.map(([, l]) => l), "Other"].filter((l) => groups.has(l));
    return ordered.flatMap((label) => groups.get(label)!.map((d, i) => ({ donor: d, groupLabel: i === 0 ? label : null })));
  }, [donors, query]);

  const toggle = (code: string) => onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  const names = new Map(donors.map((d) => [d.code, d.name]));

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const opt = options[active];
      if (open && opt) toggle(opt.donor.code);
      else setOpen(true);
    } else if (e.key === "Escape") {
      setOpen(false);
    } else if (e.key === "Backspace" && query === "" && selected.length) {
      onChange(selected.slice(0, -1));
    }
  }

  return (
    <div className="field donor-select" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <label htmlFor={`${listId}-input`}>
        <span>Donors</span>
      </label>
      <input
        id={`${listId}-input`}
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].donor.code}` : undefined}
        placeholder={selected.length ? `${selected.length} selected — add more…` : "All donors — type a name or code"}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        data-testid="donor-input"
      />
      {open && (
        <ul className="listbox" id={listId} role="listbox" aria-multiselectable="true" aria-label="Donors">
          {options.length === 0 && <li className="group">No donor matches “{query}”</li>}
          {options.map((o, i) => (
            <li key={o.donor.code} role="presentation">
              {o.groupLabel && (
                <div className="group" role="presentation">
                  {o.groupLabel}
                </div>
              )}
              <div
                id={`${listId}-${o.donor.code}`}
                role="option"
                aria-selected={selected.includes(o.donor.code)}
                className={i === active ? "active" : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => toggle(o.donor.code)}
              >
                <span>
                  {selected.includes(o.donor.code) ? "✓ " : ""}
                  {o.donor.name}
                </span>
                <span className="code">{o.donor.code}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="quick-picks" aria-label="Quick picks">
        {quickPicks.map((q) => (
          <button key={q.label} type="button" className="btn btn-small" onClick={() => onChange(q.codes)} disabled={!q.codes.length}>
            {q.label}
          </button>
        ))}
      </div>
      {selected.length > 0 && (
        <div className="chips" aria-label="Selected donors">
          {selected.map((c) => (
            <span key={c} className="chip">
              {names.get(c) ?? c}
              <button type="button" aria-label={`Remove ${names.get(c) ?? c}`} onClick={() => toggle(c)}>
                ×
              </button>
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
