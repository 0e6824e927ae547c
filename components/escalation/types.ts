import type { EscalationExplainDto, EscalationSeriesDto } from "@/lib/query-keys";

export type EscalationMarker = EscalationSeriesDto["events"][number];
export type Contribution = EscalationExplainDto["contributions"][number];

/** The fields an event needs in the panel; both a marker and an explanation's EventDto have them. */
export type PanelEvent = EscalationMarker;

/** What the side panel explains: one event, or one day's value. */
export type Selection = { kind: "event"; event: PanelEvent } | { kind: "day"; date: string };
