"use client";

import { type FormEvent, useState } from "react";
import { type Address, toFunctionSelector } from "viem";
import { useConnection, useReadContracts } from "wagmi";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useDeployedAddress } from "@/hooks/useDeployed";
import type { LoanView } from "@/hooks/useLoans";
import { usePoolFacts } from "@/hooks/usePool";
import { usePools } from "@/hooks/usePools";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { abis } from "@/lib/contracts";
import { formatAmount } from "@/lib/format";
import { checkFunding } from "@/lib/loans";
import { FormSubmit } from "../FormSubmit";

const FUND_LOAN = toFunctionSelector("fundLoan(address,uint256,uint256)");

/**
 * The pool manager commits a pool's cash to a loan open for funding (`fundLoan`): shown only to a
 * wallet the AccessManager lets call it on at least one pool, checked against what the loan still
 * needs, its deadline and the pool's cash free for new assets before signing.
 */
export function PoolFundForm({ loan, token, now }: { loan: LoanView; token: TokenInfo; now: number }) {
  const { address } = useConnection();
  const pools = usePools();
  const authority = useDeployedAddress("AccessManager");
  const manager = useDeployedAddress("LoanManager");
  const can = useReadContracts({
    allowFailure: false,
    contracts: pools.map(
      (p) =>
        ({
          abi: abis.AccessManager,
          address: authority,
          functionName: "canCall",
          args: address ? [address, p.address, FUND_LOAN] : undefined,
        }) as const,
    ),
    query: { enabled: Boolean(address && authority) && pools.length > 0 },
  });
  // canCall answers (immediate, delay); only an immediate grant lets this wallet fund now.
  const answers = can.data as readonly (readonly [boolean, number])[] | undefined;
  const allowed = pools.filter((_, i) => answers?.[i]?.[0] === true);
  const [chosen, setChosen] = useState<Address>();
  const pool = chosen ?? allowed[0]?.address;
  const { facts } = usePoolFacts(pool);
  const remaining = loan.principal - loan.funded;
  const [amount, setAmount] = useState(formatAmount(remaining, token.decimals));
  const [problem, setProblem] = useState<string>();
  const { state, busy, write } = useScaffoldWriteContract("FinancingPool", pool);
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;
  if (allowed.length === 0 || !pool) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = checkFunding(amount, loan, now, token.decimals, money);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (facts && parsed.value > facts.instantLiquidity) {
      return setProblem(`The pool has ${money(facts.instantLiquidity)} free; it cannot lend ${money(parsed.value)}.`);
    }
    setProblem(undefined);
    await write({ functionName: "fundLoan", args: [manager!, loan.id, parsed.value] });
  }

  return (
    <form onSubmit={submit} noValidate className="form inline-form" aria-label={`Fund loan ${loan.id} from a pool`}>
      {allowed.length > 1 && (
        <label className="field">
          <span>Pool</span>
          <select name="pool" value={pool} onChange={(e) => setChosen(e.target.value as Address)}>
            {allowed.map((p) => (
              <option key={p.address} value={p.address}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>Lend from the pool ({token.symbol})</span>
        <input name="poolFundAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        <small className="muted">
          {money(remaining)} still needed
          {facts && <> · {money(facts.instantLiquidity)} of the pool&apos;s cash is free</>}. The pool books it at cost
          and collects its share of every repayment.
        </small>
      </label>
      <FormSubmit label="Fund from the pool" problem={problem} busy={busy} state={state} />
    </form>
  );
}
