"use client";

import { Cell, Pie, PieChart } from "recharts";
import { categoryShares } from "@/components/charts/category-mix-chart";
import { CATEGORY_COLORS } from "@/components/charts/palette";
import type { CategoryAmounts } from "@/lib/aid/aggregate";
import { formatMoney, formatPercent } from "@/lib/format/money";
import { FIGURE, type FigureProps } from "./figure-style";

/** A donut with each category's share and amount written beside it. */
export function CategoryMixFigure({ byCategory, currency, width, height, fontSize }: FigureProps & { byCategory: CategoryAmounts; currency: string }) {
  const data = categoryShares(byCategory);
  const radius = Math.min(height / 2 - 8, width * 0.19);
  const cx = radius + 24;
  const cy = height / 2;
  const listX = cx + radius + 72;
  const line = fontSize * 2.6;
  const top = cy - (data.length * line) / 2;
  return (
    <PieChart width={width} height={height}>
      <Pie data={data} dataKey="value" nameKey="name" cx={cx} cy={cy} innerRadius={radius * 0.58} outerRadius={radius} paddingAngle={1} isAnimationActive={false} stroke="#fff">
        {data.map((d) => (
          <Cell key={d.category} fill={CATEGORY_COLORS[d.category]} />
        ))}
      </Pie>
      {data.map((d, i) => (
        <g key={d.category} fontFamily={FIGURE.font}>
          <rect x={listX} y={top + i * line + 2} width={fontSize} height={fontSize} rx={2} fill={CATEGORY_COLORS[d.category]} />
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
