"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useConfig, useConnection, usePublicClient } from "wagmi";
import { readContract } from "wagmi/actions";
import {
  type Address,
  type ContractFunctionArgs,
  type Hex,
  getAddress,
  isAddress,
  isAddressEqual,
  maxUint128,
} from "viem";
import { abis } from "@/lib/contracts";
import { explainError } from "@/lib/errors";
import { parseAmountInput } from "@/lib/format";
import { PartyRole } from "@/lib/parties";
import { canonicalInvoiceNumber, documentHashOf, metadataUri, sha256File, tokenIdOf } from "@/lib/receivables";
import { dateInputToSeconds } from "@/lib/time";
import { useChainTime } from "@/hooks/useChainTime";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { readReceivable } from "@/hooks/useReceivables";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { FormSubmit } from "../FormSubmit";
import { TxStatus } from "../TxStatus";

/** The struct `tokenize` takes, as the ABI declares it. */
type TokenizeParams = ContractFunctionArgs<typeof abis.IReceivableToken, "nonpayable", "tokenize">[0];

interface Draft {
  invoiceNumber: string;
  description: string;
  debtor: string;
  amount: string;
  issueDate: string;
  dueDate: string;
}

const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * The SME turns one invoice into a token. Everything that can be checked before signing is
 * checked here (file, address, roles, amount, dates, duplicates), so a signature is only asked
 * for a transaction that will pass; the document is hashed in the browser and never uploaded.
 */
