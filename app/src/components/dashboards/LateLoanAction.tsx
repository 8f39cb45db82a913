"use client";

import { TxStatus } from "@/components/TxStatus";
import { useContractAction } from "@/hooks/useContractAction";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { abis } from "@/lib/contracts";

/** The underwriter's button on one late loan: impair it, or mark it defaulted, as the policy allows. */
export function LateLoanAction({ loanId, action }: { loanId: bigint; action: "impair" | "default" | "watch" }) {
  const manager = useDeployedAddress("LoanManager");
  const tx = useContractAction();
  const functionName = action === "default" ? "markDefaulted" : "impair";
  const label = action === "default" ? "Mark defaulted" : "Impair";

  return (
    <div className="stack" data-testid="uw-late-loan-action">
      {action !== "watch" && (
        <button
          type="button"
          disabled={!manager || tx.busy}
          onClick={() => manager && tx.run({ abi: abis.LoanManager, address: manager, functionName, args: [loanId] })}
        >
          {label}
        </button>
      )}
      <TxStatus state={tx.state} />
    </div>
  );
}
