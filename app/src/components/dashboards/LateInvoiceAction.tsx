"use client";

import { type Address, toFunctionSelector } from "viem";
import { useConnection, useReadContract } from "wagmi";
import { TxStatus } from "@/components/TxStatus";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { abis } from "@/lib/contracts";

const IMPAIR = toFunctionSelector("impair(uint256)");

export type InvoiceStep = "watch" | "impair" | "write off";

/**
 * What the connected wallet may do about one late financed invoice: the pool manager impairs it
 * after the pool's grace period and writes it off after its default delay; anyone may impair it
 * once it is past the pool's public delay (`impairOverdue`). Anyone may also record the SME's
 * default when it kept a payment the servicer attested past the due date plus the grace period
 * (`recordKeptPayment`, once per invoice). Nothing when none applies.
 */
export function LateInvoiceAction({
  pool,
  tokenId,
  step,
  publicImpair,
  keptBySme,
}: {
  pool: Address;
  tokenId: bigint;
  step: InvoiceStep;
  /** Past the pool's public impairment delay and not impaired yet. */
  publicImpair: boolean;
  /** The SME owes the pool attested money and the pool's grace period has passed. */
  keptBySme: boolean;
}) {
  const { address } = useConnection();
  const authority = useDeployedAddress("AccessManager");
  // impair and writeOff share the pool manager role, so one question answers both.
  const can = useReadContract({
    abi: abis.AccessManager,
    address: authority,
    functionName: "canCall",
    args: address ? [address, pool, IMPAIR] : undefined,
    query: { enabled: Boolean(address && authority && step !== "watch") },
  });
  const manager = can.data?.[0] === true;
  const recorded = useReadContract({
    abi: abis.FinancingPool,
    address: pool,
    functionName: "smeDefaultRecorded",
    args: [tokenId],
    query: { enabled: keptBySme },
  });
  const recordKept = keptBySme && recorded.data === false;
  const tx = useScaffoldWriteContract("FinancingPool", pool);
  const functionName = step === "write off" ? "writeOff" : manager ? "impair" : "impairOverdue";
  const label = step === "write off" ? "Write off" : manager ? "Impair" : "Impair (overdue: anyone may)";
  const allowed = step !== "watch" && (manager || (step === "impair" && publicImpair));

  if (!allowed && !recordKept && tx.state.status === "idle") return null;
  return (
    <div className="stack" data-testid="uw-late-invoice-action">
      {allowed && (
        <button type="button" disabled={tx.busy} onClick={() => tx.write({ functionName, args: [tokenId] })}>
          {label}
        </button>
      )}
      {recordKept && (
        <button
          type="button"
          disabled={tx.busy}
          data-testid="uw-record-kept-payment"
          onClick={() => tx.write({ functionName: "recordKeptPayment", args: [tokenId] })}
        >
          Record SME default (kept attested payment: anyone may)
        </button>
      )}
      <TxStatus state={tx.state} />
    </div>
  );
}
