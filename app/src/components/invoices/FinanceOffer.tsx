"use client";

import { useReadContracts } from "wagmi";
import { type Address, encodeAbiParameters, isAddressEqual } from "viem";
import { type EnumMember, abis, enumMember } from "@/lib/contracts";
import { PartyRole } from "@/lib/parties";
import { formatAmount } from "@/lib/format";
import { financeTerms, formatBps, type PoolPolicy } from "@/lib/pool";
import { outstandingOf } from "@/lib/receivables";
import { type Receivable } from "@/lib/invoice";
import { formatDate } from "@/lib/time";
import { useContractAction } from "@/hooks/useContractAction";
import { useDeployedAddress } from "@/hooks/useDeployed";
import type { PoolEntry } from "@/hooks/usePools";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { TxStatus } from "../TxStatus";

const poolAbi = abis.FinancingPool;
// The pool's refusals bubble up through the token's safeTransferFrom: decode them with its errors.
const transferAbi = [...abis.ReceivableToken, ...abis.FinancingPool.filter((x) => x.type === "error")];
const assetStatusLabels: Record<EnumMember<"IFinancingPool.AssetStatus">, string> = {
  None: "None",
  Active: "Active",
  Impaired: "Impaired",
  Repaid: "Repaid",
  WrittenOff: "Written off",
};
const assetStatusLabel = (status: number) => {
  const member = enumMember("IFinancingPool.AssetStatus", status, undefined);
  return member ? assetStatusLabels[member] : "Unknown";
};

/**
 * One pool's offer for an acknowledged invoice its issuer still holds, computed the way the
 * pool computes it (see lib/pool), with the policy and liquidity checks shown as sentences
 * before anything is signed. Accepting sends the token to the pool with the shown advance as
 * the minimum (safeTransferFrom carries it; no approval). Once financed, shows the deal.
 */
