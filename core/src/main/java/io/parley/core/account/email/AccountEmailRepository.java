package io.parley.core.account.email;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The outbox of account emails (global, not tenant-owned); see V166__email_verification_and_reset.sql. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountEmailRepository extends GenericRepository<AccountEmailRow, UUID> {

    @Query("""
            INSERT INTO account_emails (id, kind, recipient, subject, sealed_body)
            VALUES (:id, :kind, :recipient, :subject, :sealedBody)""")
    void insert(UUID id, String kind, String recipient, String subject, String sealedBody);

    @Query("SELECT * FROM account_emails WHERE id = :id")
    Optional<AccountEmailRow> find(UUID id);

    /** Sent: the sealed body (and the link in it) is dropped; what was sent to whom stays. */
    @Query("UPDATE account_emails SET sealed_body = NULL, sent_at = now() WHERE id = :id")
    void markSent(UUID id);

    @Query("DELETE FROM account_emails WHERE created_at < :before")
    int deleteCreatedBefore(Instant before);
}
