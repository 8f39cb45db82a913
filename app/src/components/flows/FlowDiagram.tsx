"use client";

import { ResponsiveContainer, Sankey, Tooltip } from "recharts";
import { buildSankey } from "@/lib/flows/sankey";
import { type FlowRow, roleLabels } from "@/lib/flows/model";
import type { TokenInfo } from "@/hooks/useTokenInfo";

/** Where the selected money went, by role: width of each band = amount moved. */
export function FlowDiagram({ rows, token }: { rows: FlowRow[]; token: TokenInfo }) {
  const data = buildSankey(rows, token.decimals, roleLabels);
  if (data.links.length === 0) return <p className="muted">No cash moved in this selection.</p>;
  return (
    <div className="flow-diagram" data-testid="flow-diagram" data-links={data.links.length}>
      <ResponsiveContainer width="100%" height={Math.max(260, data.nodes.length * 42)}>
        <Sankey
          data={data}
          nodePadding={24}
          nodeWidth={12}
          margin={{ top: 10, right: 120, bottom: 10, left: 10 }}
          label={{ position: "right", fill: "#17202a", fontSize: 12 }}
          node={{ fill: "#0b6e4f", stroke: "#0b6e4f" }}
          link={{ stroke: "#0b6e4f", strokeOpacity: 0.25 }}
        >
          <Tooltip
            formatter={(value) =>
              `${Number(value).toLocaleString(undefined, { maximumFractionDigits: 2 })} ${token.symbol}`
            }
          />
        </Sankey>
      </ResponsiveContainer>
    </div>
  );
}
