/**
 * Browser-side fetchers for the API: check the status, surface the API's own
 * error message (never a generic "failed to fetch"), parse the body.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: unknown[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { accept: "application/json", ...init?.headers } });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall through with the text.
  }
  if (!res.ok) {
    const b = body as { error?: string; issues?: unknown[] } | null;
    throw new ApiError(b?.error ?? `${res.status} ${res.statusText}: ${text.slice(0, 200)}`, res.status, b?.issues ?? []);
  }
  return body as T;
}
