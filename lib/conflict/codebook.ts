/**
 * What the two public codebooks define and this app relies on.
 * ACLED: the Armed Conflict Location & Event Data codebook (event types and
 * sub-event types; time_precision 1 = day, 2 = week, 3 = month).
 * UCDP GED: the Georeferenced Event Dataset codebook (type_of_violence
 * 1 = state-based, 2 = non-state, 3 = one-sided; date_prec 1 = exact day …
 * 5 = within a year; where_prec 1 = exact place … 7 = country/international waters).
 */

export const CONFLICT_FORMATS = ["acled", "ucdp"] as const;
export type ConflictFormat = (typeof CONFLICT_FORMATS)[number];

export const ACLED_SUB_EVENT_TYPES = {
  Battles: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": [
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
  ],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  Protests: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  Riots: ["Violent demonstration", "Mob violence"],
  "Strategic developments": [
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
  ],
} as const satisfies Record<string, readonly string[]>;
export type AcledEventType = keyof typeof ACLED_SUB_EVENT_TYPES;
export const ACLED_EVENT_TYPES = Object.keys(ACLED_SUB_EVENT_TYPES) as AcledEventType[];

/** ACLED time_precision: 1 = the day is known; 2 = within a week; 3 = within a month. */
export const ACLED_TIME_PRECISIONS = [1, 2, 3] as const;

export const UCDP_VIOLENCE_TYPES: Record<number, string> = {
  1: "State-based conflict",
  2: "Non-state conflict",
  3: "One-sided violence",
};
/** UCDP date_prec: 1 = exact day; 2 = 2–6 days; 3 = a week; 4 = a month; 5 = more than a month, within a year. */
export const UCDP_DATE_PRECISIONS = [1, 2, 3, 4, 5] as const;
/** UCDP where_prec 1 (exact location) … 7 (country or international waters). */
export const UCDP_WHERE_PRECISIONS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Citation and terms shown wherever a dataset's numbers are. The analyst's export fixes the version. */
export const DATASET_TERMS: Record<ConflictFormat, { name: string; citation: string; licence: string; url: string }> = {
  acled: {
    name: "ACLED (Armed Conflict Location & Event Data)",
    citation:
      "Armed Conflict Location & Event Data (ACLED), acleddata.com; Raleigh, C., Linke, A., Hegre, H. & Karlsen, J. (2010), Introducing ACLED, Journal of Peace Research 47(5).",
    licence: "ACLED Terms of Use: registration required; the data may not be redistributed. This app stores only what the analyst imports.",
    url: "https://acleddata.com/",
  },
  ucdp: {
    name: "UCDP Georeferenced Event Dataset (GED)",
    citation:
      "Uppsala Conflict Data Program, UCDP GED; Sundberg, R. & Melander, E. (2013), Introducing the UCDP Georeferenced Event Dataset, Journal of Peace Research 50(4), doi:10.1177/0022343313484347.",
    licence:
      "Open data, free to use with attribution under a Creative Commons licence (the version on ucdp.uu.se states its terms); cite the dataset and its version.",
    url: "https://ucdp.uu.se/",
  },
};

export const FATALITIES_CAVEAT = "Fatalities are reported estimates (ACLED: conservative reported figures; UCDP: the `best` estimate), not verified counts.";
