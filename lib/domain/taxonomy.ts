/**
 * The product's controlled vocabularies. Stored as strings in the database
 * (SQLite has no enums); every boundary validates against these lists.
 */

/**
 * `unspecified` is for figures the source does not split by category (Kiel's
 * commitments, an article's lump sum); it is never spread over the others.
 */
export const CATEGORIES = ["military", "financial", "humanitarian", "unspecified"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  military: "Military",
  financial: "Financial",
  humanitarian: "Humanitarian",
  unspecified: "Not split by category",
};

/** Finer categories the curated data uses; tracker rows carry none. */
export const SUBCATEGORIES = ["stock_replenishment", "procurement", "training_intelligence", "budget_support", "not_itemised"] as const;
export type Subcategory = (typeof SUBCATEGORIES)[number];

export const MEASURES = ["allocation", "commitment"] as const;
export type Measure = (typeof MEASURES)[number];

export const GRANULARITIES = ["day", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const CURRENCIES = ["EUR", "USD"] as const;
export type Currency = (typeof CURRENCIES)[number];

export const DATASET_KINDS = ["curated", "tracker", "analyst"] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

/** Event types of the escalation index (docs/escalation-index.md). */
export const EVENT_TYPES = [
  "nuclear_signalling",
  "doctrine_change",
  "weapons_authorisation",
  "new_weapon_class",
  "strike_new_target_class",
  "treaty_alliance",
  "mobilisation",
  "annexation",
  "third_country_deployment",
  "de_escalation",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  nuclear_signalling: "Nuclear signalling",
  doctrine_change: "Doctrine change",
  weapons_authorisation: "Weapons authorisation",
  new_weapon_class: "New weapon class delivered",
  strike_new_target_class: "Strike on a new target class",
  treaty_alliance: "Treaty or alliance",
  mobilisation: "Mobilisation",
  annexation: "Annexation",
  third_country_deployment: "Third-country deployment",
  de_escalation: "De-escalation (talks, exchanges, deals)",
};

/** Sub-indices ("channels"); their sum is the headline index. */
export const CHANNELS = ["nuclear", "conventional", "western_support", "third_country", "de_escalation"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  nuclear: "Nuclear signalling & doctrine",
  conventional: "Conventional strikes, mobilisation & annexation",
  western_support: "Western weapons decisions",
  third_country: "Third-country involvement & alliances",
  de_escalation: "De-escalation",
};

export const CHANNEL_OF_TYPE: Record<EventType, Channel> = {
  nuclear_signalling: "nuclear",
  doctrine_change: "nuclear",
  weapons_authorisation: "western_support",
  new_weapon_class: "western_support",
  strike_new_target_class: "conventional",
  mobilisation: "conventional",
  annexation: "conventional",
  third_country_deployment: "third_country",
  treaty_alliance: "third_country",
  de_escalation: "de_escalation",
};

/**
 * Severity ladder, in the spirit of Kahn's escalation ladder and the Goldstein
 * scale. Escalatory steps are 1..10; de-escalation steps are -1..-5.
 */
export const SEVERITY_MIN = -5;
export const SEVERITY_MAX = 10;
export const SEVERITY_LADDER: Record<number, string> = {
  10: "Nuclear use threat made concrete (weapons moved, alert raised, use rehearsed against a named target)",
  9: "Nuclear doctrine lowered for this war / explicit nuclear threat tied to a specific Western decision",
  8: "Third-country combat troops deployed to the theatre",
  7: "Strike on a new class of target or new territory (e.g. strategic infrastructure, the other side's soil), annexation",
  6: "Mobilisation or new weapon class used for the first time (e.g. an intermediate-range missile)",
  5: "Authorisation or delivery of a new class of Western weapon (tanks, long-range missiles, fighter jets)",
  4: "Alliance or treaty with a military clause; third-country munitions or missile transfers",
  3: "Doctrine or posture statement without a concrete step; major exercise",
  2: "Official threat or warning tied to a named action",
  1: "Rhetoric",
  [-1]: "Prisoner or body exchange",
  [-2]: "Humanitarian corridor or limited deal (e.g. grain, energy infrastructure)",
  [-3]: "Direct talks held at senior level",
  [-4]: "Partial ceasefire agreed",
  [-5]: "General ceasefire or peace agreement",
};

export const CONFIDENCES = ["reported", "confirmed", "disputed"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const DEPLOYMENT_STATUSES = ["reported", "confirmed", "acknowledged", "denied"] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export const FORCE_TYPES = ["troops", "special_forces", "engineers", "workers", "munitions", "missiles", "artillery", "drones", "officers"] as const;
export type ForceType = (typeof FORCE_TYPES)[number];
