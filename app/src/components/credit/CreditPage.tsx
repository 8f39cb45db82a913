"use client";

import { useState, type FormEvent } from "react";
import { useConnection, useReadContracts } from "wagmi";
import { type Address, isAddress } from "viem";
import { abis } from "@/lib/contracts";
import { formatAmount } from "@/lib/format";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useIdentity } from "@/hooks/useIdentity";
import { useIsClient } from "@/hooks/useIsClient";
import { type TokenInfo, useTokenInfo } from "@/hooks/useTokenInfo";
import { CopyAddress } from "../CopyAddress";

const ZERO = `0x${"0".repeat(64)}`;

/** A borrower's credit history: the connected wallet's company, or any address entered. */
export function CreditPage() {
  const isClient = useIsClient();
  const { address } = useConnection();
  const token = useTokenInfo(useDeployedAddress("Stablecoin"));
  const [input, setInput] = useState("");
  const [chosen, setChosen] = useState<Address>();
  const [problem, setProblem] = useState<string>();
  const subject = chosen ?? address;

  function submit(e: FormEvent) {
    e.preventDefault();
    const text = input.trim();
    if (!isAddress(text)) return setProblem("Enter a wallet address: 0x followed by 40 hexadecimal characters.");
    setProblem(undefined);
    setChosen(text);
  }

  if (!isClient) return <section className="card">Loading…</section>;
  return (
    <div className="stack">
      <h1>Credit history</h1>
      <section className="card">
        <form onSubmit={submit} noValidate className="form inline-form" aria-label="Look up a borrower">
          <label className="field">
            <span>Borrower wallet</span>
            <input
              name="borrower"
              placeholder={address ?? "0x…"}
              value={input}
              onChange={(e) => setInput(e.target.value)}
            />
            <small className="muted">
              The record belongs to the company behind the wallet, across all its wallets.
            </small>
          </label>
          {problem && (
            <p role="alert" className="error" id="credit-problem">
              {problem}
            </p>
          )}
          <div className="buttons">
            <button type="submit">Show history</button>
            {chosen && address && (
              <button type="button" className="secondary" onClick={() => (setChosen(undefined), setInput(""))}>
                My own
              </button>
            )}
          </div>
        </form>
      </section>
      {!subject && <p className="muted">Connect a wallet or enter a borrower&apos;s address.</p>}
      {subject && token && <CreditRecordCard subject={subject} token={token} />}
    </div>
  );
}

