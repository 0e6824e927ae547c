import type { Channel } from "@/lib/domain/taxonomy";

export { CATEGORY_COLORS, INDEX_COLOR } from "@/lib/charts/category-colors";
export const OTHER_COLOR = "#b7c0cc";

export const CHANNEL_COLORS: Record<Channel, string> = {
  nuclear: "#d55e00",
  conventional: "#cc79a7",
  western_support: "#0072b2",
  third_country: "#7a5195",
  de_escalation: "#009e73",
};

/** Recharts 3 sorts legends and tooltips by name; keep the category order instead. */
export function categoryOrder(item: { dataKey?: unknown }): number {
  const order = ["military", "financial", "humanitarian", "unspecified"];
  const i = order.indexOf(String(item.dataKey));
  return i === -1 ? order.length : i;
}
