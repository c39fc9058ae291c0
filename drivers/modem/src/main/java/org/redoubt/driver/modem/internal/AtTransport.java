package org.redoubt.driver.modem.internal;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/** A byte stream to and from a modem. */
interface AtTransport extends Closeable {

    /** @return bytes from the modem */
    InputStream input();

    /** @return bytes to the modem */
    OutputStream output();

    /** @return where it goes, for messages */
    String describe();
}
