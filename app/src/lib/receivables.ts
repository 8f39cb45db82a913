import { type Hex, encodeAbiParameters, keccak256, toHex } from "viem";

/** What an invoice's settlement is computed from (a Receivable, lib/invoice.ts, has these). */
interface Settlement {
  faceValue: bigint;
  amountPaid: bigint;
  amountAttested: bigint;
}

export const settled = (r: Settlement) => r.amountPaid + r.amountAttested;
export const outstandingOf = (r: Settlement) => (r.faceValue > settled(r) ? r.faceValue - settled(r) : 0n);

/** The token id of a document: its SHA-256, computed here; the file itself never leaves the machine. */
export async function sha256File(file: Blob): Promise<Hex> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return toHex(new Uint8Array(digest));
}

/** Longest invoice number the contract accepts, in bytes (InvoiceNumber.MAX_LENGTH). */
export const MAX_INVOICE_NUMBER_LENGTH = 64;
const SEPARATORS = new Set([" ", "-", "_", "/", ".", "#"]);

/**
 * The canonical form the contract registers an invoice number under (contracts/receivables/
 * InvoiceNumber.sol, same rule): printable ASCII only, at most 64 characters; the separators
 * space - _ / . # are dropped; letters are upper-cased; every run of digits loses its leading
 * zeros. So "INV-001", "inv-001", "INV-0001 " and "INV 1" are all "INV1". Returns a sentence
 * instead when the contract would refuse the number.
 */
export function canonicalInvoiceNumber(invoiceNumber: string): { canonical: string } | { problem: string } {
  if (invoiceNumber.length === 0) return { problem: "Enter the invoice number as printed on the invoice." };
  if (invoiceNumber.length > MAX_INVOICE_NUMBER_LENGTH) {
    return { problem: `An invoice number has at most ${MAX_INVOICE_NUMBER_LENGTH} characters.` };
  }
  let out = "";
  let zeroPending = false;
  let copyingRun = false;
  for (const c of invoiceNumber) {
    const code = c.charCodeAt(0);
    if (c.length !== 1 || code < 0x20 || code > 0x7e) {
      return { problem: `“${c}” cannot be used in an invoice number: use letters, digits and plain punctuation.` };
    }
    if (SEPARATORS.has(c)) continue;
    if (c >= "0" && c <= "9") {
      if (copyingRun) out += c;
      else if (c === "0") zeroPending = true;
      else {
        zeroPending = false;
        copyingRun = true;
        out += c;
      }
      continue;
    }
    if (zeroPending) out += "0";
    zeroPending = false;
    copyingRun = false;
    out += c.toUpperCase();
  }
  if (zeroPending) out += "0";
  if (out.length === 0) return { problem: "An invoice number needs at least one letter or digit." };
  return { canonical: out };
}

/** Token id (uint256) ⇄ document hash (bytes32) are the same 32 bytes. */
export const tokenIdOf = (documentHash: Hex) => BigInt(documentHash);
export const documentHashOf = (tokenId: bigint): Hex => toHex(tokenId, { size: 32 });
export const shortId = (tokenId: bigint) => {
  const hex = documentHashOf(tokenId);
  return `${hex.slice(0, 10)}…${hex.slice(-4)}`;
};

/** Metadata kept only in the tokenization event (never in storage): a data URI, no server. */
export function metadataUri(fields: { invoiceNumber: string; description: string }): string {
  const json = JSON.stringify({ invoiceNumber: fields.invoiceNumber.trim(), description: fields.description.trim() });
  return `data:application/json;base64,${btoa(String.fromCharCode(...new TextEncoder().encode(json)))}`;
}

export function readMetadata(uri: string | undefined): { invoiceNumber?: string; description?: string } {
  const prefix = "data:application/json;base64,";
  if (!uri?.startsWith(prefix)) return {};
  try {
    return JSON.parse(
      new TextDecoder().decode(Uint8Array.from(atob(uri.slice(prefix.length)), (c) => c.charCodeAt(0))),
    ) as {
      invoiceNumber?: string;
      description?: string;
    };
  } catch {
    return {};
  }
}

/** EIP-712 type the debtor signs to acknowledge (ReceivableToken, domain "ReceivableToken" v1). */
export const acknowledgementTypes = {
  Acknowledgement: [
    { name: "tokenId", type: "uint256" },
    { name: "debtor", type: "address" },
    { name: "invoiceNumber", type: "string" },
    { name: "currency", type: "address" },
    { name: "faceValue", type: "uint256" },
    { name: "dueDate", type: "uint256" },
    { name: "termsVersion", type: "uint8" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/**
 * The entity pair a signed acknowledgement is submitted with: keccak256(abi.encode(issuer entity,
 * debtor entity)) as the invoice was tokenized. `receivable()` reports the registry's current
 * entities, which are those unless the KYC provider re-keyed a party since.
 */
export function entityPairOf(r: { issuerEntity: string; debtorEntity: string }): Hex {
  const entities = [r.issuerEntity as Hex, r.debtorEntity as Hex] as const;
  return keccak256(encodeAbiParameters([{ type: "bytes32" }, { type: "bytes32" }], entities));
}

/** What a debtor hands to the SME so the SME can submit the acknowledgement and pay its gas. */
export interface SignedAcknowledgement {
  tokenId: string;
  /** The canonical invoice number the debtor signed. */
  invoiceNumber: string;
  deadline: string;
  signature: Hex;
}

export function parseSignedAcknowledgement(text: string): SignedAcknowledgement | undefined {
  try {
    const value = JSON.parse(text) as Partial<SignedAcknowledgement>;
    if (typeof value.tokenId !== "string" || typeof value.deadline !== "string") return undefined;
    if (typeof value.invoiceNumber !== "string" || value.invoiceNumber.length === 0) return undefined;
    if (typeof value.signature !== "string" || !/^0x[0-9a-fA-F]+$/.test(value.signature)) return undefined;
    BigInt(value.tokenId);
    BigInt(value.deadline);
    return value as SignedAcknowledgement;
  } catch {
    return undefined;
  }
}
