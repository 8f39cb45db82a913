import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";
import { formatAmount } from "./format";

type Args = readonly unknown[];
const usd = (v: unknown) => `${formatAmount(v as bigint, 6)} dUSD`;

// One sentence per custom error of the protocol, in the words a user would use.
const sentences: Record<string, (args: Args) => string> = {
  DemoUSDFaucetLimitExceeded: ([, requested, available]) =>
    `You asked the faucet for ${usd(requested)} but only ${usd(available)} is left for you in this 24-hour window.`,
  DemoUSDZeroAmount: () => "The amount must be more than zero.",
  DemoUSDWrongChain: ([chainId]) =>
    `The demo stablecoin only exists on the local chain, not on chain ${String(chainId)}.`,
  IdentityAttestationExpired: ([deadline]) =>
    `This attestation could only be submitted until ${new Date(Number(deadline) * 1000).toLocaleString()}; ask your KYC provider for a new one.`,
  IdentityInvalidSignature: ([provider]) =>
    `The signature does not match the attestation of provider ${String(provider)}.`,
  IdentityInvalidSigner: ([signer]) => `${String(signer)} is not (or no longer) an authorised KYC provider.`,
  IdentityInvalidNonce: () => "This attestation was already used or replaced by a newer one; ask for a new one.",
  IdentityInvalidRoles: () => "Choose at least one valid role.",
  IdentityInvalidJurisdiction: ([code]) => `${String(code)} is not an ISO 3166 numeric country code.`,
  IdentityExpiryInPast: () => "The expiry date must be in the future.",
  IdentityZeroEntity: () => "The company reference is missing.",
  IdentityZeroAccount: () => "The wallet address is missing.",
  IdentityNotVerified: ([account]) => `${String(account)} is not verified.`,
  OwnableUnauthorizedAccount: ([account]) => `${String(account)} is not allowed to do this.`,
  AccessManagedUnauthorized: ([caller]) => `${String(caller)} does not hold the role this action needs.`,
  EnforcedPause: () => "This action is paused right now.",
  ERC20InsufficientBalance: ([, balance, needed]) => `The balance is ${usd(balance)} but ${usd(needed)} is needed.`,
  ERC20InsufficientAllowance: ([, allowance, needed]) =>
    `The approved amount is ${usd(allowance)} but ${usd(needed)} is needed.`,
};

/** Turns anything a wallet, viem or a contract threw into one sentence for the person. */
export function explainError(error: unknown): string {
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError)) return "You rejected the request in your wallet.";
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const name = reverted.data?.errorName;
      if (name && sentences[name]) return sentences[name](reverted.data?.args ?? []);
      if (name) return `The contract refused: ${name}.`;
      if (reverted.reason) return `The contract refused: ${reverted.reason}.`;
    }
    return error.shortMessage;
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
