package cn.xianglian.ledger.anchor.evm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

/**
 * Loads an EVM account key from a file: an Ethereum JSON wallet (keystore v3, as geth, Web3j and
 * most wallets write it) with its password, or a file holding the private key in hex.
 */
public final class AnchorKeys {

  private AnchorKeys() {}

  /** The account in {@code file}; {@code password} is used only for a JSON wallet. */
  public static Credentials load(Path file, String password) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (text.startsWith("{")) {
        return WalletUtils.loadCredentials(password == null ? "" : password, file.toFile());
      }
      return Credentials.create(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key file " + file, e);
    } catch (CipherException e) {
      throw new IllegalArgumentException("cannot decrypt the key file " + file, e);
    }
  }
}
