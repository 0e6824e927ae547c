/** Calls a route handler the way Next does, with a real Request. */
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

export async function call(
  handler: Handler,
  path: string,
  init: { method?: string; body?: unknown; token?: string; params?: Record<string, string> } = {},
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const req = new Request(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const res = await handler(req, { params: Promise.resolve(init.params ?? {}) });
  const text = await res.text();
  let body: unknown = null;
  if ((res.headers.get("content-type") ?? "").includes("json") && text) body = JSON.parse(text);
  return { status: res.status, body, text, headers: res.headers };
}