function CreditRecordCard({ subject, token }: { subject: Address; token: TokenInfo }) {
  const identity = useIdentity(subject);
  const history = useDeployedAddress("CreditHistory");
  const manager = useDeployedAddress("LoanManager");
  const entity = identity.data?.[0].entityId;
  const hasEntity = Boolean(entity && entity !== ZERO);
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { abi: abis.CreditHistory, address: history, functionName: "recordOf", args: [entity!] },
      { abi: abis.CreditHistory, address: history, functionName: "scoreOf", args: [entity!] },
      { abi: abis.CreditHistory, address: history, functionName: "creditLimitOf", args: [entity!] },
      { abi: abis.CreditHistory, address: history, functionName: "baseLimit" },
      { abi: abis.LoanManager, address: manager, functionName: "exposureOf", args: [entity!] },
    ],
    query: { enabled: Boolean(hasEntity && history && manager) },
  });
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;

  if (identity.isPending) return <section className="card">Loading the identity…</section>;
  if (identity.isError) {
    return (
      <p role="alert" className="error">
        Could not read the identity: {identity.error.message}
      </p>
    );
  }
  if (!hasEntity) {
    return (
      <section className="card" data-testid="credit-record">
        <p>
          <CopyAddress address={subject} /> has never been verified, so it has no company and no credit history.
        </p>
      </section>
    );
  }
  if (reads.isError) {
    return (
      <p role="alert" className="error">
        Could not read the credit history: {reads.error.message}
      </p>
    );
  }
  if (!reads.data) return <section className="card">Loading the credit history…</section>;
  const [r, score, limit, baseLimit, exposure] = reads.data;
  const onTime = r.receivablesOnTime + r.loansOnTime;
  const late = r.receivablesLate + r.loansLate;
  const defaulted = r.receivablesDefaulted + r.loansDefaulted;
  const n = onTime + late + defaulted;
  const repaid = r.receivablesRepaidVolume + r.loansCreditedVolume;
  const lost = r.receivablesDefaultedVolume + r.loansDefaultedVolume;
  const quality = n === 0 ? 0 : Math.floor((1000 * (2 * onTime + late)) / (2 * n));
  const penalty = n === 0 ? 0 : Math.min(quality, Math.floor((2 * Number(r.totalDaysLate)) / n));

  return (
    <section className="card" data-testid="credit-record">
      <h2>
        <CopyAddress address={subject} />
      </h2>
      <p className="muted mono" title={entity}>
        Company {entity!.slice(0, 10)}…{entity!.slice(-6)}
      </p>
      <dl className="facts">
        <div>
          <dt>Score</dt>
          <dd data-testid="credit-score">{score.toString()} / 1000</dd>
        </div>
        <div>
          <dt>Credit limit</dt>
          <dd data-testid="credit-limit">{money(limit)}</dd>
        </div>
        <div>
          <dt>Open loans now</dt>
          <dd>{money(exposure)}</dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table aria-label="Repayment record">
          <thead>
            <tr>
              <th></th>
              <th>On time</th>
              <th>Late</th>
              <th>Defaulted</th>
              <th>Repaid (invoices) / credited (loans)</th>
              <th>Defaulted volume</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>Invoices</th>
              <td>{r.receivablesOnTime}</td>
              <td>{r.receivablesLate}</td>
              <td>{r.receivablesDefaulted}</td>
              <td>{money(r.receivablesRepaidVolume)}</td>
              <td>{money(r.receivablesDefaultedVolume)}</td>
            </tr>
            <tr>
              <th>Loans</th>
              <td data-testid="loans-on-time">{r.loansOnTime}</td>
              <td>{r.loansLate}</td>
              <td>{r.loansDefaulted}</td>
              <td>{money(r.loansCreditedVolume)}</td>
              <td>{money(r.loansDefaultedVolume)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>Days late in total: {r.totalDaysLate.toString()}.</p>
      <h3>How the score and limit are computed</h3>
      <ul>
        <li>
          A repaid loan is credited by what its lenders risked: principal × days outstanding ÷ 30, at most the
          principal. A loan repaid on time counts as on time only once it ran 30 days; repaid sooner it adds its
          credited amount and no count, and repaid in the block it was drawn down it adds nothing at all. Late loans and
          defaults always count.
        </li>
        <li>
          Every settled invoice or counted loan counts: on time is worth full marks, late half, a default nothing. The
          quality is 1000 × (2 × on time + late) ÷ (2 × all settled){n > 0 && <> = {quality}</>}.
        </li>
        <li>Lateness costs 2 points per average day late (total days late ÷ settled){n > 0 && <>: −{penalty}</>}.</li>
        <li>
          A short history weighs less: the result is multiplied by min(settled, 5) ÷ 5
          {n > 0 && (
            <>
              {" "}
              = {Math.min(n, 5)}/5, giving <strong>{score.toString()}</strong>
            </>
          )}
          . With nothing settled yet the score is 0.
        </li>
        <li>
          The credit limit is the base limit of a perfect score ({money(baseLimit)}) × score ÷ 1000, but never more than
          invoices repaid plus loans credited minus the volume defaulted ({money(repaid > lost ? repaid - lost : 0n)}).
          Loan requests up to the limit (minus open loans) are approved automatically; larger ones wait for an
          underwriter.
        </li>
      </ul>
    </section>
  );
}
