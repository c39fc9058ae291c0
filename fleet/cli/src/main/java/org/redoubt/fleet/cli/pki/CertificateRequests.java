package org.redoubt.fleet.cli.pki;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.keys.NewFiles;

/**
 * Certificate signing requests: checking one from a handset (ECDSA P-256 with SHA-256, subject
 * {@code CN=<device id>}, a valid signature by the key it carries) before the CA certifies it,
 * and making one with a new key for an operator or a broker.
 */
public final class CertificateRequests {

    private static final ASN1ObjectIdentifier ECDSA_WITH_SHA256 = new ASN1ObjectIdentifier("1.2.840.10045.4.3.2");
    private static final ASN1ObjectIdentifier EC_PUBLIC_KEY = new ASN1ObjectIdentifier("1.2.840.10045.2.1");
    private static final ASN1ObjectIdentifier P256 = new ASN1ObjectIdentifier("1.2.840.10045.3.1.7");

    /** An instance, not registered in the JVM: the JDK has no key factory named by the EC key's OID. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private CertificateRequests() {
    }

    /**
     * A request whose signature and form were checked.
     *
     * @param commonName the identity it asks for
     * @param publicKey  the key to certify
     */
    public record Checked(String commonName, PublicKey publicKey) {
    }

    /**
     * @param request a request
     * @return its identity and key
     * @throws FleetException when it is not ECDSA P-256 with SHA-256, its signature does not
     *                        verify, or its subject is not exactly one valid common name
     */
    public static Checked check(PKCS10CertificationRequest request) throws FleetException {
        if (!ECDSA_WITH_SHA256.equals(request.getSignatureAlgorithm().getAlgorithm())) {
            throw new FleetException("the request is not signed with ECDSA and SHA-256");
        }
        AlgorithmIdentifier keyAlgorithm = request.getSubjectPublicKeyInfo().getAlgorithm();
        if (!EC_PUBLIC_KEY.equals(keyAlgorithm.getAlgorithm()) || keyAlgorithm.getParameters() == null
                || !P256.equals(keyAlgorithm.getParameters().toASN1Primitive())) {
            throw new FleetException("the request's key is not an ECDSA P-256 key");
        }
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BOUNCY_CASTLE).build(request.getSubjectPublicKeyInfo()))) {
                throw new FleetException("the request's signature does not verify: it was not made with its own key");
            }
            RDN[] rdns = request.getSubject().getRDNs();
            if (rdns.length != 1 || rdns[0].isMultiValued() || !BCStyle.CN.equals(rdns[0].getFirst().getType())) {
                throw new FleetException("the request's subject must be exactly CN=<identity>, not " + request.getSubject());
            }
            String commonName = IETFUtils.valueToString(rdns[0].getFirst().getValue());
            if (!CertificateAuthority.IDENTITY.matcher(commonName).matches()) {
                throw new FleetException("the request's common name is not a valid identity");
            }
            return new Checked(commonName, new JcaPKCS10CertificationRequest(request).setProvider(BOUNCY_CASTLE).getPublicKey());
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException e) {
            throw new FleetException("the request cannot be checked: " + e.getMessage(), e);
        }
    }

    /**
     * Makes a new P-256 key ({@code <name>.key}, 0600) and a request for it ({@code <name>.csr}).
     *
     * @param commonName the identity, e.g. {@code operator-alice}
     * @param directory  where to write
     * @return the request file
     * @throws FleetException when the name is not an identity or a file exists
     */
    public static Path create(String commonName, Path directory) throws FleetException {
        if (!CertificateAuthority.IDENTITY.matcher(commonName).matches()) {
            throw new FleetException("\"" + commonName + "\" is not a valid identity: 1..64 of A-Z a-z 0-9 _ . -");
        }
        KeyPair keys = CertificateAuthority.p256(new SecureRandom());
        PKCS10CertificationRequest request;
        try {
            request = new JcaPKCS10CertificationRequestBuilder(CertificateAuthority.commonName(commonName),
                    keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a request with SHA256withECDSA", e);
        }
        PemObjects.writePrivateKey(directory.resolve(commonName + ".key"), keys.getPrivate());
        Path file = directory.resolve(commonName + ".csr");
        NewFiles.createPublic(file, PemObjects.encode(request));
        return file;
    }
}
