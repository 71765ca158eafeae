package cn.xianglian.ledger.embedded;

import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority per organisation (MSP), kept in a directory: {@code
 * <dir>/<mspId>/ca-cert.pem} and {@code ca-key.pem}, an ECDSA P-256 root created on first use and
 * stable across restarts.
 *
 * <p>{@link #enroll} issues leaf certificates as Fabric CA does for a client: {@code CN} = the
 * label, {@code OU=client}, and the attribute extension (OID {@code 1.2.3.4.5.6.7.8.1}) whose value
 * is the JSON {@code {"attrs":{"hf.EnrollmentID":..,"hf.Type":"client","hf.Affiliation":"",
 * "xl.role":..}}}, which the shim's {@code ClientIdentity.getAttributeValue} reads.
 *
 * <p>The roots of {@link #STANDARD_MSPS} are created when the directory is opened; enrolling for
 * another MSP id creates that organisation's root as well (and logs it).
 */
public final class EmbeddedCa {

  /** The organisations of the programme: county, township, co-operatives / enterprises / farms. */
  public static final List<String> STANDARD_MSPS =
      List.of("CountyOrgMSP", "TownshipOrgMSP", "CoopOrgMSP");

  /** Fabric CA's attribute extension. */
  public static final String ATTRIBUTE_EXTENSION_OID = "1.2.3.4.5.6.7.8.1";

  private static final Logger LOG = Logger.getLogger(EmbeddedCa.class.getName());
  private static final Pattern MSP_ID = Pattern.compile("[A-Za-z][A-Za-z0-9.-]{0,63}");
  private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
  private static final Duration LEAF_VALIDITY = Duration.ofDays(10 * 365);
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Root(X509Certificate certificate, PrivateKey key) {}

  private final Path directory;
  private final Map<String, Root> roots = new ConcurrentHashMap<>();

  private EmbeddedCa(Path directory) {
    this.directory = directory;
  }

  /** Opens (creating if needed) the CA kept in {@code directory}. */
  public static EmbeddedCa open(Path directory) {
    var ca = new EmbeddedCa(directory.toAbsolutePath());
    try {
      Files.createDirectories(ca.directory);
      try (var children = Files.list(ca.directory)) {
        for (Path child : children.filter(Files::isDirectory).toList()) {
          if (Files.exists(child.resolve("ca-cert.pem"))) {
            ca.roots.put(child.getFileName().toString(), load(child));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open CA directory " + directory, e);
    }
    STANDARD_MSPS.forEach(ca::root);
    return ca;
  }

  /**
   * Issues a client certificate and key for {@code label} in organisation {@code mspId}, carrying
   * {@code attributes} (e.g. {@code xl.role}, {@code xl.region}, {@code xl.party}).
   */
  public Identity enroll(String label, String mspId, Map<String, String> attributes) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(attributes, "attributes");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
    Root root = root(mspId);
    KeyPair keys = newKeyPair();
    var attrs = new TreeMap<String, String>();
    attrs.put("hf.Affiliation", "");
    attrs.put("hf.EnrollmentID", label);
    attrs.put("hf.Type", "client");
    attrs.putAll(attributes);
    var json = new StringBuilder("{\"attrs\":{");
    attrs.forEach(
        (name, value) ->
            json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                .append(jsonString(name))
                .append(':')
                .append(jsonString(value)));
    json.append("}}");
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, organisation(mspId))
            .addRDN(BCStyle.OU, "client")
            .addRDN(BCStyle.CN, label)
            .build();
    try {
      var utils = new JcaX509ExtensionUtils();
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  root.certificate(),
                  serial(),
                  Date.from(now.minus(Duration.ofMinutes(5))),
                  Date.from(now.plus(LEAF_VALIDITY)),
                  subject,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(keys.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  utils.createAuthorityKeyIdentifier(root.certificate()))
              .addExtension(
                  new ASN1ObjectIdentifier(ATTRIBUTE_EXTENSION_OID),
                  false,
                  json.toString().getBytes(StandardCharsets.UTF_8));
      X509Certificate certificate = sign(builder, root.key());
      return new Identity(label, mspId, Identities.toPem(certificate), keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue a certificate for " + label, e);
    }
  }

  /** The MSP ids this CA has roots for. */
  public Set<String> mspIds() {
    return new TreeSet<>(roots.keySet());
  }

  /** The PEM root certificate of {@code mspId}, creating the root if the MSP is new. */
  public String rootCertificatePem(String mspId) {
    return Identities.toPem(root(mspId).certificate());
  }

  /**
   * Checks that {@code certificate} was issued by the root of {@code mspId} and is valid now; an
   * unknown MSP or a foreign issuer is a {@link GeneralSecurityException} with a clear message.
   */
  void verifyMember(String mspId, X509Certificate certificate) throws GeneralSecurityException {
    Root root = roots.get(mspId);
    if (root == null) {
      throw new GeneralSecurityException("unknown MSP " + mspId);
    }
    if (!certificate
        .getIssuerX500Principal()
        .equals(root.certificate().getSubjectX500Principal())) {
      throw new GeneralSecurityException(
          "certificate of "
              + certificate.getSubjectX500Principal()
              + " was not issued by the root CA of "
              + mspId);
    }
    certificate.verify(root.certificate().getPublicKey());
    certificate.checkValidity();
  }

  private Root root(String mspId) {
    Objects.requireNonNull(mspId, "mspId");
    if (!MSP_ID.matcher(mspId).matches()) {
      throw new IllegalArgumentException("not an MSP id: " + mspId);
    }
    return roots.computeIfAbsent(mspId, this::createRoot);
  }

  private Root createRoot(String mspId) {
    Path folder = directory.resolve(mspId);
    try {
      if (Files.exists(folder.resolve("ca-cert.pem"))) {
        return load(folder);
      }
      KeyPair keys = newKeyPair();
      X500Name name =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addRDN(BCStyle.O, organisation(mspId))
              .addRDN(BCStyle.CN, "ca." + organisation(mspId))
              .build();
      Instant now = Instant.now();
      var utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name,
                  serial(),
                  Date.from(now.minus(Duration.ofMinutes(5))),
                  Date.from(now.plus(ROOT_VALIDITY)),
                  name,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate certificate = sign(builder, keys.getPrivate());
      Files.createDirectories(folder);
      writeAtomically(folder.resolve("ca-key.pem"), Identities.toPem(keys.getPrivate()));
      writeAtomically(folder.resolve("ca-cert.pem"), Identities.toPem(certificate));
      LOG.info(() -> "created root CA for " + mspId + " in " + folder);
      return new Root(certificate, keys.getPrivate());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the root CA of " + mspId, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create the root CA of " + mspId, e);
    }
  }

  private static Root load(Path folder) throws IOException {
    return new Root(
        Identities.readCertificate(Files.readString(folder.resolve("ca-cert.pem"))),
        Identities.readPrivateKey(Files.readString(folder.resolve("ca-key.pem"))));
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), ".ca", ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ECDSA P-256 is not available", e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }

  /** {@code CoopOrgMSP} → {@code cooporg.xifeng.xianglian.cn}. */
  private static String organisation(String mspId) {
    String name = mspId.endsWith("MSP") ? mspId.substring(0, mspId.length() - 3) : mspId;
    return name.toLowerCase(Locale.ROOT) + ".xifeng.xianglian.cn";
  }

  private static String jsonString(String text) {
    var out = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
