package org.redoubt.fleet.cli.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.keys.NewFiles;
import org.redoubt.fleet.cli.keys.PemBlocks;

/**
 * X.509 material in PEM files, read and written with Bouncy Castle's PKIX parser: certificates,
 * certification requests, and TLS private keys (PKCS#8 {@code PRIVATE KEY} or OpenSSL's
 * {@code EC PRIVATE KEY}; written as PKCS#8, mode 0600).
 */
public final class PemObjects {

    private PemObjects() {
    }

    /**
     * @param file a PEM file with one or more certificates
     * @return them, in file order
     * @throws FleetException when there is none or one is malformed
     */
    public static List<X509Certificate> certificates(Path file) throws FleetException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : objects(file)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } catch (CertificateException e) {
                    throw new FleetException(file + " holds a malformed certificate", e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new FleetException(file + " holds no PEM certificate");
        }
        return certificates;
    }

    /**
     * @param file a PEM private key, PKCS#8 or EC
     * @return the key
     * @throws FleetException when the file holds no private key
     */
    public static PrivateKey privateKey(Path file) throws FleetException {
        for (Object object : objects(file)) {
            try {
                if (object instanceof PrivateKeyInfo info) {
                    return new JcaPEMKeyConverter().getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return new JcaPEMKeyConverter().getKeyPair(pair).getPrivate();
                }
            } catch (IOException e) {
                throw new FleetException(file + " holds a private key this tool cannot read: " + e.getMessage(), e);
            }
        }
        throw new FleetException(file + " holds no unencrypted PEM private key");
    }

    /**
     * @param file a PEM certification request
     * @return the request (its signature not yet checked)
     * @throws FleetException when the file holds none
     */
    public static PKCS10CertificationRequest request(Path file) throws FleetException {
        for (Object object : objects(file)) {
            if (object instanceof PKCS10CertificationRequest request) {
                return request;
            }
        }
        throw new FleetException(file + " holds no PEM certificate request");
    }

    /**
     * @param object a certificate or request
     * @return its PEM text
     */
    public static String encode(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return text.toString();
    }

    /**
     * @param file a new file, mode 0600
     * @param key  the private key, written as PKCS#8 (what OpenSSL 3 and Mosquitto read)
     * @throws FleetException when the file exists or cannot be written
     */
    public static void writePrivateKey(Path file, PrivateKey key) throws FleetException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        NewFiles.createSecret(file, text.toString());
    }

    private static List<Object> objects(Path file) throws FleetException {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(PemBlocks.readText(file)))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new FleetException(file + " is not a valid PEM file: " + e.getMessage(), e);
        }
        return objects;
    }
}
