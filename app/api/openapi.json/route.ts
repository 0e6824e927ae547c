import { route } from "@/lib/http";
import { buildOpenApiDocument } from "@/lib/openapi";

export const GET = route(async () => Response.json(buildOpenApiDocument()));
