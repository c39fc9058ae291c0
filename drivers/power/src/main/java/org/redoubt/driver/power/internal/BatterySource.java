package org.redoubt.driver.power.internal;

import java.io.IOException;

/** Where readings come from: sysfs or the simulation. */
interface BatterySource {

    /**
     * @return the battery now
     * @throws IOException when it cannot be read
     */
    BatteryReading read() throws IOException;
}
