import { constants } from "./contracts";

/** The role flags of contracts/identity/PartyRoles.sol, from the build (without ALL, which is every flag). */
const { ALL: _all, ...roleFlags } = constants.PartyRoles;
export const PartyRole = roleFlags;
export type PartyRoleName = keyof typeof PartyRole;

export function roleNames(flags: number): PartyRoleName[] {
  return (Object.keys(PartyRole) as PartyRoleName[]).filter((r) => (flags & PartyRole[r]) !== 0);
}

/** ISO 3166-1 numeric codes offered in forms; any code 1..999 is valid on chain. */
export const jurisdictions: { code: number; name: string }[] = [
  { code: 76, name: "Brazil" },
  { code: 250, name: "France" },
  { code: 276, name: "Germany" },
  { code: 356, name: "India" },
  { code: 360, name: "Indonesia" },
  { code: 404, name: "Kenya" },
  { code: 484, name: "Mexico" },
  { code: 566, name: "Nigeria" },
  { code: 710, name: "South Africa" },
  { code: 826, name: "United Kingdom" },
  { code: 840, name: "United States" },
  { code: 704, name: "Viet Nam" },
];

export function jurisdictionName(code: number): string {
  return jurisdictions.find((j) => j.code === code)?.name ?? `ISO ${code}`;
}
