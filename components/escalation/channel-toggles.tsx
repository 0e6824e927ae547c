"use client";

import { CHANNELS, CHANNEL_LABELS, type Channel } from "@/lib/domain/taxonomy";
import { CHANNEL_SHORT } from "./channel-meta";
import { MarkerSwatch } from "./marker-shapes";

/**
 * Which sub-indices add up to the line. An empty selection means all of
 * them; the last selected one cannot be switched off (an index of nothing).
 */
export function ChannelToggles({ selected, onChange }: { selected: Channel[]; onChange: (next: Channel[]) => void }) {
  const on = (c: Channel) => selected.length === 0 || selected.includes(c);
  const current = CHANNELS.filter(on);
  const toggle = (c: Channel) => onChange(on(c) ? current.filter((x) => x !== c) : [...current, c]);
  return (
    <fieldset className="field">
      <legend>Sub-indices in the line</legend>
      <div className="seg channel-toggles" role="group" aria-label="Sub-indices">
        {CHANNELS.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={on(c)}
            disabled={on(c) && current.length === 1}
            title={CHANNEL_LABELS[c]}
            onClick={() => toggle(c)}
            data-channel={c}
          >
            <MarkerSwatch channel={c} />
            {CHANNEL_SHORT[c]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
