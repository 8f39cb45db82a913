"use client";

import { TxStatus } from "@/components/TxStatus";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useDeployedAddress } from "@/hooks/useDeployed";

/** The underwriter's button on one late loan: impair it, or mark it defaulted, as the policy allows. */
export function LateLoanAction({ loanId, action }: { loanId: bigint; action: "impair" | "default" | "watch" }) {
  const manager = useDeployedAddress("LoanManager");
  const tx = useScaffoldWriteContract("LoanManager");
  const functionName = action === "default" ? "markDefaulted" : "impair";
  const label = action === "default" ? "Mark defaulted" : "Impair";

  return (
    <div className="stack" data-testid="uw-late-loan-action">
      {action !== "watch" && (
        <button
          type="button"
          disabled={!manager || tx.busy}
          onClick={() => manager && tx.write({ functionName, args: [loanId] })}
        >
          {label}
        </button>
      )}
      <TxStatus state={tx.state} />
    </div>
  );
}
