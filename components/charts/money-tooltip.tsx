"use client";

import { formatMoney } from "@/lib/format/money";

interface Payload {
  name?: string | number;
  value?: number | string | (number | string)[];
  color?: string;
  dataKey?: string | number | ((obj: unknown) => unknown);
}

/** Tooltip content for money charts: period, each series with unit, the total, and the source. */
export function MoneyTooltip({
  active,
  payload,
  label,
  currency,
  source,
  labelFormatter,
}: {
  active?: boolean;
  payload?: Payload[];
  label?: string | number;
  currency: string;
  source: string;
  labelFormatter?: (l: string) => string;
}) {
  if (!active || !payload?.length) return null;
  const rows = payload.filter((p) => typeof p.value === "number" && p.value !== 0);
  const total = rows.reduce((s, p) => s + (p.value as number), 0);
  return (
    <div className="tooltip">
      <div className="t-title">{labelFormatter ? labelFormatter(String(label)) : label}</div>
      {rows.map((p) => (
        <div className="t-row" key={String(p.name)}>
          <span>
            <span className="swatch" style={{ background: p.color, display: "inline-block", width: 8, height: 8, marginRight: 4 }} />
            {p.name}
          </span>
          <strong>{formatMoney(p.value as number, currency)}</strong>
        </div>
      ))}
      {rows.length > 1 && (
        <div className="t-row">
          <span>Total</span>
          <strong>{formatMoney(total, currency)}</strong>
        </div>
      )}
      <div className="t-foot">
        {currency} · {source}
      </div>
    </div>
  );
}
