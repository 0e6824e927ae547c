/**
 * Download names that say what the file holds and sort well:
 * "aid-over-time_germany-france_military_allocations_feb-2022-apr-2026_eur.png".
 */
export function exportFileName({ base, summary, ext }: { base: string; summary?: string; ext: string }): string {
  const slug = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const parts = [slug(base), ...(summary ?? "").split("·").map(slug)].filter(Boolean);
  // Keep whole parts while they fit: file systems and mail clients choke on very long names.
  let name = parts[0] || "export";
  for (const p of parts.slice(1)) {
    if (name.length + 1 + p.length > 120) break;
    name += `_${p}`;
  }
  return `${name}.${ext.replace(/^\./, "")}`;
}
