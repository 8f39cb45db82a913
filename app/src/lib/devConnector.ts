import { createConnector } from "wagmi";
import { type Address, type EIP1193RequestFn, getAddress, numberToHex } from "viem";
import { partyNames } from "@/generated/deployedContracts";
import { LOCAL_CHAIN_ID, localChain } from "./chains";

const STORAGE_KEY = "devAccount";

/**
 * A wallet for development only: the local Hardhat node holds the dev accounts unlocked and
 * signs for them, so this connector just forwards requests to the node. It refuses to
 * connect to anything that does not answer with the local chain id, so it can never be
 * offered on a real network. No private key ever reaches the browser. After the node's own
 * accounts come the seeded demo parties (scripts/seed.ts), which the node impersonates: they
 * send transactions like the others, but cannot sign typed data (no key on the node).
 */
export function devAccounts() {
  let selected: Address | undefined;
  const rpcUrl = localChain.rpcUrls.default.http[0];

  async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
    const res = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: Date.now(), method, params }),
    });
    const body = (await res.json()) as { result?: T; error?: { code: number; message: string; data?: unknown } };
    if (body.error) throw Object.assign(new Error(body.error.message), body.error);
    return body.result as T;
  }

  async function nodeAccounts(): Promise<Address[]> {
    const chainId = Number(await rpc<string>("eth_chainId"));
    if (chainId !== LOCAL_CHAIN_ID) throw new Error(`Dev accounts exist only on the local chain, not ${chainId}.`);
    const own = (await rpc<string[]>("eth_accounts")).map((a) => getAddress(a));
    return [...own, ...Object.keys(partyNames).map((a) => getAddress(a))];
  }

  // The selected account first: wagmi treats accounts[0] as the active one.
  function ordered(all: Address[]): Address[] {
    const current = selected && all.includes(selected) ? selected : all[0];
    return [current, ...all.filter((a) => a !== current)];
  }

  return createConnector<
    { request: EIP1193RequestFn },
    { selectAccount(address: Address): Promise<void>; listAccounts(): Promise<Address[]> }
  >((config) => ({
    id: "devAccounts",
    name: "Hardhat dev account (local only)",
    type: "devAccounts",
    async setup() {
      const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
      if (stored) selected = getAddress(stored);
    },
    async connect() {
      const accounts = ordered(await nodeAccounts());
      return { accounts, chainId: LOCAL_CHAIN_ID } as never;
    },
    async disconnect() {
      localStorage.removeItem(`${STORAGE_KEY}.connected`);
    },
    async getAccounts() {
      return ordered(await nodeAccounts());
    },
    async getChainId() {
      return LOCAL_CHAIN_ID;
    },
    async getProvider() {
      const request = (async ({ method, params }: { method: string; params?: unknown[] }) => {
        if (method === "eth_requestAccounts" || method === "eth_accounts") return ordered(await nodeAccounts());
        if (method === "eth_chainId") return numberToHex(LOCAL_CHAIN_ID);
        return rpc(method, params ?? []);
      }) as EIP1193RequestFn;
      return { request };
    },
    async isAuthorized() {
      try {
        return localStorage.getItem(`${STORAGE_KEY}.connected`) === "1" && (await nodeAccounts()).length > 0;
      } catch {
        return false;
      }
    },
    listAccounts: nodeAccounts,
    async selectAccount(address: Address) {
      selected = getAddress(address);
      localStorage.setItem(STORAGE_KEY, selected);
      config.emitter.emit("change", { accounts: ordered(await nodeAccounts()) });
    },
    onAccountsChanged(accounts) {
      config.emitter.emit("change", { accounts: accounts.map((a) => getAddress(a)) });
    },
    onChainChanged(chainId) {
      config.emitter.emit("change", { chainId: Number(chainId) });
    },
    onDisconnect() {
      config.emitter.emit("disconnect");
    },
  }));
}

/** Remember that the dev wallet was connected so a reload reconnects it. */
export function rememberDevConnection() {
  localStorage.setItem(`${STORAGE_KEY}.connected`, "1");
}
