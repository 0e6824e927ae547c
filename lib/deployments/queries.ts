import type { Prisma } from "@/generated/prisma/client";
import type { DbTx } from "@/lib/db";
import { isoFromDate } from "@/lib/domain/common-schemas";
import { dateRangeWhere } from "@/lib/domain/date-range-where";
import type { DeploymentStatus } from "@/lib/domain/taxonomy";
import { toSourceDto, type SourceDto } from "@/lib/sources/dto";
import type { TDeploymentsQuery } from "@/lib/deployments/schemas";

export interface DeploymentDto {
  id: string;
  date: string;
  deployingCountry: string;
  hostCountry: string;
  location: string;
  forceType: string;
  personnelLow: number | null;
  personnelHigh: number | null;
  status: DeploymentStatus;
  notes: string | null;
  sources: SourceDto[];
}

const withSources = { sources: { include: { source: true } } } as const;
type DeploymentRow = Prisma.DeploymentGetPayload<{ include: typeof withSources }>;

export function toDeploymentDto(d: DeploymentRow): DeploymentDto {
  return {
    id: d.id,
    date: isoFromDate(d.date),
    deployingCountry: d.deployingCountry,
    hostCountry: d.hostCountry,
    location: d.location,
    forceType: d.forceType,
    personnelLow: d.personnelLow,
    personnelHigh: d.personnelHigh,
    status: d.status as DeploymentStatus,
    notes: d.notes,
    sources: d.sources.map((s) => toSourceDto(s.source)),
  };
}

export async function listDeployments(db: DbTx, q: TDeploymentsQuery) {
  const where: Prisma.DeploymentWhereInput = {
    ...dateRangeWhere(q.from, q.to),
    ...(q.country?.length ? { OR: [{ deployingCountry: { in: q.country } }, { hostCountry: { in: q.country } }] } : {}),
    ...(q.status?.length ? { status: { in: q.status } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.deployment.findMany({
      where,
      include: withSources,
      orderBy: [{ date: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.deployment.count({ where }),
  ]);
  return { items: rows.map(toDeploymentDto), total, page: q.page, pageSize: q.pageSize };
}

export async function getDeployment(db: DbTx, id: string): Promise<DeploymentDto | null> {
  const row = await db.deployment.findUnique({ where: { id }, include: withSources });
  return row ? toDeploymentDto(row) : null;
}