export function FinanceOffer(props: {
  pool: PoolEntry;
  tokenId: bigint;
  receivable: Receivable;
  holder: Address;
  token: TokenInfo;
  now: number;
}) {
  const { tokenId, receivable: r, holder, token, now } = props;
  const { address: pool, name } = props.pool;
  const titleId = `finance-title-${pool}`;
  const receivables = useDeployedAddress("ReceivableToken");
  const identity = useDeployedAddress("IdentityRegistry");
  const { state, busy, run } = useContractAction();
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { abi: poolAbi, address: pool, functionName: "policy" },
      { abi: poolAbi, address: pool, functionName: "instantLiquidity" },
      { abi: poolAbi, address: pool, functionName: "debtorExposure", args: [r.debtorEntity] },
      { abi: poolAbi, address: pool, functionName: "smeExposure", args: [r.issuerEntity] },
      { abi: poolAbi, address: pool, functionName: "asset" },
      { abi: poolAbi, address: pool, functionName: "assetOf", args: [tokenId] },
      { abi: abis.IdentityRegistry, address: identity, functionName: "isVerified", args: [r.debtor, PartyRole.DEBTOR] },
      { abi: abis.IdentityRegistry, address: identity, functionName: "isVerified", args: [r.issuer, PartyRole.SME] },
    ],
    // Polled, not keyed by block: the offer must not show the previous block's figures while a
    // new read loads (right after selling, "Advance received" would read 0 for a moment).
    query: { enabled: Boolean(identity), refetchInterval: 5_000 },
  });
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;

  if (reads.isError) {
    return (
      <section className="card">
        <h2>Finance with {name}</h2>
        <p role="alert" className="error">
          Could not read this pool&apos;s offer: {reads.error.message}
        </p>
      </section>
    );
  }
  if (!reads.data) {
    return (
      <section className="card">
        <h2>Finance with {name}</h2>
        <p className="muted">Loading this pool&apos;s offer…</p>
      </section>
    );
  }
  const [rawPolicy, liquidity, debtorExposure, smeExposure, poolAsset, asset, debtorOk, smeOk] = reads.data;
  const policy: PoolPolicy = rawPolicy;

  if (isAddressEqual(holder, pool)) {
    return (
      <section className="card" aria-labelledby={titleId} data-testid="financed" data-pool={name}>
        <h2 id={titleId}>Financed by {name}</h2>
        <dl className="facts facts-fit">
          <div>
            <dt>Advance received</dt>
            <dd data-testid="financed-advance">{money(asset.advance)}</dd>
          </div>
          <div>
            <dt>Discount fee</dt>
            <dd>{money(asset.fee)}</dd>
          </div>
          <div>
            <dt>Financed on</dt>
            <dd>{formatDate(asset.financedAt)}</dd>
          </div>
          <div>
            <dt>Status at the pool</dt>
            <dd>{assetStatusLabel(asset.status)}</dd>
          </div>
        </dl>
        <p className="muted">
          The debtor now pays the pool. Of each payment the pool keeps what it is owed (
          {money(asset.advance + asset.fee - asset.collected)} left) and forwards the rest to you.
        </p>
        <TxStatus state={state} />
      </section>
    );
  }

  const face = outstandingOf(r);
  const result = financeTerms(face, r.dueDate, now, policy, money);
  const refusals: string[] = [];
  if (!isAddressEqual(r.currency, poolAsset)) refusals.push("The invoice is not in the pool's currency.");
  if (!smeOk) refusals.push("Your wallet must be verified as an SME to sell invoices to the pool.");
  if (policy.requireVerifiedDebtor && !debtorOk) refusals.push("The pool only finances invoices of verified debtors.");
  if (!result.ok) refusals.push(result.reason);
  else {
    const { advance } = result.terms;
    if (debtorExposure + advance > policy.maxDebtorExposure) {
      refusals.push(
        `The pool already advanced ${money(debtorExposure)} against this debtor; ${money(advance)} more would pass its limit of ${money(policy.maxDebtorExposure)}.`,
      );
    }
    if (smeExposure + advance > policy.maxSmeExposure) {
      refusals.push(
        `The pool already advanced ${money(smeExposure)} to your company; ${money(advance)} more would pass its limit of ${money(policy.maxSmeExposure)}.`,
      );
    }
    if (advance > liquidity) {
      refusals.push(`The pool has ${money(liquidity)} free right now; this invoice needs ${money(advance)}.`);
    }
  }

  async function accept() {
    if (!result.ok || refusals.length > 0) return;
    await run({
      abi: transferAbi,
      address: receivables!,
      functionName: "safeTransferFrom",
      args: [r.issuer, pool, tokenId, encodeAbiParameters([{ type: "uint256" }], [result.terms.advance])],
    });
  }

  return (
    <section className="card" aria-labelledby={titleId} data-testid="finance-offer" data-pool={name}>
      <h2 id={titleId}>Finance with {name}</h2>
      <p className="muted">
        Sell the invoice to the pool and get cash now. The pool advances {formatBps(policy.advanceRateBps)} of what is
        still owed, minus a discount of {formatBps(policy.discountRateBps)} a year until the due day begins (UTC).
      </p>
      {result.ok && (
        <dl className="facts facts-fit">
          <div>
            <dt>Invoice still owed</dt>
            <dd>{money(result.terms.face)}</dd>
          </div>
          <div>
            <dt>Advance rate {formatBps(policy.advanceRateBps)}</dt>
            <dd>{money(result.terms.gross)}</dd>
          </div>
          <div>
            <dt>Discount fee ({Math.ceil(result.terms.tenor / 86_400)} days)</dt>
            <dd data-testid="offer-fee">− {money(result.terms.fee)}</dd>
          </div>
          <div>
            <dt>You receive now</dt>
            <dd data-testid="offer-advance">
              <strong>{money(result.terms.advance)}</strong>
            </dd>
          </div>
          <div>
            <dt>You receive when the debtor pays in full</dt>
            <dd data-testid="offer-remainder">{money(result.terms.remainder)}</dd>
          </div>
        </dl>
      )}
      {refusals.length > 0 && (
        <ul role="alert" className="error" data-testid="offer-refusals">
          {refusals.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {result.ok && refusals.length === 0 && (
        <p className="muted">
          The fee only shrinks while you wait, so you receive at least this advance; the debtor will then pay the pool.
        </p>
      )}
      <button type="button" disabled={busy || !result.ok || refusals.length > 0} onClick={() => void accept()}>
        {busy ? "Working…" : "Finance this invoice"}
      </button>
      <TxStatus state={state} />
    </section>
  );
}
