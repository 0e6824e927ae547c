import type { DeploymentDto } from "@/lib/deployments/queries";
import { formatDay } from "@/lib/format/dates";
import { SourceList } from "@/components/escalation/source-list";
import { countryName, forceLabel, personnelText } from "./labels";
import { STATUS_STYLE, StatusSwatch } from "./status-style";

/** The picked report in full, under the timeline. */
export function DeploymentDetail({ item }: { item: DeploymentDto }) {
  return (
    <article className="dep-detail" data-testid="deployment-detail" data-id={item.id} aria-live="polite">
      <h3>
        {formatDay(item.date)}: {countryName(item.deployingCountry)} → {countryName(item.hostCountry)}, {forceLabel(item.forceType).toLowerCase()}
      </h3>
      <p>
        <span className={`badge badge-${item.status}`}>
          <StatusSwatch status={item.status} /> {item.status}
        </span>{" "}
        <span className="muted">{STATUS_STYLE[item.status].description}</span>
      </p>
      <p>
        <strong>Personnel:</strong> {personnelText(item.personnelLow, item.personnelHigh)} · <strong>Location:</strong> {item.location}
      </p>
      {item.notes && <p className="muted">{item.notes}</p>}
      <SourceList sources={item.sources} />
      <a href={`#dep-${item.id}`} className="small">
        This entry in the table
      </a>
    </article>
  );
}
