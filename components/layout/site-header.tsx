import Link from "next/link";
import { DataFreshnessLine } from "./data-freshness-line";
import { AccountNav } from "./account-nav";

const NAV = [
  { href: "/", label: "Aid dashboard" },
  { href: "/escalation", label: "Escalation index" },
  { href: "/deployments", label: "Deployments" },
  { href: "/imports", label: "Imports" },
  { href: "/method", label: "Method" },
  { href: "/api/openapi.json", label: "API" },
];

export function SiteHeader() {
  return (
    <header className="site-header" data-print="hide">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link href="/" className="brand">
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 32 32">
          <rect width="32" height="32" rx="6" fill="#0b3d91" />
          <path d="M6 22 L13 14 L18 18 L26 8" stroke="#ffd400" strokeWidth="3" fill="none" />
        </svg>
        Aid &amp; Escalation Monitor
      </Link>
      <nav aria-label="Main">
        <ul>
          {NAV.map((n) => (
            <li key={n.href}>
              <Link href={n.href} prefetch={false}>
                {n.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <AccountNav />
      <DataFreshnessLine />
    </header>
  );
}
