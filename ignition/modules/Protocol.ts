import type {
  IgnitionModuleBuilder,
  NamedArtifactContractAtFuture,
  NamedArtifactContractDeploymentFuture,
} from "@nomicfoundation/ignition-core";

type Stablecoin = NamedArtifactContractAtFuture<string> | NamedArtifactContractDeploymentFuture<string>;

/**
 * The protocol's contracts, wired to a stablecoin. Shared by the local module (which deploys
 * DemoUSD first) and the testnet module (which takes an existing stablecoin's address).
 * Later modules add the identity registry, receivables, pool and loans here.
 */
export function deployProtocol(_m: IgnitionModuleBuilder, stablecoin: Stablecoin) {
  return { stablecoin };
}
