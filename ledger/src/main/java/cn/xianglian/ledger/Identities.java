package cn.xianglian.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Reads and writes identities as wallet files and PEM text, adapter-neutral.
 *
 * <p>A wallet file is the fabric-gateway / fabric-network wallet JSON:
 *
 * <pre>{@code
 * {"version":1,"mspId":"CoopOrgMSP","type":"X.509",
 *  "credentials":{"certificate":"-----BEGIN CERTIFICATE-----\n...","privateKey":"-----BEGIN PRIVATE KEY-----\n..."}}
 * }</pre>
 *
 * The label is not stored in the file; {@link #read(Path)} takes it from the file name without its
 * extension (e.g. {@code wallet/coop-1.id} is {@code coop-1}).
 */
public final class Identities {

  private Identities() {}

  /** Writes the identity as a wallet file (atomically: a temporary file moved into place). */
  public static void write(Path file, Identity identity) {
    if (identity.privateKey() == null) {
      throw new IllegalArgumentException(identity + " has no private key to store");
    }
    String json =
        "{\"version\":1,\"mspId\":"
            + quote(identity.mspId())
            + ",\"type\":\"X.509\",\"credentials\":{\"certificate\":"
            + quote(identity.certificatePem())
            + ",\"privateKey\":"
            + quote(toPem(identity.privateKey()))
            + "}}\n";
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".identity", ".tmp");
      Files.writeString(temporary, json, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write identity file " + file, e);
    }
  }

  /** Reads a wallet file written by {@link #write} (or by a fabric-gateway wallet). */
  public static Identity read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read identity file " + file, e);
    }
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String label = dot > 0 ? name.substring(0, dot) : name;
    String certificate = field(json, "certificate", file);
    return new Identity(
        label,
        field(json, "mspId", file),
        certificate,
        readPrivateKey(field(json, "privateKey", file)));
  }

  /** Parses a PEM certificate. */
  public static X509Certificate readCertificate(String pem) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM X.509 certificate", e);
    }
  }

  /** Parses a PEM private key, PKCS#8 ({@code PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). */
  public static PrivateKey readPrivateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object = parser.readObject();
      var converter = new JcaPEMKeyConverter();
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      throw new IllegalArgumentException("not a PEM private key");
    } catch (IOException e) {
      throw new IllegalArgumentException("not a PEM private key", e);
    }
  }

  /** PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  public static String toPem(PrivateKey key) {
    try {
      return pem(new JcaPKCS8Generator(key, null).generate());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode private key", e);
    }
  }

  /** PEM ({@code -----BEGIN CERTIFICATE-----}). */
  public static String toPem(X509Certificate certificate) {
    return pem(certificate);
  }

  private static String pem(Object object) {
    var out = new StringWriter();
    try (var writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String quote(String text) {
    var out = new StringBuilder(text.length() + 16).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String field(String json, String name, Path file) {
    Matcher matcher =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(json);
    if (!matcher.find()) {
      throw new IllegalArgumentException("identity file " + file + " has no \"" + name + "\"");
    }
    return unquote(matcher.group(1));
  }

  private static String unquote(String text) {
    var out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(++i);
      switch (escaped) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(escaped);
      }
    }
    return out.toString();
  }
}
