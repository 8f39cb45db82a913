import { expect } from "chai";
import { network } from "hardhat";
import type { DemoUSD } from "../../types/ethers-contracts/index.js";

describe("DemoUSD (TypeScript, TypeChain)", function () {
  it("test_faucet_dripsAgainAfterOneDayOfTimeTravel", async function () {
    const { ethers, networkHelpers } = await network.create();
    const [owner, alice] = await ethers.getSigners();
    const token: DemoUSD = await ethers.deployContract("DemoUSD", [owner.address]);
    const limit = await token.FAUCET_LIMIT();

    await expect(token.connect(alice).faucet(limit)).to.emit(token, "FaucetDrip").withArgs(alice.address, limit, limit);
    await expect(token.connect(alice).faucet(1n))
      .to.be.revertedWithCustomError(token, "DemoUSDFaucetLimitExceeded")
      .withArgs(alice.address, 1n, 0n);

    await networkHelpers.time.increase(24 * 60 * 60);
    await token.connect(alice).faucet(limit);
    expect(await token.balanceOf(alice.address)).to.equal(2n * limit);
  });

  it("test_deploy_localModuleDeploysDemoUSDOwnedByDeployer", async function () {
    const { ignition, ethers } = await network.create();
    const { default: LocalModule } = await import("../../ignition/modules/Local.js");
    const { stablecoin } = await ignition.deploy(LocalModule);
    const [deployer] = await ethers.getSigners();
    const token = (await ethers.getContractAt("DemoUSD", await stablecoin.getAddress())) as unknown as DemoUSD;
    expect(await token.owner()).to.equal(deployer.address);
    expect(await token.decimals()).to.equal(6n);
  });
});
