"use client";

import { useState } from "react";
import { type Address, zeroAddress } from "viem";
import { useConnection } from "wagmi";
import { useChainTime } from "@/hooks/useChainTime";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useHasRole, useIdentity } from "@/hooks/useIdentity";
import { useIsClient } from "@/hooks/useIsClient";
import { type LoanList as LoanListQuery, type LoanView, useLoanList, useLoanPage } from "@/hooks/useLoans";
import { type TokenInfo, useTokenInfo } from "@/hooks/useTokenInfo";
import { UNDERWRITER_ROLE } from "@/lib/loans";
import { PartyRole } from "@/lib/parties";
import { Pager } from "../Pager";
import { BorrowerActions } from "./BorrowerActions";
import { ApproveForm, FundForm, PositionActions } from "./LenderActions";
import { PoolFundForm } from "./PoolFundForm";
import { LoanFacts } from "./LoanFacts";
import { RequestForm } from "./RequestForm";

const { SME, INVESTOR } = PartyRole;

/** One page (25) of a list of loans, filtered and paged by the indexer; only that page's stored state is read. */
function LoanList({
  list,
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
  list: LoanListQuery;
  viewer: Address;
  token: TokenInfo;
  now: number;
  testId: string;
  empty: string;
  showBorrower?: boolean;
  actions: (loan: LoanView) => React.ReactNode;
}) {
  const [wanted, setPage] = useState(0);
  const index = useLoanList(list, wanted);
  const total = index.data?.total ?? 0;
  const page = index.data?.page ?? 0;
  const state = useLoanPage(
    (index.data?.rows ?? []).map((e) => e.id),
    viewer,
  );
  if (index.isError)
    return (
      <p role="alert" className="error">
        Could not read the loans: {index.error?.message}
      </p>
    );
  if (!index.data) return <p className="muted">Loading loans…</p>;
  if (total === 0) return <p className="muted">{empty}</p>;
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
      <Pager page={page} total={total} onPage={setPage} label="Loans" />
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
  // Only to know whether a wallet that is no investor (any more) has positions to show.
  const positions = useLoanList({ kind: "fundedBy", lender: address ?? zeroAddress }, 0);
  if (!isClient) return <section className="card">Loading…</section>;
  if (!isConnected || !address) {
    return <p className="muted">Connect a wallet on the Wallet page to borrow, lend or underwrite.</p>;
  }
  if (!token || now === undefined || identity.isPending) return <section className="card">Loading…</section>;

  const [id, isActive] = identity.data ?? [undefined, false];
  const active = Boolean(id && isActive && id.expiry > now);
  const isSme = active && (id!.roles & SME) !== 0;
  const isInvestor = active && (id!.roles & INVESTOR) !== 0;
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
          <LoanList
            list={{ kind: "toUnderwrite" }}
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
        </section>
      )}

      {isSme && (
        <>
          <RequestForm token={token} now={now} />
          <section className="card">
            <h2>My loans</h2>
            <LoanList
              list={{ kind: "borrowedBy", borrower: address }}
              viewer={address}
              token={token}
              now={now}
              testId="my-loan"
              empty="No loans yet. Request your first one above."
              actions={(loan) => <BorrowerActions loan={loan} token={token} now={now} />}
            />
          </section>
        </>
      )}

      <section className="card">
        <h2>Open for funding</h2>
        {!isInvestor && <p className="muted">Only wallets verified as investors can lend their own money.</p>}
        <LoanList
          list={{ kind: "open", viewer: address, now }}
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
      </section>

      {(isInvestor || (positions.data?.total ?? 0) > 0) && (
        <section className="card">
          <h2>My positions</h2>
          <LoanList
            list={{ kind: "fundedBy", lender: address }}
            keep={(l) => l.notes > 0n || l.claimable > 0n}
            viewer={address}
            token={token}
            now={now}
            testId="position"
            showBorrower
            empty="You have not funded any loan yet."
            actions={(loan) => <PositionActions loan={loan} token={token} now={now} />}
          />
        </section>
      )}
    </div>
  );
}
