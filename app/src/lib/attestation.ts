import type { Address, Hex } from "viem";

/** EIP-712 type of IdentityRegistry's `Attestation` (field order matters: it is hashed). */
export const attestationTypes = {
  Attestation: [
    { name: "account", type: "address" },
    { name: "roles", type: "uint8" },
    { name: "jurisdiction", type: "uint16" },
    { name: "expiry", type: "uint40" },
    { name: "entityId", type: "bytes32" },
    { name: "provider", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export interface SignedAttestation {
  attestation: {
    account: Address;
    roles: number;
    jurisdiction: number;
    expiry: number;
    entityId: Hex;
    provider: Address;
    nonce: string;
    deadline: string;
  };
  signature: Hex;
}

/** Parses what a user pasted; returns a sentence instead when it is not a signed attestation. */
export function parseSignedAttestation(text: string): SignedAttestation | string {
  try {
    const value = JSON.parse(text) as SignedAttestation;
    const a = value.attestation;
    if (!a || typeof value.signature !== "string" || !value.signature.startsWith("0x")) {
      return "This is not a signed attestation: it needs an `attestation` and a `signature`.";
    }
    for (const key of ["account", "roles", "jurisdiction", "expiry", "entityId", "provider", "nonce", "deadline"]) {
      if (!(key in a)) return `The attestation is missing "${key}".`;
    }
    return value;
  } catch {
    return "Paste the whole attestation your KYC provider sent (JSON).";
  }
}
