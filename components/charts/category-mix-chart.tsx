"use client";

import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import type { CategoryAmounts } from "@/lib/aid/aggregate";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/lib/domain/taxonomy";
import { formatMoney, formatPercent } from "@/lib/format/money";
import { CATEGORY_COLORS } from "./palette";

export function categoryShares(byCategory: CategoryAmounts) {
  const total = CATEGORIES.reduce((s, c) => s + byCategory[c], 0);
  return CATEGORIES.filter((c) => byCategory[c] > 0).map((c) => ({
    category: c as Category,
    name: CATEGORY_LABELS[c],
    value: byCategory[c],
    share: total > 0 ? byCategory[c] / total : 0,
  }));
}

export function CategoryMixChart({ byCategory, currency, animate = false }: { byCategory: CategoryAmounts; currency: string; animate?: boolean }) {
  const data = categoryShares(byCategory);
  return (
    <div style={{ display: "flex", flexDirection: "column", alignItems: "stretch" }}>
      <ResponsiveContainer width="100%" height={220}>
        <PieChart>
          <Pie data={data} dataKey="value" nameKey="name" innerRadius="55%" outerRadius="85%" paddingAngle={1} isAnimationActive={animate}>
            {data.map((d) => (
              <Cell key={d.category} fill={CATEGORY_COLORS[d.category]} />
            ))}
          </Pie>
          <Tooltip formatter={(v, name) => [formatMoney(Number(v), currency), String(name)]} />
        </PieChart>
      </ResponsiveContainer>
      <ul className="legend" style={{ listStyle: "none", padding: 0, margin: 0, justifyContent: "center" }}>
        {data.map((d) => (
          <li key={d.category}>
            <span className="swatch" style={{ background: CATEGORY_COLORS[d.category] }} />
            {d.name} <strong>{formatPercent(d.share)}</strong> <span className="muted">({formatMoney(d.value, currency)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CategoryMixTable({ byCategory, currency }: { byCategory: CategoryAmounts; currency: string }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col" className="num">Amount ({currency})</th>
          <th scope="col" className="num">Share</th>
        </tr>
      </thead>
      <tbody>
        {categoryShares(byCategory).map((d) => (
          <tr key={d.category}>
            <th scope="row">{d.name}</th>
            <td className="num">{formatMoney(d.value, currency)}</td>
            <td className="num">{formatPercent(d.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
