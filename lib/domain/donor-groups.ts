/** Donor groups used for filtering and quick picks. Codes are stored on Donor.groups. */
export const DONOR_GROUPS = {
  EU_INSTITUTIONS: "EU institutions",
  EU_MEMBER: "EU member states",
  OTHER_EUROPE: "Other Europe",
  G7: "G7",
  NATO: "NATO members",
  NORTH_AMERICA: "North America",
  ASIA_PACIFIC: "Asia-Pacific",
  AGGREGATE: "Combined figures (not a single donor)",
} as const;
export type DonorGroup = keyof typeof DONOR_GROUPS;

export function parseGroups(stored: string): DonorGroup[] {
  return stored
    .split(",")
    .map((g) => g.trim())
    .filter((g): g is DonorGroup => g in DONOR_GROUPS);
}

export function formatGroups(groups: readonly string[]): string {
  return groups.join(",");
}
