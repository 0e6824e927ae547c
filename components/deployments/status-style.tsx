import { DEPLOYMENT_STATUSES, type DeploymentStatus } from "@/lib/domain/taxonomy";

/**
 * Status by colour and shape together (colour-blind safe): the colours are
 * the status badges' (globals.css), the shapes say the same without them.
 * Reported is hollow: nobody official has stood behind it yet.
 */
export const STATUS_STYLE: Record<DeploymentStatus, { color: string; label: string; description: string }> = {
  reported: { color: "#b07d00", label: "Reported", description: "media or intelligence reports, unconfirmed" },
  confirmed: { color: "#009e73", label: "Confirmed", description: "confirmed by a third government" },
  acknowledged: { color: "#0072b2", label: "Acknowledged", description: "acknowledged by the deploying or host state" },
  denied: { color: "#c0392b", label: "Denied", description: "denied by the states involved" },
};

export function StatusGlyph({ status, r = 6 }: { status: DeploymentStatus; r?: number }) {
  const { color } = STATUS_STYLE[status];
  switch (status) {
    case "reported":
      return <circle r={r - 1} fill="#fff" stroke={color} strokeWidth={2.25} />;
    case "confirmed":
      return <circle r={r} fill={color} stroke="#fff" strokeWidth={1} />;
    case "acknowledged":
      return <rect x={-r * 0.9} y={-r * 0.9} width={r * 1.8} height={r * 1.8} fill={color} stroke="#fff" strokeWidth={1} />;
    case "denied":
      return <path d={`M ${-r} ${-r} L ${r} ${r} M ${r} ${-r} L ${-r} ${r}`} stroke={color} strokeWidth={2.75} strokeLinecap="round" />;
  }
}

export function StatusSwatch({ status }: { status: DeploymentStatus }) {
  return (
    <svg width={14} height={14} viewBox="-7 -7 14 14" aria-hidden="true" className="marker-swatch">
      <StatusGlyph status={status} r={5.5} />
    </svg>
  );
}

/** The ladder of statuses, in order of how firmly a deployment is established. */
export function StatusLegend() {
  return (
    <ul className="legend esc-legend status-legend" aria-label="Status">
      {DEPLOYMENT_STATUSES.map((s) => (
        <li key={s} title={STATUS_STYLE[s].description}>
          <StatusSwatch status={s} /> {STATUS_STYLE[s].label}
        </li>
      ))}
      <li className="muted">reported → confirmed → acknowledged; denied stands apart</li>
    </ul>
  );
}
