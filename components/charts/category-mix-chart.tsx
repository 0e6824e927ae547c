"use client";

import { Cell, Pie, PieChart, Tooltip } from "recharts";
import type { CategoryMixDefinition } from "@/lib/charts/category-mix";
import { formatMoney, formatPercent } from "@/lib/format/money";
import { FIGURE, type FigureProps } from "./figure-style";

/** "Category mix" drawn from its definition: a donut with each category's share and amount written beside it. */
export function CategoryMixChart({ def, width, height, fontSize, interactive = false }: FigureProps & { def: CategoryMixDefinition; interactive?: boolean }) {
  const { rows, series, currency } = def;
  const color = Object.fromEntries(series.map((s) => [s.key, s.color]));
  const radius = Math.max(20, Math.min(height / 2 - 8, width * 0.19));
  const cx = radius + 24;
  const cy = height / 2;
  const listX = cx + radius + Math.min(72, width * 0.06);
  const line = fontSize * 2.6;
  const top = cy - (rows.length * line) / 2;
  return (
    <PieChart width={width} height={height}>
      <Pie
        data={rows}
        dataKey="value"
        nameKey="name"
        cx={cx}
        cy={cy}
        innerRadius={radius * 0.58}
        outerRadius={radius}
        paddingAngle={1}
        isAnimationActive={false}
        stroke="#fff"
      >
        {rows.map((d) => (
          <Cell key={d.category} fill={color[d.category]} />
        ))}
      </Pie>
      {interactive ? <Tooltip formatter={(v, name) => [formatMoney(Number(v), currency), String(name)]} /> : null}
      {rows.map((d, i) => (
        <g key={d.category} fontFamily={FIGURE.font}>
          <rect x={listX} y={top + i * line + 2} width={fontSize} height={fontSize} rx={2} fill={color[d.category]} />
          <text x={listX + fontSize * 1.6} y={top + i * line + fontSize * 0.95} fontSize={fontSize * 1.15} fontWeight={600} fill={FIGURE.tick}>
            {d.name} {formatPercent(d.share)}
          </text>
          <text x={listX + fontSize * 1.6} y={top + i * line + fontSize * 2.1} fontSize={fontSize} fill="#5b6576">
            {formatMoney(d.value, currency)}
          </text>
        </g>
      ))}
    </PieChart>
  );
}

export function CategoryMixTable({ def }: { def: CategoryMixDefinition }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col" className="num">
            Amount ({def.currency})
          </th>
          <th scope="col" className="num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {def.rows.map((d) => (
          <tr key={d.category}>
            <th scope="row">{d.name}</th>
            <td className="num">{formatMoney(d.value, def.currency)}</td>
            <td className="num">{formatPercent(d.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
