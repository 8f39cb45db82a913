"use client";

import Link from "next/link";
import { type Address, type Hash, isAddress, isAddressEqual, isHash } from "viem";
import { useChainId } from "wagmi";
import { CopyAddress } from "@/components/CopyAddress";
import { deployedPools } from "@/lib/contracts";
import { formatAmount } from "@/lib/format";
import { relativeTime } from "@/lib/flows/time";
import { useChainTime } from "@/hooks/useChainTime";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useIsClient } from "@/hooks/useIsClient";
import { type TokenInfo, useTokenInfo } from "@/hooks/useTokenInfo";
import { type DecodedTxLog, useTransaction } from "@/hooks/useTransaction";
import { TxMovements } from "./TxMovements";

const AMOUNT =
  /amount|assets|advance|face|fee|principal|income|recovery|loss|interest|prepaid|paid|funded|outstanding/i;

function Value({ name, value, token }: { name: string; value: unknown; token?: TokenInfo }) {
  if (typeof value === "string" && isAddress(value)) return <CopyAddress address={value} />;
  if (typeof value === "bigint") {
    return (
      <span className="mono">
        {value.toLocaleString("en-US")}
        {token && AMOUNT.test(name) && !/bps|count|days/i.test(name) && (
          <span className="muted">
            {" "}
            = {formatAmount(value, token.decimals)} {token.symbol}
          </span>
        )}
      </span>
    );
  }
  if (typeof value === "boolean") return <span>{value ? "yes" : "no"}</span>;
  if (typeof value === "object" && value !== null)
    return (
      <span className="mono wrap">{JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v))}</span>
    );
  return <span className="mono wrap">{String(value)}</span>;
}

function LogItem({ log, token }: { log: DecodedTxLog; token?: TokenInfo }) {
  return (
    <li className="identity" data-testid="tx-log" data-event={log.eventName ?? "unknown"}>
      <div className="row">
        <strong>{log.eventName ?? "Event not in the protocol's ABIs"}</strong>
        <span className="muted">
          #{log.logIndex} · {log.contract ?? <CopyAddress address={log.address} />}
        </span>
      </div>
      {log.args && (
        <dl className="facts facts-fit">
          {Object.entries(log.args).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>
                <Value name={k} value={v} token={token} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

/** A transaction of the local chain (which has no block explorer): status, call and decoded logs. */
export function TxPage({ hash }: { hash: string }) {
  const isClient = useIsClient();
  const valid = isHash(hash);
  const { data, isPending, isError, error } = useTransaction(valid ? (hash as Hash) : undefined);
  const token = useTokenInfo(useDeployedAddress("Stablecoin"));
  const now = useChainTime();
  const pools = deployedPools(useChainId());
  if (!valid) {
    return (
      <p role="alert" className="error">
        “{hash}” is not a transaction hash (0x followed by 64 hexadecimal digits).
      </p>
    );
  }
  let body;
  if (!isClient || isPending) body = <section className="card">Reading the transaction…</section>;
  else if (isError) {
    body = (
      <p role="alert" className="error">
        Could not read the transaction: {error.message}
      </p>
    );
  } else if (!data) body = <p className="muted">No transaction with this hash on this chain.</p>;
  else {
    const { receipt, tx } = data;
    // The pool whose books this transaction touched, if any: its flows are the ones to show.
    const pool = pools.find((p) => data.logs.some((l) => isAddressEqual(l.address, p.address)))?.address;
    body = (
      <>
        <section className="card">
          <dl className="facts facts-fit">
            <div>
              <dt>Status</dt>
              <dd data-testid="tx-receipt-status" className={receipt.status === "success" ? "ok" : "error"}>
                {receipt.status === "success" ? "Succeeded" : "Reverted"}
              </dd>
            </div>
            <div>
              <dt>Time</dt>
              <dd>
                {new Date(data.timestamp * 1000).toLocaleString()}
                {now !== undefined && <span className="muted"> · {relativeTime(data.timestamp, now)}</span>}
              </dd>
            </div>
            <div>
              <dt>Block</dt>
              <dd>{receipt.blockNumber.toString()}</dd>
            </div>
            <div>
              <dt>From</dt>
              <dd>
                <CopyAddress address={tx.from} />
              </dd>
            </div>
            <div>
              <dt>To</dt>
              <dd>
                {data.target && <strong>{data.target} </strong>}
                {receipt.to && <CopyAddress address={receipt.to as Address} />}
              </dd>
            </div>
            <div>
              <dt>Call</dt>
              <dd className="mono">{data.functionName ?? "unknown"}</dd>
            </div>
            <div>
              <dt>Gas used</dt>
              <dd>{receipt.gasUsed.toLocaleString("en-US")}</dd>
            </div>
            <div>
              <dt>Hash</dt>
              <dd className="mono wrap">{hash}</dd>
            </div>
          </dl>
        </section>
        <TxMovements hash={hash as Hash} pool={pool} />
        <section className="card" aria-labelledby="tx-events">
          <h2 id="tx-events">Events ({data.logs.length})</h2>
          <ul className="tx-logs">
            {data.logs.map((l) => (
              <LogItem key={l.logIndex} log={l} token={token} />
            ))}
          </ul>
        </section>
      </>
    );
  }
  return (
    <div className="stack flows-page">
      <h1>Transaction</h1>
      <p>
        <Link href="/flows">← All fund flows</Link>
      </p>
      {body}
    </div>
  );
}
