// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IReceivableToken} from "../interfaces/IReceivableToken.sol";

/// @title CurrencyRegister
/// @notice The currencies invoices may be drawn in. Each currency gets a one-byte id the first
/// time it is allowed, which invoices store instead of its address; ids are 1-based (zero: never
/// registered) and never reused, so stored invoices keep their currency even after it is
/// disallowed for new invoices. Linked library: `setAllowed` runs by DELEGATECALL in the token's
/// storage (its `setCurrencyAllowed` calls it); the token reads the register directly.
library CurrencyRegister {
    struct Config {
        uint8 id;
        bool allowed;
    }

    struct Currencies {
        mapping(address currency => Config) configs;
        mapping(uint8 currencyId => address) byId;
        uint8 count;
    }

    /// @dev {IReceivableToken.setCurrencyAllowed}.
    function setAllowed(Currencies storage self, address currency, bool allowed) external {
        if (currency == address(0)) revert IReceivableToken.ReceivableCurrencyNotAllowed(currency);
        Config memory c = self.configs[currency];
        if (c.id == 0) {
            uint8 count = self.count;
            if (count == type(uint8).max) revert IReceivableToken.ReceivableTooManyCurrencies();
            c.id = count + 1;
            self.count = c.id;
            self.byId[c.id] = currency;
        }
        c.allowed = allowed;
        self.configs[currency] = c;
        emit IReceivableToken.CurrencyAllowed(currency, allowed);
    }
}
