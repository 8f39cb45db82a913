"use client";

import { useState } from "react";
import { type Address, isAddressEqual } from "viem";
import { useConnection } from "wagmi";
import { useChainTime } from "@/hooks/useChainTime";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useHasRole, useIdentity } from "@/hooks/useIdentity";
import { useIsClient } from "@/hooks/useIsClient";
import { type LoanIndexEntry, type LoanView, useLoanIndex, useLoanPage } from "@/hooks/useLoans";
import { type TokenInfo, useTokenInfo } from "@/hooks/useTokenInfo";
import { UNDERWRITER_ROLE } from "@/lib/loans";
import { PartyRole } from "@/lib/parties";
import { Pager, pageOf } from "../Pager";
import { BorrowerActions } from "./BorrowerActions";
import { ApproveForm, FundForm, PositionActions } from "./LenderActions";
import { PoolFundForm } from "./PoolFundForm";
import { LoanFacts } from "./LoanFacts";
import { RequestForm } from "./RequestForm";

const { SME, INVESTOR } = PartyRole;

/** One page (25) of a list of loans; only that page's stored state is read. */
function LoanList({
  entries,
  viewer,
  token,
  now,
  testId,
  empty,
  showBorrower,
  actions,
  keep = () => true,
}: {
  /** Drops rows whose stored state says they no longer belong (e.g. a position fully taken back). */
  keep?: (loan: LoanView) => boolean;
  entries: LoanIndexEntry[];
  viewer: Address;
  token: TokenInfo;
  now: number;
  testId: string;
  empty: string;
  showBorrower?: boolean;
  actions: (loan: LoanView) => React.ReactNode;
}) {
  const [wanted, setPage] = useState(0);
  const { rows, page } = pageOf(entries, wanted);
  const state = useLoanPage(
    rows.map((e) => e.id),
    viewer,
  );
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="stack" data-testid={`${testId}-list`} data-page={page}>
      {state.isError && (
        <p role="alert" className="error">
          Could not read these loans: {state.error.message}
        </p>
      )}
      {state.isPending && !state.isError && <p className="muted">Loading loans…</p>}
      {state.data && (
        <ul className="invoice-list">
          {state.data.filter(keep).map((loan) => (
            <li
              key={loan.id.toString()}
              className="invoice-item"
              data-testid={testId}
              data-loan-id={loan.id.toString()}
              data-status={loan.status}
            >
              <LoanFacts loan={loan} token={token} now={now} showBorrower={showBorrower} />
              {actions(loan)}
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} total={entries.length} onPage={setPage} label="Loans" />
    </div>
  );
}

/** Borrowers request and repay, lenders fund and claim, underwriters approve: one page, by role. */
export function LoansPage() {
  const isClient = useIsClient();
  const { address, isConnected } = useConnection();
  const token = useTokenInfo(useDeployedAddress("Stablecoin"));
  const now = useChainTime();
  const identity = useIdentity(address);
  const underwriter = useHasRole(UNDERWRITER_ROLE, address);
  const loans = useLoanIndex(address);
  if (!isClient) return <section className="card">Loading…</section>;
  if (!isConnected || !address) {
    return <p className="muted">Connect a wallet on the Wallet page to borrow, lend or underwrite.</p>;
  }
  if (!token || now === undefined || identity.isPending) return <section className="card">Loading…</section>;

  const [id, isActive] = identity.data ?? [undefined, false];
  const active = Boolean(id && isActive && id.expiry > now);
  const isSme = active && (id!.roles & SME) !== 0;
  const isInvestor = active && (id!.roles & INVESTOR) !== 0;
  const all = loans.data ?? [];
  const mine = all.filter((l) => isAddressEqual(l.borrower, address));
  const open = all.filter(
    (l) => l.status === "Funding" && !isAddressEqual(l.borrower, address) && l.fundingDeadline >= now,
  );
  const positions = all.filter((l) => l.fundedByViewer);
  const pending = all.filter((l) => l.status === "Pending" || l.status === "Offered");

  const listState = (
    <>
      {loans.isError && (
        <p role="alert" className="error">
          Could not read the loans: {loans.error.message}
        </p>
      )}
      {loans.isPending && !loans.isError && <p className="muted">Loading loans…</p>}
    </>
  );

  return (
    <div className="stack">
      <h1>Loans</h1>
      {!active && (
        <p className="muted" data-testid="loans-not-verified">
          Your wallet is not verified. A KYC provider must verify you as an SME to borrow or as an investor to lend.
        </p>
      )}

      {underwriter.data && (
        <section className="card" data-testid="underwriting">
          <h2>Requests to underwrite</h2>
          {listState}
          {loans.data && (
            <LoanList
              entries={pending}
              viewer={address}
              token={token}
              now={now}
              testId="pending-loan"
              showBorrower
              empty="No request waits for approval."
              actions={(loan) =>
                loan.status === "Pending" ? (
                  <ApproveForm loan={loan} token={token} />
                ) : (
                  <p className="muted">Offered; waiting for the borrower to accept.</p>
                )
              }
            />
          )}
        </section>
      )}

      {isSme && (
        <>
          <RequestForm token={token} now={now} />
          <section className="card">
            <h2>My loans</h2>
            {listState}
            {loans.data && (
              <LoanList
                entries={mine}
                viewer={address}
                token={token}
                now={now}
                testId="my-loan"
                empty="No loans yet. Request your first one above."
                actions={(loan) => <BorrowerActions loan={loan} token={token} now={now} />}
              />
            )}
          </section>
        </>
      )}

      <section className="card">
        <h2>Open for funding</h2>
        {!isInvestor && <p className="muted">Only wallets verified as investors can lend their own money.</p>}
        {listState}
        {loans.data && (
          <LoanList
            entries={open}
            viewer={address}
            token={token}
            now={now}
            testId="open-loan"
            showBorrower
            empty="No loan is open for funding right now."
            actions={(loan) => (
              <>
                {isInvestor && <FundForm loan={loan} token={token} now={now} />}
                <PoolFundForm loan={loan} token={token} now={now} />
              </>
            )}
          />
        )}
      </section>

      {(isInvestor || positions.length > 0) && (
        <section className="card">
          <h2>My positions</h2>
          {listState}
          {loans.data && (
            <LoanList
              entries={positions}
              keep={(l) => l.notes > 0n || l.claimable > 0n}
              viewer={address}
              token={token}
              now={now}
              testId="position"
              showBorrower
              empty="You have not funded any loan yet."
              actions={(loan) => <PositionActions loan={loan} token={token} now={now} />}
            />
          )}
        </section>
      )}
    </div>
  );
}
