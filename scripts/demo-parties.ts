import { HDNodeWallet, Mnemonic } from "ethers";

/** Hardhat's standard dev mnemonic: the node's 40 unlocked accounts are HD #0–#39 of it. */
const MNEMONIC = "test test test test test test test test test test test junk";

const SME = 1;
const DEBTOR = 2;
const INVESTOR = 4;

/**
 * The seeded demo's named parties, on HD accounts #40… (beyond the node's unlocked ones, which
 * the browser tests use), in the order the dev-account wallet lists them after #39.
 */
export const demoParties = [
  { key: "acme", hdIndex: 40, name: "Acme Tools Ltd", roles: SME, dollars: 150_000 },
  { key: "bakery", hdIndex: 41, name: "Sunrise Bakery", roles: SME, dollars: 60_000 },
  { key: "printworks", hdIndex: 42, name: "Nairobi Print Works", roles: SME, dollars: 40_000 },
  { key: "bigmart", hdIndex: 43, name: "Bigmart Supermarkets", roles: DEBTOR, dollars: 400_000 },
  { key: "hospital", hdIndex: 44, name: "City Hospital", roles: DEBTOR, dollars: 250_000 },
  { key: "hotels", hdIndex: 45, name: "Lakeside Hotels", roles: DEBTOR, dollars: 250_000 },
  { key: "alice", hdIndex: 46, name: "Alice Capital", roles: INVESTOR, dollars: 600_000 },
  { key: "baobab", hdIndex: 47, name: "Baobab Fund", roles: INVESTOR, dollars: 500_000 },
  { key: "savanna", hdIndex: 48, name: "Savanna Pension Trust", roles: INVESTOR, dollars: 400_000 },
  // Volume for the paged lists (scripts/seed-scale.ts): 1,000 invoices from one to the other.
  { key: "mombasa", hdIndex: 49, name: "Mombasa Wholesale", roles: SME, dollars: 100_000 },
  { key: "coast", hdIndex: 50, name: "Coast Retail Group", roles: DEBTOR, dollars: 100_000 },
] as const;

export type DemoPartyKey = (typeof demoParties)[number]["key"];

/** Address of HD account #index of the standard mnemonic (m/44'/60'/0'/0/index). */
export function demoPartyAddress(hdIndex: number): string {
  return HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase(MNEMONIC), `m/44'/60'/0'/0/${hdIndex}`).address;
}

/** Index of a demo party in the dev-account wallet's list (after the node's 40 accounts). */
export function demoPartyWalletIndex(key: DemoPartyKey): number {
  return 40 + demoParties.findIndex((p) => p.key === key);
}
