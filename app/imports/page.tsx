import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { ImportRunsTable } from "@/components/imports/import-runs-table";
import { UploadForm } from "@/components/imports/upload-form";
import { AidUploadForm } from "@/components/imports/aid-upload-form";
import { ConflictUploadForm } from "@/components/imports/conflict-upload-form";
import { getDb } from "@/lib/db";
import { listImportRuns } from "@/lib/import/kiel/import-runs";
import { importRunsQuery } from "@/lib/query-keys";
import { createServerQueryClient } from "@/lib/server-query-client";
import { pageAccess } from "@/lib/auth-page";
import { AccessDenied } from "@/components/auth/access-denied";

export const dynamic = "force-dynamic";

export default async function ImportsPage() {
  const qc = createServerQueryClient();
  await qc.prefetchQuery({ ...importRunsQuery(), queryFn: () => listImportRuns(getDb(), { page: 1, pageSize: 50 }) });
  // Uploads run with the signed-in admin's session; the list of runs stays public.
  const access = await pageAccess("import.run");
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="page-title">
        <h1>Tracker imports</h1>
      </div>
      <p className="muted" style={{ maxWidth: 820 }}>
        Releases of the Kiel Institute&apos;s Ukraine Support Tracker. From the command line:{" "}
        <code>
          npm run import:kiel -- &lt;release folder or data_explorer.csv&gt; [--release &lt;label&gt;] [--published YYYY-MM-DD] [--allow-shrink] [--allow-older]
          [--dry-run]
        </code>
        ; from a release folder on the web: <code>npm run import:kiel -- --url &lt;base URL&gt;</code>; whether a newer release is published:{" "}
        <code>npm run import:kiel -- --check</code>. Any aid dataset in the records&apos; CSV format:{" "}
        <code>npm run import:aid -- &lt;file.csv&gt; --dataset &lt;id&gt; [--name &quot;…&quot;] [--replace] [--dry-run]</code>.
      </p>
      <div className="grid" style={{ gap: 16 }}>
        <ImportRunsTable />
        {"denied" in access ? (
          <AccessDenied reason={access.denied} path="/imports" what="upload releases (admins only)" />
        ) : (
          <>
            <UploadForm />
            <AidUploadForm />
            <ConflictUploadForm />
          </>
        )}
      </div>
    </HydrationBoundary>
  );
}
