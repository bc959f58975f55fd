// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// The contract the viem test deploys: a constructor, a storage write, an event,
/// a view, a revert with a reason, and a call to itself (a nested frame to trace).
contract Registry {
    event Stored(address indexed by, uint256 value);

    uint256 public stored;
    address public immutable owner;

    constructor(uint256 initial) {
        stored = initial;
        owner = msg.sender;
    }

    function store(uint256 value) external {
        require(value != 13, "thirteen is unlucky");
        stored = value;
        emit Stored(msg.sender, value);
    }

    function doubled() external view returns (uint256) {
        return stored * 2;
    }

    /// Stores through an external call to itself, so a trace has a child frame.
    function relay(uint256 value) external {
        this.store(value);
    }
}
