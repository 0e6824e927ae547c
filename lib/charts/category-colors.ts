import type { Category } from "@/lib/domain/taxonomy";

/** Okabe–Ito colours, one per category everywhere (charts, legends, exports). Mirrors globals.css. */
export const CATEGORY_COLORS: Record<Category, string> = {
  military: "#0072b2",
  financial: "#e69f00",
  humanitarian: "#009e73",
  unspecified: "#8c8c8c",
};

/** The escalation index's colour wherever it is drawn. */
export const INDEX_COLOR = "#c0392b";
