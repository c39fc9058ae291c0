package org.redoubt.fleet.cli.audit;

import java.nio.file.Path;
import java.util.List;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.keys.KeySchemes;
import org.redoubt.fleet.cli.pki.PemObjects;

/**
 * The device whose log is verified: its id (the subject's common name) and its identity key, read
 * from the handset's certificate request ({@code keys/device.csr}) or a certificate for the same
 * key. For a handset whose identity key is SM2 only {@code device.csr} carries it: its MQTT
 * certificate is for a separate P-256 transport key.
 *
 * @param deviceId the device id
 * @param key      the identity key
 */
public record AuditIdentity(String deviceId, VerificationKey key) {

    /**
     * @param file     a PEM certificate request or certificate
     * @param provider checks that the key is a valid key of its scheme
     * @return the identity
     * @throws FleetException when the file holds neither, or its key is not a P-256 or SM2 key
     */
    public static AuditIdentity read(Path file, CryptoProvider provider) throws FleetException {
        X500Name subject;
        SubjectPublicKeyInfo spki;
        FleetException notRequest;
        try {
            var request = PemObjects.request(file);
            subject = request.getSubject();
            spki = request.getSubjectPublicKeyInfo();
            return of(file, subject, spki, provider);
        } catch (FleetException e) {
            notRequest = e;
        }
        List<java.security.cert.X509Certificate> certificates;
        try {
            certificates = PemObjects.certificates(file);
        } catch (FleetException e) {
            e.addSuppressed(notRequest);
            throw new FleetException(file + " holds neither a certificate request nor a certificate", e);
        }
        try {
            X509CertificateHolder holder = new X509CertificateHolder(certificates.get(0).getEncoded());
            return of(file, holder.getSubject(), holder.getSubjectPublicKeyInfo(), provider);
        } catch (java.io.IOException | java.security.cert.CertificateEncodingException e) {
            throw new FleetException(file + " holds a malformed certificate", e);
        }
    }

    private static AuditIdentity of(Path file, X500Name subject, SubjectPublicKeyInfo spki, CryptoProvider provider)
            throws FleetException {
        RDN[] rdns = subject.getRDNs(BCStyle.CN);
        if (rdns.length != 1) {
            throw new FleetException(file + ": the subject must have exactly one common name (the device id)");
        }
        String deviceId = IETFUtils.valueToString(rdns[0].getFirst().getValue());
        byte[] encoded;
        try {
            encoded = spki.getEncoded();
        } catch (java.io.IOException e) {
            throw new FleetException(file + ": the public key cannot be encoded", e);
        }
        SignatureScheme scheme = KeySchemes.ofPublicKey(encoded)
                .filter(candidate -> candidate != SignatureScheme.ED25519)
                .orElseThrow(() -> new FleetException(file + ": the key is neither ECDSA P-256 nor SM2"));
        VerificationKey key = VerificationKey.of(scheme, encoded, KeySchemes.distinguishingId(scheme));
        try {
            provider.validate(key);
        } catch (CryptoException e) {
            throw new FleetException(file + ": not a valid " + scheme.id() + " key", e);
        }
        return new AuditIdentity(deviceId, key);
    }
}
