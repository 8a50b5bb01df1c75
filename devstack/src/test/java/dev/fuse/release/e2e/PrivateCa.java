package dev.fuse.release.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A certificate authority made in the test, with the certificates the TLS tests need: servers on
 * 127.0.0.1 (valid or expired) and clients. Everything is written as PEM (certificates, PKCS#8
 * keys), as an operator would hand them to Temporal's client and to S3 tools, or as a PKCS#12 key
 * store for a Java server.
 */
final class PrivateCa {
    /** A certificate and its key on disk. */
    record Issued(Path certificate, Path key, X509Certificate x509, KeyPair keys) {}

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Path dir;

    private PrivateCa(String name, KeyPair keys, X509Certificate certificate, Path dir) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
        this.dir = dir;
    }

    /** A new CA named {@code name}, its certificate in {@code dir/<name>-ca.pem}. */
    static PrivateCa create(Path dir, String name) throws Exception {
        KeyPair keys = keyPair();
        X500Name subject = new X500Name("CN=" + name + " test CA");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        subject,
                        serial(),
                        Date.from(now.minus(Duration.ofHours(1))),
                        Date.from(now.plus(Duration.ofDays(1))),
                        subject,
                        keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate certificate = sign(builder, keys);
        PrivateCa ca = new PrivateCa(name, keys, certificate, Files.createDirectories(dir));
        Files.writeString(ca.certificatePath(), pem(certificate));
        return ca;
    }

    Path certificatePath() {
        return dir.resolve(name + "-ca.pem");
    }

    /** A server certificate for 127.0.0.1 and localhost, valid now. */
    Issued server(String file) throws Exception {
        Instant now = Instant.now();
        return issue(file, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), true);
    }

    /** A server certificate for 127.0.0.1 and localhost that expired yesterday. */
    Issued expiredServer(String file) throws Exception {
        Instant now = Instant.now();
        return issue(file, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)), true);
    }

    /** A client certificate, valid now. */
    Issued client(String file) throws Exception {
        Instant now = Instant.now();
        return issue(file, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), false);
    }

    /** {@code issued} as a PKCS#12 key store with {@code password}, with this CA in its chain. */
    Path keyStore(Issued issued, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", issued.keys().getPrivate(), password.toCharArray(), new Certificate[] {
            issued.x509(), certificate
        });
        Path file = dir.resolve(issued.certificate().getFileName() + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private Issued issue(String file, Instant from, Instant to, boolean server) throws Exception {
        KeyPair pair = keyPair();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        certificate,
                        serial(),
                        Date.from(from),
                        Date.from(to),
                        new X500Name("CN=" + (server ? "127.0.0.1" : file)),
                        pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (server) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")
            }));
        }
        X509Certificate x509 = sign(builder, keys);
        Path cert = dir.resolve(file + ".pem");
        Path key = dir.resolve(file + ".key");
        Files.writeString(cert, pem(x509));
        Files.writeString(
                key, pem(new PemObject("PRIVATE KEY", pair.getPrivate().getEncoded())));
        return new Issued(cert, key, x509, pair);
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
