import { route } from "@/lib/http";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const GET = route(async () => Response.json(buildOpenApiDocument()));
