/**
 * Type-level tests of the contract layer. Nothing here runs: the app's type check (`tsc -p app`,
 * also part of `next build`) compiles it, and each `@ts-expect-error` must sit on a real error, so
 * if typing regresses (a misspelled function, a wrong argument, an unknown deployment, enum or
 * error name is accepted) the unused directive fails the check.
 */
import type { Address } from "viem";
import { useContractAction } from "@/hooks/useContractAction";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useScaffoldReadContract, useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { type ContractErrorName, type EnumMember, abis, constants, enumMember } from "@/lib/contracts";

declare const pool: Address;
declare const account: Address;

export function useTypeTests() {
  const { run } = useContractAction();
  void run({ abi: abis.FinancingPool, address: pool, functionName: "deposit", args: [1n, account] });
  // @ts-expect-error a function the ABI does not have
  void run({ abi: abis.FinancingPool, address: pool, functionName: "depositAll", args: [1n, account] });
  // @ts-expect-error an argument of the wrong type (a number where uint256 wants a bigint)
  void run({ abi: abis.FinancingPool, address: pool, functionName: "deposit", args: [1, account] });
  // @ts-expect-error a view is not a transaction
  void run({ abi: abis.FinancingPool, address: pool, functionName: "sharePrice", args: [] });

  const loans = useScaffoldWriteContract("LoanManager");
  void loans.write({ functionName: "repay", args: [1n, 2n] });
  // @ts-expect-error a function the loan manager does not have
  void loans.write({ functionName: "repayAll", args: [1n] });
  // @ts-expect-error a missing argument
  void loans.write({ functionName: "repay", args: [1n] });
  // @ts-expect-error a deployment that does not exist
  useScaffoldWriteContract("LoanManagr");

  const price = useScaffoldReadContract({ contractName: "FinancingPool", functionName: "sharePrice" });
  const typed: bigint | undefined = price.data;
  const identity = useScaffoldReadContract({
    contractName: "IdentityRegistry",
    functionName: "isVerified",
    args: [account, constants.PartyRoles.SME],
  });
  const verified: boolean | undefined = identity.data;
  // @ts-expect-error a view the pool does not have
  useScaffoldReadContract({ contractName: "FinancingPool", functionName: "sharePrise" });
  // @ts-expect-error an argument of the wrong type (a string where uint8 wants a number)
  useScaffoldReadContract({ contractName: "IdentityRegistry", functionName: "isVerified", args: [account, "SME"] });

  // @ts-expect-error a deployment that does not exist
  useDeployedAddress("FinancePool");

  const status: EnumMember<"IReceivableToken.Status"> | undefined = enumMember("IReceivableToken.Status", 2, undefined);
  // @ts-expect-error not a member of the enum
  const wrongStatus: EnumMember<"IReceivableToken.Status"> = "Settled";
  // @ts-expect-error an enum the contracts do not declare
  enumMember("IReceivableToken.State", 0, undefined);

  const knownError: ContractErrorName = "ReceivableNotFound";
  // @ts-expect-error an error no contract declares
  const unknownError: ContractErrorName = "ReceivableMissing";

  const underwriter: bigint = constants.Roles.UNDERWRITER;
  return { typed, verified, status, wrongStatus, knownError, unknownError, underwriter };
}
