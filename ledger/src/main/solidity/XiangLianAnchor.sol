// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title XiangLian ledger anchors
/// @notice Append-only Merkle roots of a Fabric channel's blocks. Each anchor covers the block
/// range that starts right after the previous one, so a range can never be anchored twice or
/// overlap another: a retried or duplicated transaction reverts with RangeNotNext.
/// Only accounts the owner authorised may anchor. See docs/contract-anchor.md.
contract XiangLianAnchor {
    struct Anchor {
        bytes32 root;
        uint64 fromBlock;
        uint64 toBlock;
        address emitter;
        uint64 time;
    }

    address public immutable owner;
    mapping(address => bool) public isAnchorer;
    /// @notice The first Fabric block the next anchor must start at.
    uint64 public nextBlock;
    Anchor[] private anchors;

    event AnchorerChanged(address indexed account, bool allowed);
    event Anchored(
        uint256 indexed index,
        bytes32 indexed root,
        uint64 fromBlock,
        uint64 toBlock,
        address indexed emitter,
        uint64 time
    );

    error NotOwner(address caller);
    error NotAnchorer(address caller);
    error RangeNotNext(uint64 expectedFromBlock, uint64 fromBlock);
    error BadRange(uint64 fromBlock, uint64 toBlock);
    error NoAnchorForBlock(uint64 blockNumber);

    constructor(uint64 firstBlock) {
        owner = msg.sender;
        nextBlock = firstBlock;
    }

    function setAnchorer(address account, bool allowed) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        isAnchorer[account] = allowed;
        emit AnchorerChanged(account, allowed);
    }

    /// @notice Appends the root of blocks [fromBlock, toBlock]; fromBlock must be nextBlock.
    function anchor(bytes32 root, uint64 fromBlock, uint64 toBlock) external returns (uint256 index) {
        if (!isAnchorer[msg.sender]) revert NotAnchorer(msg.sender);
        if (fromBlock != nextBlock) revert RangeNotNext(nextBlock, fromBlock);
        if (toBlock < fromBlock) revert BadRange(fromBlock, toBlock);
        index = anchors.length;
        anchors.push(Anchor(root, fromBlock, toBlock, msg.sender, uint64(block.timestamp)));
        nextBlock = toBlock + 1;
        emit Anchored(index, root, fromBlock, toBlock, msg.sender, uint64(block.timestamp));
    }

    function anchorCount() external view returns (uint256) {
        return anchors.length;
    }

    function anchorAt(uint256 index)
        external
        view
        returns (bytes32 root, uint64 fromBlock, uint64 toBlock, address emitter, uint64 time)
    {
        Anchor storage a = anchors[index];
        return (a.root, a.fromBlock, a.toBlock, a.emitter, a.time);
    }

    /// @notice The index of the anchor whose range holds Fabric block `blockNumber` (binary search).
    function anchorIndexOf(uint64 blockNumber) external view returns (uint256) {
        uint256 n = anchors.length;
        if (n == 0 || blockNumber < anchors[0].fromBlock || blockNumber >= nextBlock) {
            revert NoAnchorForBlock(blockNumber);
        }
        uint256 lo = 0;
        uint256 hi = n - 1;
        while (lo < hi) {
            uint256 mid = (lo + hi + 1) / 2;
            if (anchors[mid].fromBlock <= blockNumber) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
