"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

interface NavLink {
  href: string;
  label: string;
  /** Read by screen readers instead of `label` when the group caption gives the context. */
  name?: string;
}

/**
 * The pages grouped by the person who uses them: each group starts with that person's dashboard
 * (the first answer at a glance), then the pages where they act. Link names are unique.
 */
export const navGroups: { person: string; links: NavLink[] }[] = [
  { person: "You", links: [{ href: "/", label: "Wallet" }] },
  {
    person: "SME",
    links: [
      { href: "/dashboard/sme", label: "Overview", name: "SME overview" },
      { href: "/invoices", label: "Invoices" },
      { href: "/loans", label: "Loans" },
      { href: "/credit", label: "Credit" },
    ],
  },
  {
    person: "Debtor",
    links: [
      { href: "/dashboard/debtor", label: "Overview", name: "Debtor overview" },
      { href: "/debtor", label: "To pay" },
    ],
  },
  {
    person: "Investor",
    links: [
      { href: "/dashboard/investor", label: "Overview", name: "Investor overview" },
      { href: "/pool", label: "Pool" },
    ],
  },
  {
    person: "Underwriter",
    links: [{ href: "/dashboard/underwriter", label: "Overview", name: "Underwriter overview" }],
  },
  {
    person: "KYC provider",
    links: [
      { href: "/dashboard/kyc", label: "Overview", name: "KYC provider overview" },
      { href: "/kyc", label: "KYC" },
    ],
  },
  {
    person: "Auditor",
    links: [
      { href: "/dashboard/auditor", label: "Overview", name: "Auditor overview" },
      { href: "/flows", label: "Fund flows" },
    ],
  },
];

const isCurrent = (pathname: string, href: string) =>
  href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);

/** Grouped navigation; on a phone it folds behind a Menu button and closes after each choice. */
export function NavBar() {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="menu-toggle secondary"
        aria-expanded={open}
        aria-controls="main-nav"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? "Close menu" : "Menu"}
      </button>
      <nav aria-label="Main" id="main-nav" className="nav" data-open={open}>
        {navGroups.map((group) => (
          <div key={group.person} role="group" aria-label={group.person} className="nav-group">
            <span className="nav-person" aria-hidden="true">
              {group.person}
            </span>
            {group.links.map((l) => (
              <Link
                key={l.href}
                href={l.href}
                aria-label={l.name}
                aria-current={isCurrent(pathname, l.href) ? "page" : undefined}
                onClick={() => setOpen(false)}
              >
                {l.label}
              </Link>
            ))}
          </div>
        ))}
      </nav>
    </>
  );
}
