"use client";

import { formatAmount } from "@/lib/format";
import type { Identity } from "@/lib/flows/reconcile";
import type { TokenInfo } from "@/hooks/useTokenInfo";

function IdentityCard({ identity: i, money }: { identity: Identity; money: (v: bigint) => string }) {
  return (
    <li className="identity" data-testid="identity" data-id={i.id} data-ok={i.ok}>
      <div className="row">
        <strong>{i.title}</strong>
        {i.ok ? (
          <span className="ok" aria-label="matches">
            ✓ equal
          </span>
        ) : (
          <span className="error" data-testid="identity-difference">
            ✗ differs by {money(i.difference < 0n ? -i.difference : i.difference)}
          </span>
        )}
      </div>
      <dl className="facts facts-fit">
        {i.terms.map((t) => (
          <div key={t.label}>
            <dt>{t.label}</dt>
            <dd className="num">
              {t.sign < 0 ? "− " : "+ "}
              {money(t.amount)}
            </dd>
          </div>
        ))}
        <div>
          <dt>
            <strong>Rebuilt from events</strong>
          </dt>
          <dd className="num" data-testid="identity-rebuilt">
            <strong>{money(i.rebuilt)}</strong>
          </dd>
        </div>
        <div>
          <dt>
            Read from the contract <span className="mono">{i.onChainLabel}</span>
          </dt>
          <dd className="num" data-testid="identity-onchain">
            <strong>{money(i.onChain)}</strong>
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** Each identity with both sides: sums rebuilt from every event vs balances the contracts report. */
export function ReconciliationPanel({
  identities,
  token,
  atBlock,
}: {
  identities: Identity[];
  token: TokenInfo;
  atBlock: bigint;
}) {
  const money = (v: bigint) => `${formatAmount(v, token.decimals)} ${token.symbol}`;
  const failing = identities.filter((i) => !i.ok).length;
  return (
    <section className="card" aria-labelledby="reconciliation">
      <h2 id="reconciliation">Reconciliation</h2>
      <p className="muted">
        Over all movements (filters do not apply), at block {atBlock.toString()} (the last block the indexer has
        indexed): sums rebuilt from the indexer&apos;s rows of the events, against what the contracts report on the
        chain at that same block, to the last unit.{" "}
        <span data-testid="reconciliation-summary" className={failing ? "error" : "ok"}>
          {failing ? `${failing} of ${identities.length} do not match.` : `All ${identities.length} match.`}
        </span>
      </p>
      <ul className="identities">
        {identities.map((i) => (
          <IdentityCard key={i.id} identity={i} money={money} />
        ))}
      </ul>
    </section>
  );
}
