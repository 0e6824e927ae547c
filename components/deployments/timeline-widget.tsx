"use client";

import { ChartFrame } from "@/components/charts/chart-frame";
import { SourcesLine } from "@/components/charts/sources-line";
import { canvasMeasure, loadExportFonts } from "@/components/export/export-fonts";
import { EmptyState } from "@/components/layout/feedback";
import { useElementWidth } from "@/components/escalation/use-element-width";
import type { DeploymentDto } from "@/lib/deployments/queries";
import { formatDay } from "@/lib/format/dates";
import { distinctSources } from "@/lib/sources/dto";
import { DeploymentDetail } from "./deployment-detail";
import { timelineExportSpec } from "./deployment-exports";
import { DeploymentTimeline } from "./deployment-timeline";
import { DeploymentsTable } from "./deployments-table";
import { StatusLegend } from "./status-style";
import { UncoveredNote } from "@/components/escalation/uncovered-note";

export function TimelineWidget({
  items,
  domain,
  selectedId,
  onSelect,
  fetching,
  lastReport,
}: {
  items: DeploymentDto[];
  lastReport: string | null;
  domain: { from: string; to: string };
  selectedId: string | null;
  onSelect: (id: string) => void;
  fetching: boolean;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const selected = items.find((d) => d.id === selectedId) ?? null;
  const subtitle = `${items.length} reports · ${formatDay(domain.from)} – ${formatDay(domain.to)} · status by colour and shape`;
  const exportSpec = async () => {
    await loadExportFonts();
    return timelineExportSpec({
      items,
      domain,
      selection: subtitle,
      measure: canvasMeasure,
      figure: (box) => (
        <DeploymentTimeline items={items} from={domain.from} to={domain.to} lastReport={lastReport} width={box.width} selectedId={null} onSelect={() => {}} />
      ),
    });
  };
  return (
    <ChartFrame
      testId="deployment-timeline"
      title="Deployment reports by deploying country"
      subtitle={subtitle}
      exportSpec={exportSpec}
      fetching={fetching}
      table={<DeploymentsTable items={items} caption="Deployment reports on the timeline" />}
      footer={<SourcesLine sources={distinctSources(items.flatMap((d) => d.sources))} datasetName="Curated deployment reports" />}
    >
      <div ref={ref} className="esc-chart" data-testid="deployment-timeline-chart" data-count={items.length} data-last-report={lastReport ?? ""}>
        {items.length === 0 ? (
          <EmptyState>No deployment reports in this date range.</EmptyState>
        ) : width > 0 ? (
          <DeploymentTimeline
            items={items}
            from={domain.from}
            to={domain.to}
            lastReport={lastReport}
            width={width}
            selectedId={selectedId}
            onSelect={onSelect}
          />
        ) : null}
      </div>
      <StatusLegend />
      <UncoveredNote domain={domain} coverageEnd={lastReport} what="deployment reports" meaning="the timeline says nothing about those days" />
      {selected ? (
        <DeploymentDetail item={selected} />
      ) : (
        <p className="note">Select a dot (or Tab to the timeline and use the arrow keys) to read the report and its sources.</p>
      )}
    </ChartFrame>
  );
}