export function TokenizeForm() {
  const { address } = useConnection();
  const config = useConfig();
  const client = usePublicClient();
  const receivables = useDeployedAddress("ReceivableToken");
  const registry = useDeployedAddress("IdentityRegistry");
  const currency = useDeployedAddress("Stablecoin");
  const token = useTokenInfo(currency);
  const now = useChainTime();
  const today = now === undefined ? "" : isoDay(now);
  const [draft, setDraft] = useState<Draft>({
    invoiceNumber: "",
    description: "",
    debtor: "",
    amount: "",
    issueDate: "",
    dueDate: "",
  });
  const [file, setFile] = useState<{ name: string; hash: Hex }>();
  const [problem, setProblem] = useState<string>();
  const [checking, setChecking] = useState(false);
  const [created, setCreated] = useState<bigint>();
  const { state, busy: sending, write } = useScaffoldWriteContract("ReceivableToken");
  const busy = checking || sending;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function chooseFile(chosen: File | undefined) {
    setFile(undefined);
    if (!chosen) return;
    setFile({ name: chosen.name, hash: await sha256File(chosen) });
  }

  /** Returns the reason the invoice cannot be tokenized, or the call's arguments. */
  async function check(): Promise<string | { params: TokenizeParams; tokenId: bigint }> {
    if (!file) return "Choose the invoice document (PDF or image); only its fingerprint goes on chain.";
    const number = draft.invoiceNumber.trim();
    const registered = canonicalInvoiceNumber(number);
    if ("problem" in registered) return registered.problem;
    const debtorText = draft.debtor.trim();
    if (!isAddress(debtorText)) return "The debtor's wallet is not a valid 0x… address.";
    const debtor: Address = getAddress(debtorText);
    if (isAddressEqual(debtor, address!)) return "The debtor cannot be your own wallet.";
    const amount = parseAmountInput(draft.amount, token!.decimals);
    if (!amount.ok) return amount.reason;
    if (amount.value > maxUint128) return "The amount is too large.";
    const issue = dateInputToSeconds(draft.issueDate || today);
    const due = dateInputToSeconds(draft.dueDate);
    if (!issue) return "Choose the issue date.";
    if (!due) return "Choose the due date.";
    const chainNow = now ?? Math.floor(Date.now() / 1000);
    // The date inputs are whole days; an issue date of today is stored as now.
    const issueDate = Math.min(issue, chainNow);
    if (issue - 86_400 >= chainNow) return "The issue date cannot be in the future.";
    if (due <= chainNow) return "The due date must be in the future.";
    if (due <= issueDate) return "The due date must be after the issue date.";

    const [meSme, debtorOk, existing, meEntity, debtorEntity] = await Promise.all([
      readContract(config, {
        abi: abis.IdentityRegistry,
        address: registry!,
        functionName: "isVerified",
        args: [address!, PartyRole.SME],
      }),
      readContract(config, {
        abi: abis.IdentityRegistry,
        address: registry!,
        functionName: "isVerified",
        args: [debtor, PartyRole.DEBTOR],
      }),
      readReceivable(client!, receivables!, tokenIdOf(file.hash)),
      readContract(config, {
        abi: abis.IdentityRegistry,
        address: registry!,
        functionName: "entityOf",
        args: [address!],
      }),
      readContract(config, {
        abi: abis.IdentityRegistry,
        address: registry!,
        functionName: "entityOf",
        args: [debtor],
      }),
    ]);
    if (!meSme) return "Your wallet is not verified as an SME; ask your KYC provider first.";
    if (!debtorOk) return "That wallet is not verified as a debtor; the debtor must pass KYC first.";
    if (existing) return "This document is already tokenized (by you or someone else).";
    if (meEntity === debtorEntity) return "The debtor belongs to your own company.";
    const used = await readContract(config, {
      abi: abis.IReceivableToken,
      address: receivables!,
      functionName: "isInvoiceKeyUsed",
      args: [meEntity, debtorEntity, number],
    });
    if (used) {
      return `Invoice ${registered.canonical} to this debtor is already tokenized by your company (numbers are compared in this form).`;
    }
    return {
      tokenId: tokenIdOf(file.hash),
      params: {
        debtor,
        currency: currency!,
        faceValue: amount.value,
        issueDate,
        dueDate: due,
        documentHash: file.hash,
        invoiceNumber: number,
        metadataURI: metadataUri(draft),
      },
    };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(undefined);
    setChecking(true);
    let checked: Awaited<ReturnType<typeof check>>;
    try {
      checked = await check();
    } catch (error) {
      checked = explainError(error);
    } finally {
      setChecking(false);
    }
    if (typeof checked === "string") return setProblem(checked);
    setProblem(undefined);
    const ok = await write({ functionName: "tokenize", args: [checked.params] });
    if (ok) {
      setCreated(checked.tokenId);
      setDraft({ invoiceNumber: "", description: "", debtor: "", amount: "", issueDate: "", dueDate: "" });
      setFile(undefined);
    }
  }

  if (!receivables || !token || now === undefined) return <section className="card">Loading…</section>;
  return (
    <section className="card">
      <h2>Tokenize an invoice</h2>
      <form onSubmit={submit} noValidate className="form" aria-label="Tokenize an invoice">
        <label className="field">
          <span>Invoice document</span>
          <input
            type="file"
            name="document"
            accept=".pdf,image/*,.xml,.json"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
          />
          {file ? (
            <small className="muted mono" data-testid="document-hash" title={file.hash}>
              SHA-256 {file.hash.slice(0, 18)}…{file.hash.slice(-6)} — the file stays on this device
            </small>
          ) : (
            <small className="muted">Hashed here in the browser; the file is never uploaded.</small>
          )}
        </label>
        <label className="field">
          <span>Invoice number</span>
          <input
            name="invoiceNumber"
            placeholder="e.g. INV-2026-0042"
            value={draft.invoiceNumber}
            onChange={(e) => set({ invoiceNumber: e.target.value })}
          />
          <CanonicalNumber value={draft.invoiceNumber} />
        </label>
        <label className="field">
          <span>Debtor&apos;s wallet</span>
          <input
            name="debtor"
            placeholder="0x…"
            value={draft.debtor}
            onChange={(e) => set({ debtor: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Amount ({token.symbol})</span>
          <input
            name="amount"
            inputMode="decimal"
            placeholder="e.g. 12,500.00"
            value={draft.amount}
            onChange={(e) => set({ amount: e.target.value })}
          />
        </label>
        <div className="row">
          <label className="field">
            <span>Issue date</span>
            <input
              type="date"
              name="issueDate"
              max={today}
              value={draft.issueDate || today}
              onChange={(e) => set({ issueDate: e.target.value })}
            />
          </label>
          <label className="field">
            <span>Due date</span>
            <input
              type="date"
              name="dueDate"
              min={today}
              value={draft.dueDate}
              onChange={(e) => set({ dueDate: e.target.value })}
            />
          </label>
        </div>
        <label className="field">
          <span>Description (optional, public)</span>
          <input
            name="description"
            placeholder="e.g. 40 bags of cement, delivered 3 Nov"
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
          <small className="muted">Recorded in the tokenization event for anyone to read; leave out secrets.</small>
        </label>
        <FormSubmit label="Tokenize invoice" problem={problem} problemId="tokenize-problem" busy={busy} />
      </form>
      <TxStatus state={state} />
      {created !== undefined && (
        <p>
          Invoice tokenized. <Link href={`/invoices/${documentHashOf(created)}`}>Open it</Link> to follow it or send it
          to the debtor for acknowledgement.
        </p>
      )}
    </section>
  );
}

/**
 * The form the contract will register the number under, shown while typing: spellings that
 * differ only by case, separators or leading zeros are one invoice.
 */
function CanonicalNumber({ value }: { value: string }) {
  if (value.trim() === "") {
    return <small className="muted">Case, spaces, - _ / . # and leading zeros do not matter: INV-001 is INV1.</small>;
  }
  const result = canonicalInvoiceNumber(value.trim());
  if ("problem" in result) return <small className="error">{result.problem}</small>;
  return (
    <small className="muted" data-testid="canonical-number">
      Will be registered as <strong className="mono">{result.canonical}</strong>
    </small>
  );
}
