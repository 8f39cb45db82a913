import { id } from "ethers";

/** Mirrors contracts/access/Roles.sol; a test checks the two agree. */
export const Roles = {
  KYC_PROVIDER: 1n,
  POOL_MANAGER: 2n,
  UNDERWRITER: 3n,
  PAUSER: 4n,
  SERVICER: 5n,
  POLICY_ADMIN: 6n,
} as const;

export type RoleName = keyof typeof Roles;

/** AccessManager's own admin role (not in Roles.sol): functions only the admin may call. */
export const ADMIN_ROLE = 0n;

/** 4-byte selectors of function signatures, for AccessManager.setTargetFunctionRole. */
export function selectors(...signatures: string[]): string[] {
  return signatures.map((s) => id(s).slice(0, 10));
}
