"use client";

import { useQuery } from "@tanstack/react-query";
import { metaQuery } from "@/lib/query-keys";
import { formatFreshness } from "./data-freshness";

/** The header's "how old is each dataset" line, from /api/meta (the same query the filters use). */
export function DataFreshnessLine() {
  const { data } = useQuery(metaQuery());
  return (
    <p
      data-testid="data-freshness"
      title="How current each dataset is: the Kiel tracker release, the last curated escalation event, the last deployment report"
      style={{ margin: 0, marginLeft: "auto", flex: "1 1 auto", textAlign: "right", fontSize: 12, color: "#b9c6d8", minHeight: 16 }}
    >
      {data ? formatFreshness(data.freshness) : ""}
    </p>
  );
}
