"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorState, Skeleton } from "@/components/layout/feedback";

/** Skeleton while the first load runs, error with retry when it fails, else the widget. */
export function WidgetState<T>({
  query,
  height,
  label,
  children,
}: {
  query: UseQueryResult<T>;
  height: number;
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton height={height} label={label} />;
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return <>{children(query.data as T)}</>;
}
