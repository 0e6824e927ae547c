import { NextResponse, type NextRequest } from "next/server";
import { screenApiRequest } from "@/lib/security/screen-api-request";

/** Answers malformed API requests with the API's JSON errors before Next's routing turns them into bare 500s. */
export function proxy(req: NextRequest) {
  return screenApiRequest(req.method, req.nextUrl.pathname) ?? NextResponse.next();
}

export const config = { matcher: "/api/:path*" };
