package io.borderflow.support.outbox;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The caller's own row, written in the transaction that appends its record to the outbox. */
@Entity
@Table(name = "parcel")
public class ParcelEntity {

    @Id
    public String id;
    public long revision;
}
