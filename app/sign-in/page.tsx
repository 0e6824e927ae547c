import { Suspense } from "react";
import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in · Aid & Escalation Monitor" };

export default function SignInPage() {
  return (
    <div className="auth-page">
      <h1>Sign in</h1>
      <p className="muted">Analysts sign in to record events, review drafts and see the history of changes. The dashboard itself is public.</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </div>
  );
}
