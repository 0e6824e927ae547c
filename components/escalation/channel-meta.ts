import type { Channel } from "@/lib/domain/taxonomy";

/** Short names for buttons and table headers; CHANNEL_LABELS holds the full ones. */
export const CHANNEL_SHORT: Record<Channel, string> = {
  nuclear: "Nuclear",
  conventional: "Conventional",
  western_support: "Western weapons",
  third_country: "Third countries",
  de_escalation: "De-escalation",
};
