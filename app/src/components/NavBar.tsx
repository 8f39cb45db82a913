"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// One entry per person who uses the product; pages appear here as they are built.
const links = [
  { href: "/", label: "Wallet" },
  { href: "/invoices", label: "Invoices" },
  { href: "/debtor", label: "To pay" },
  { href: "/pool", label: "Pool" },
  { href: "/loans", label: "Loans" },
  { href: "/credit", label: "Credit" },
  { href: "/kyc", label: "KYC" },
  { href: "/flows", label: "Fund flows" },
] as const;

export function NavBar() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="nav">
      {links.map((l) => (
        <Link key={l.href} href={l.href} aria-current={pathname === l.href ? "page" : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
