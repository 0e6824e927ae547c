import type { DeploymentDto } from "@/lib/deployments/queries";
import { formatDay } from "@/lib/format/dates";
import { countryName, forceLabel, personnelText } from "./labels";
import { StatusSwatch } from "./status-style";

/** Every entry with its evidence: the table the timeline and the band are drawn from. */
export function DeploymentsTable({ items, selectedId, caption }: { items: DeploymentDto[]; selectedId?: string | null; caption: string }) {
  return (
    <table className="data dep-table" data-testid="deployments-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Deploying → host</th>
          <th scope="col">Location</th>
          <th scope="col">Force type</th>
          <th scope="col" className="num">
            Personnel (low–high)
          </th>
          <th scope="col">Status</th>
          <th scope="col">Sources</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id} id={`dep-${d.id}`} data-id={d.id} data-selected={d.id === selectedId || undefined}>
            <th scope="row">
              <time dateTime={d.date}>{formatDay(d.date)}</time>
            </th>
            <td>
              {countryName(d.deployingCountry)} → {countryName(d.hostCountry)}
            </td>
            <td>{d.location}</td>
            <td>{forceLabel(d.forceType)}</td>
            <td className="num" data-low={d.personnelLow ?? ""} data-high={d.personnelHigh ?? ""}>
              {personnelText(d.personnelLow, d.personnelHigh)}
            </td>
            <td>
              <span className={`badge badge-${d.status}`}>
                <StatusSwatch status={d.status} /> {d.status}
              </span>
            </td>
            <td className="sources-cell">
              <ul>
                {d.sources.map((s) => (
                  <li key={s.id}>
                    <a href={s.url} target="_blank" rel="noreferrer" title={s.title}>
                      {s.publisher}
                    </a>
                    {s.publishedAt ? `, ${formatDay(s.publishedAt)}` : ""}
                  </li>
                ))}
              </ul>
            </td>
            <td className="notes">{d.notes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
