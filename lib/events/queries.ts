import type { Prisma } from "@/generated/prisma/client";
import type { DbTx } from "@/lib/db";
import { isoFromDate } from "@/lib/domain/common-schemas";
import { dateRangeWhere } from "@/lib/domain/date-range-where";
import { CHANNEL_OF_TYPE, EVENT_TYPE_LABELS, type Channel, type Confidence, type EventType } from "@/lib/domain/taxonomy";
import { toSourceDto, type SourceDto } from "@/lib/sources/dto";
import type { TEventsQuery } from "@/lib/events/schemas";

export interface EventDto {
  id: string;
  date: string;
  title: string;
  summary: string;
  actors: string[];
  type: EventType;
  typeLabel: string;
  channel: Channel;
  severity: number;
  confidence: Confidence;
  sources: SourceDto[];
}

const withRelations = {
  sources: { include: { source: true } },
  actors: { select: { actorCode: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.EventInclude;
type EventRow = Prisma.EventGetPayload<{ include: typeof withRelations }>;

export function toEventDto(e: EventRow): EventDto {
  const type = e.type as EventType;
  return {
    id: e.id,
    date: isoFromDate(e.date),
    title: e.title,
    summary: e.summary,
    actors: e.actors.map((a) => a.actorCode),
    type,
    typeLabel: EVENT_TYPE_LABELS[type],
    channel: CHANNEL_OF_TYPE[type],
    severity: e.severity,
    confidence: e.confidence as Confidence,
    sources: e.sources.map((s) => toSourceDto(s.source)),
  };
}

function whereFor(q: Omit<TEventsQuery, "page" | "pageSize">): Prisma.EventWhereInput {
  return {
    ...dateRangeWhere(q.from, q.to),
    ...(q.type?.length ? { type: { in: q.type } } : {}),
    ...(q.confidence?.length ? { confidence: { in: q.confidence } } : {}),
    // Equality on the (actorCode, eventId) index: no pattern, so "%" or "RU" match nothing but themselves.
    ...(q.actor?.length ? { actors: { some: { actorCode: { in: q.actor } } } } : {}),
  };
}

export async function listEvents(db: DbTx, q: TEventsQuery) {
  const where = whereFor(q);
  const [rows, total] = await Promise.all([
    db.event.findMany({
      where,
      include: withRelations,
      orderBy: [{ date: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.event.count({ where }),
  ]);
  return { items: rows.map(toEventDto), total, page: q.page, pageSize: q.pageSize };
}

/** Every event, for the escalation index (which needs events before any window and the 2022 reference). */
export async function getAllEvents(db: DbTx): Promise<EventDto[]> {
  const rows = await db.event.findMany({ include: withRelations, orderBy: [{ date: "asc" }, { id: "asc" }] });
  return rows.map(toEventDto);
}

export async function getEvent(db: DbTx, id: string): Promise<EventDto | null> {
  const row = await db.event.findUnique({ where: { id }, include: withRelations });
  return row ? toEventDto(row) : null;
}
