"use client";

import { useState, type FormEvent } from "react";
import { useConfig } from "wagmi";
import { readContract } from "wagmi/actions";
import type { Address } from "viem";
import { abis } from "@/lib/contracts";
import { formatAmount, parseAmountInput } from "@/lib/format";
import { useContractAction } from "@/hooks/useContractAction";
import type { PoolFacts, PoolPosition } from "@/hooks/usePool";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { FormSubmit } from "../FormSubmit";
import { TxStatus } from "../TxStatus";
import { FillableAmount } from "./FillableAmount";

const abi = abis.FinancingPool;
const queueAbi = abis.RedemptionQueue;

/**
 * Queued exits for more than the pool's free cash, through the pool's ERC-7540 redemption queue:
 * request, see what is still pending, fill it from free cash, cancel what is pending, and claim
 * what the queue has filled.
 */
export function RedemptionCard(props: { facts: PoolFacts; owner: Address; position: PoolPosition; token: TokenInfo }) {
  const { facts, owner, position, token } = props;
  const pool = facts.pool;
  const queue = position.queue;
  const config = useConfig();
  const [amount, setAmount] = useState("");
  const [problem, setProblem] = useState<string>();
  const request = useContractAction();
  const other = useContractAction();
  const busy = request.busy || other.busy;
  const money = (v: bigint) => `${formatAmount(v, token.decimals)} ${token.symbol}`;
  const shares = (v: bigint) => `${formatAmount(v, facts.shareDecimals, 4)} ${facts.shareSymbol}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseAmountInput(amount, token.decimals);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (parsed.value > position.value) {
      return setProblem(`Your shares are worth ${money(position.value)}; you cannot redeem ${money(parsed.value)}.`);
    }
    if (parsed.value < facts.policy.minRedeemRequest) {
      return setProblem(`A redemption request must be worth at least ${money(facts.policy.minRedeemRequest)}.`);
    }
    setProblem(undefined);
    // Shares for the amount at the exit price, rounded up; all of them when asking for everything.
    let count = position.shares;
    if (parsed.value < position.value) {
      const needed = await readContract(config, {
        abi,
        address: pool,
        functionName: "previewWithdraw",
        args: [parsed.value],
      });
      count = needed < position.shares ? needed : position.shares;
    }
    const ok = await request.run({
      abi: queueAbi,
      address: queue,
      functionName: "requestRedeem",
      args: [count, owner, owner],
    });
    if (ok) setAmount("");
  }

  return (
    <section className="card" aria-labelledby="pool-redeem">
      <h2 id="pool-redeem">Redemptions beyond free cash</h2>
      <p className="muted">
        A request puts your shares in the pool&apos;s redemption queue; they are paid at the exit price, oldest first,
        as debtors pay and cash comes back. You can cancel what is still pending, and claim what was filled.
      </p>
      <dl className="facts facts-fit">
        <div>
          <dt>Pending</dt>
          <dd data-testid="pending-redeem">
            {shares(position.pendingShares)} <small className="muted">(worth {money(position.pendingValue)} now)</small>
          </dd>
        </div>
        <div>
          <dt>Ready to claim</dt>
          <dd data-testid="claimable-redeem">{money(position.claimableAssets)}</dd>
        </div>
      </dl>
      <div className="actions">
        {position.claimableAssets > 0n && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void other.run({
                abi: queueAbi,
                address: queue,
                functionName: "redeem",
                args: [position.claimableShares, owner, owner],
              })
            }
          >
            Claim {money(position.claimableAssets)}
          </button>
        )}
        {position.pendingShares > 0n && facts.idleCash > 0n && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void other.run({ abi, address: pool, functionName: "processQueue", args: [10n] })}
          >
            Fill from free cash now
          </button>
        )}
        {position.pendingShares > 0n && (
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() =>
              void other.run({ abi: queueAbi, address: queue, functionName: "cancelRedeemRequest", args: [owner] })
            }
          >
            Cancel pending
          </button>
        )}
      </div>
      <TxStatus state={other.state} />
      <form onSubmit={submit} noValidate className="form" aria-label="Request redemption">
        <FillableAmount
          label={`Amount to redeem (${token.symbol})`}
          name="redeemAmount"
          value={amount}
          onChange={setAmount}
          fill={{ label: "All", value: formatAmount(position.value, token.decimals), disabled: position.shares === 0n }}
        >
          <small className="muted">
            Your shares are worth {money(position.value)}; at least {money(facts.policy.minRedeemRequest)} per request.
            You queue the shares worth this amount now; they are paid at the exit price when filled, which may differ
            slightly.
            {position.maxWithdraw > 0n && <> Up to {money(position.maxWithdraw)} can be withdrawn at once instead.</>}
          </small>
        </FillableAmount>
        <FormSubmit label="Request redemption" problem={problem} busy={busy} state={request.state} />
      </form>
    </section>
  );
}
