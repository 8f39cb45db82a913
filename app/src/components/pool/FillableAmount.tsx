"use client";

import type { ReactNode } from "react";

/**
 * An amount input with a button that fills in the most the holder can take (Max, All), so
 * nobody has to copy a long figure by hand; `children` is the hint under the input.
 */
export function FillableAmount(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  fill: { label: string; value: string; disabled: boolean };
  children: ReactNode;
}) {
  const { label, name, value, onChange, fill, children } = props;
  return (
    <label className="field">
      <span>{label}</span>
      <span className="field-row">
        <input name={name} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />
        <button type="button" className="secondary" disabled={fill.disabled} onClick={() => onChange(fill.value)}>
          {fill.label}
        </button>
      </span>
      {children}
    </label>
  );
}
