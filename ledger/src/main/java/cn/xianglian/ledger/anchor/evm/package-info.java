/**
 * The EVM adapter of {@link cn.xianglian.ledger.anchor.AnchorChain} on Web3j 6: the hand-written
 * wrapper of {@code XiangLianAnchor.sol} (compiled in the build by solc-js from {@code
 * src/main/solidity}), local signing with one-in-flight nonce management, anchor look-ups through
 * {@code eth_call} and the contract's {@code Anchored} logs, the proof JSON codec and the verifier
 * command line.
 *
 * <p>Web3j's databind is Jackson 3 ({@code tools.jackson}), the same major as Spring Boot 4; the
 * parent POM excludes its transitive Jackson 2 {@code jackson-core} (through tuweni's vert.x) and
 * okhttp 4, so the build keeps one Jackson major and one okhttp.
 */
package cn.xianglian.ledger.anchor.evm;
