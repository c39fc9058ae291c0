package org.redoubt.store.internal;

/** The kinds of records, each a map in the database and a store (data key and inbox) in sealed storage. */
enum RecordKind {
    /** Messages; may arrive while locked. */
    MESSAGES("messages", true),
    /** Contacts; only the user adds them. */
    CONTACTS("contacts", false),
    /** Call log entries; a missed call may come while locked. */
    CALLS("calls", true);

    private final String store;
    private final boolean arrivesLocked;

    RecordKind(String store, boolean arrivesLocked) {
        this.store = store;
        this.arrivesLocked = arrivesLocked;
    }

    /** @return the sealed storage's store name, also the database map's name */
    String store() {
        return store;
    }

    /** @return the name of the map that holds what arrived while locked */
    String inbox() {
        return "inbox." + store;
    }

    /** @return whether records of this kind may arrive while the handset is locked */
    boolean arrivesLocked() {
        return arrivesLocked;
    }
}
