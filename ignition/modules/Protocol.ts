import type {
  IgnitionModuleBuilder,
  NamedArtifactContractAtFuture,
  NamedArtifactContractDeploymentFuture,
} from "@nomicfoundation/ignition-core";
import { Roles, selectors } from "./roles.js";

type Stablecoin = NamedArtifactContractAtFuture<string> | NamedArtifactContractDeploymentFuture<string>;

/**
 * The protocol's contracts, wired to a stablecoin and to one AccessManager whose admin is the
 * deploying account. Shared by the local module (which deploys DemoUSD first) and the testnet
 * module (which takes an existing stablecoin's address). Granting roles to people is left to
 * the caller: the local module grants the demo accounts; on a real network the admin does.
 */
export function deployProtocol(m: IgnitionModuleBuilder, stablecoin: Stablecoin) {
  const admin = m.getAccount(0);
  const accessManager = m.contract("AccessManager", [admin]);

  for (const [name, role] of Object.entries(Roles)) {
    m.call(accessManager, "labelRole", [role, name], { id: `label_${name}` });
  }

  const identityRegistry = m.contract("IdentityRegistry", [accessManager]);
  m.call(
    accessManager,
    "setTargetFunctionRole",
    [
      identityRegistry,
      selectors("verify(address,uint8,uint16,uint40,bytes32)", "revoke(address,bytes32)"),
      Roles.KYC_PROVIDER,
    ],
    { id: "identity_kyc" },
  );
  m.call(accessManager, "setTargetFunctionRole", [identityRegistry, selectors("pause()", "unpause()"), Roles.PAUSER], {
    id: "identity_pauser",
  });

  return { stablecoin, accessManager, identityRegistry };
}
