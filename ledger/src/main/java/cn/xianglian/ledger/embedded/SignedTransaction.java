package cn.xianglian.ledger.embedded;

import cn.xianglian.ledger.Proposal;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A signed proposal as the embedded peer receives it: the transaction id (hex SHA-256 of nonce and
 * creator, as Fabric derives it), the creator ({@code SerializedIdentity} bytes), the client's
 * timestamp, the proposal, and the creator's ECDSA signature over {@link #signedBytes}.
 */
record SignedTransaction(
    String channel,
    String chaincodeName,
    String txId,
    byte[] nonce,
    byte[] creator,
    Instant timestamp,
    Proposal proposal,
    byte[] signature) {

  /** Fabric's transaction id: hex(SHA-256(nonce || creator)). */
  static String txId(byte[] nonce, byte[] creator) {
    byte[] both = new byte[nonce.length + creator.length];
    System.arraycopy(nonce, 0, both, 0, nonce.length);
    System.arraycopy(creator, 0, both, nonce.length, creator.length);
    return HexFormat.of().formatHex(BlockCodec.sha256(both));
  }

  /**
   * The bytes the creator signs: every field above except the signature, transient values hashed.
   */
  byte[] signedBytes() {
    var bytes = new ByteArrayOutputStream(256);
    try (var out = new DataOutputStream(bytes)) {
      writeString(out, channel);
      writeString(out, chaincodeName);
      writeString(out, txId);
      writeBytes(out, nonce);
      writeBytes(out, creator);
      out.writeLong(timestamp.getEpochSecond());
      out.writeInt(timestamp.getNano());
      writeString(out, proposal.contract());
      writeString(out, proposal.transaction());
      out.writeInt(proposal.arguments().size());
      for (String argument : proposal.arguments()) {
        writeString(out, argument);
      }
      Map<String, byte[]> transientData = new TreeMap<>(proposal.transientData());
      out.writeInt(transientData.size());
      for (var entry : transientData.entrySet()) {
        writeString(out, entry.getKey());
        writeBytes(out, BlockCodec.sha256(entry.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  SignedTransaction withSignature(byte[] newSignature) {
    return new SignedTransaction(
        channel, chaincodeName, txId, nonce, creator, timestamp, proposal, newSignature);
  }

  SignedTransaction withProposal(Proposal newProposal) {
    return new SignedTransaction(
        channel, chaincodeName, txId, nonce, creator, timestamp, newProposal, signature);
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }
}
