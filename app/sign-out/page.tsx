import type { Metadata } from "next";
import { SignOutPanel } from "@/components/auth/sign-out-button";

export const metadata: Metadata = { title: "Sign out · Aid & Escalation Monitor" };

export default function SignOutPage() {
  return (
    <div className="auth-page">
      <h1>Sign out</h1>
      <SignOutPanel />
    </div>
  );
}
