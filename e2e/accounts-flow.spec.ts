import { expect, test } from "@playwright/test";
import { apiJson, trackConsoleErrors } from "./helpers";
import { createAccount, E2E_PASSWORD, signIn } from "./accounts";

/**
 * The analysts' workspace end to end: an admin creates an editor, the editor
 * records an event with a new source and sees its effect, a reviewer publishes
 * it (public views and /api/escalation/explain show it with its source), then
 * reverts it (gone again, two history entries).
 */
test.describe("accounts, review and history", () => {
  test("admin → editor → reviewer → public → revert", async ({ browser }) => {
    // Three signed-in browsers and a dozen pages: longer than one page's test.
    test.setTimeout(180_000);
    const stamp = Date.now().toString(36);
    const title = `E2E statement ${stamp}`;
    const date = "2025-03-04";
    const sourceUrl = `https://e2e.example/statement-${stamp}`;

    // The admin (made as the first admin is, outside the UI) creates an editor and a reviewer on /admin.
    const adminCtx = await browser.newContext();
    const admin = await adminCtx.newPage();
    const noAdminErrors = trackConsoleErrors(admin);
    await signIn(admin, await createAccount(admin.request, "admin"), "/admin");
    const editorEmail = `editor-${stamp}@e2e.example`;
    const reviewerEmail = `reviewer-${stamp}@e2e.example`;
    for (const [email, role] of [
      [editorEmail, "editor"],
      [reviewerEmail, "reviewer"],
    ]) {
      const form = admin.getByRole("form", { name: "Create a user" });
      await form.getByLabel("Email").fill(email);
      await form.getByLabel("Role").selectOption(role);
      await form.getByLabel(/First password/).fill(E2E_PASSWORD);
      await form.getByRole("button", { name: "Create user" }).click();
      await expect(admin.getByRole("status").filter({ hasText: `Created ${email}` })).toBeVisible();
    }
    await expect(admin.getByRole("cell", { name: editorEmail })).toBeVisible();
    noAdminErrors();

    // The editor signs in and records an event with a new source, previewing its effect first.
    const editorCtx = await browser.newContext();
    const editor = await editorCtx.newPage();
    const noEditorErrors = trackConsoleErrors(editor);
    await signIn(editor, { email: editorEmail, password: E2E_PASSWORD }, "/editor");
    await editor.getByLabel("Date", { exact: true }).fill(date);
    await editor.getByLabel("Type", { exact: true }).selectOption("nuclear_signalling");
    await editor.getByLabel("Severity (ladder rung)", { exact: true }).selectOption("2");
    await editor.getByLabel("Confidence", { exact: true }).selectOption("confirmed");
    await editor.getByLabel("Title", { exact: true }).fill(title);
    await editor.getByLabel("Summary", { exact: true }).fill("An official warning tied to a named Western decision (end-to-end test).");
    await editor.getByLabel(/Actors/).selectOption(["RUS"]);
    // A missing source is refused next to the field, before anything is sent.
    await editor.getByRole("button", { name: "Submit for review" }).click();
    await expect(editor.locator("#err-sources")).toContainText("at least one source");
    await editor.getByLabel("New source URL", { exact: true }).fill(sourceUrl);
    await editor.getByLabel("Publisher", { exact: true }).fill("E2E Ministry");
    await editor.getByLabel("Source title", { exact: true }).fill("Statement on the decision");
    await editor.getByLabel("Publication date", { exact: true }).fill(date);
    await editor.getByRole("button", { name: "Preview effect on the index" }).click();
    const effect = editor.getByTestId("effect");
    await expect(effect).toContainText(new RegExp(`This event adds \\+\\d+\\.\\d\\d to the index on ${date} and \\+\\d+\\.\\d\\d a month later`));
    await editor.getByRole("button", { name: "Submit for review" }).click();
    await expect(editor.getByTestId("saved")).toContainText("Saved as a draft");
    noEditorErrors();

    // A draft is not public.
    const publicEvents = await apiJson(admin, `/api/events?from=${date}&to=${date}`);
    expect(publicEvents.items.map((e: { title: string }) => e.title)).not.toContain(title);

    // The reviewer sees the field-by-field diff and publishes.
    const reviewerCtx = await browser.newContext();
    const reviewer = await reviewerCtx.newPage();
    const noReviewerErrors = trackConsoleErrors(reviewer);
    await signIn(reviewer, { email: reviewerEmail, password: E2E_PASSWORD }, "/review");
    const card = reviewer.getByTestId("draft").filter({ hasText: title });
    await expect(card.getByRole("row", { name: /sources/ })).toContainText(sourceUrl);
    await expect(reviewer.getByRole("heading", { name: /Index preview/ })).toBeVisible();
    await card.getByRole("button", { name: `Publish “${title}”` }).click();
    await expect(reviewer.getByTestId("draft").filter({ hasText: title })).toHaveCount(0);

    // Public: the escalation view draws its marker and explains it with its source.
    const anon = await browser.newPage();
    await anon.goto("/escalation");
    const marker = anon.getByTestId("escalation-index").getByRole("button", { name: new RegExp(title) });
    await marker.click();
    const panel = anon.getByTestId("explain-panel");
    await expect(panel.getByRole("heading", { name: title })).toBeVisible();
    await expect(panel.getByTestId("event-sources").getByRole("link", { name: "Statement on the decision" })).toHaveAttribute("href", sourceUrl);
    const explained = await apiJson(anon, `/api/escalation/explain?date=${date}`);
    const mine = explained.contributions.find((c: { event: { title: string } }) => c.event.title === title);
    expect(mine.event.sources.map((s: { url: string }) => s.url)).toEqual([sourceUrl]);
    const eventId: string = mine.event.id;

    // The reviewer reverts the publication from the history: gone again, with two entries.
    await reviewer.goto(`/history?entity=event&entityId=${encodeURIComponent(eventId)}`);
    await expect(reviewer.getByTestId("history-row")).toHaveCount(1);
    await reviewer.getByRole("button", { name: /^Revert: publish/ }).click();
    await expect(reviewer.getByTestId("history-row")).toHaveCount(2);
    const after = await apiJson(anon, `/api/events?from=${date}&to=${date}`);
    expect(after.items.map((e: { title: string }) => e.title)).not.toContain(title);
    const audit = await apiJson(reviewer, `/api/audit?entity=event&entityId=${encodeURIComponent(eventId)}`);
    expect(audit.items.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ["revert", reviewerEmail],
      ["publish", reviewerEmail],
    ]);
    // GET /api/audit lists the flow's changes: the users made, the draft, its publication and the revert.
    const all = await apiJson(reviewer, `/api/audit?from=${new Date().toISOString().slice(0, 10)}`);
    const actions = all.items.map((e: { action: string }) => e.action);
    for (const a of ["user.create", "draft", "publish", "revert"]) expect(actions).toContain(a);
    // …and only reviewers and admins may read it.
    expect((await editor.request.get("/api/audit")).status()).toBe(403);
    expect((await anon.request.get("/api/audit")).status()).toBe(401);
    noReviewerErrors();
    await Promise.all([adminCtx.close(), editorCtx.close(), reviewerCtx.close(), anon.close()]);
  });

  test("a cross-origin form POST with a valid session cookie is refused", async ({ browser, baseURL }) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, await createAccount(page.request, "admin"), "/editor");
    const before = (await apiJson(page, "/api/events?pageSize=1")).total;

    // A page on another site that posts a form to the API (the browser sends its own Origin).
    await page.route("http://attacker.test/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form id="f" method="POST" action="${baseURL}/api/events" enctype="text/plain"><input name='{"x":"' value='"}'></form><script>document.getElementById("f").submit()</script>`,
      }),
    );
    const refused = page.waitForResponse((r) => r.url() === `${baseURL}/api/events` && r.request().method() === "POST");
    await page.goto("http://attacker.test/");
    expect((await refused).status()).toBe(403);

    // The same with the cookie attached explicitly (as a browser without SameSite would): the Origin check alone refuses it.
    const direct = await page.request.post("/api/events", { headers: { origin: "http://attacker.test", "content-type": "application/json" }, data: {} });
    expect(direct.status()).toBe(403);
    expect((await apiJson(page, "/api/events?pageSize=1")).total).toBe(before);
    await ctx.close();
  });
});
