import { formatUnits, parseUnits } from "viem";

/** 1234567890n with 6 decimals → "1,234.56789" (thousands separators, trailing zeros cut). */
export function formatAmount(value: bigint, decimals: number, maxFraction = decimals): string {
  const [whole, fraction = ""] = formatUnits(value, decimals).split(".");
  const negative = whole.startsWith("-");
  const grouped = BigInt(negative ? whole.slice(1) : whole).toLocaleString("en-US");
  const cut = fraction.slice(0, maxFraction).replace(/0+$/, "");
  return `${negative ? "-" : ""}${grouped}${cut ? `.${cut}` : ""}`;
}

/** "0x1234…abcd" */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

export type ParsedAmount = { ok: true; value: bigint } | { ok: false; reason: string };

/** Parses what a person typed ("1,250.5") into base units, or says what is wrong with it. */
export function parseAmountInput(input: string, decimals: number): ParsedAmount {
  const text = input.replace(/,/g, "").trim();
  if (text === "") return { ok: false, reason: "Enter an amount." };
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, reason: "Use digits and at most one decimal point." };
  const fraction = text.split(".")[1] ?? "";
  if (fraction.length > decimals) return { ok: false, reason: `At most ${decimals} decimal places.` };
  const value = parseUnits(text, decimals);
  if (value === 0n) return { ok: false, reason: "The amount must be more than zero." };
  return { ok: true, value };
}
