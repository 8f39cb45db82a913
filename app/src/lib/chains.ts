import { defineChain } from "viem";
import { hardhat } from "viem/chains";

export const LOCAL_CHAIN_ID = 31_337;

/** The local Hardhat node; the harness may move it with NEXT_PUBLIC_LOCAL_RPC_URL. */
export const localChain = defineChain({
  ...hardhat,
  name: "Hardhat (local)",
  rpcUrls: {
    default: { http: [process.env.NEXT_PUBLIC_LOCAL_RPC_URL ?? "http://127.0.0.1:8545"] },
  },
});
