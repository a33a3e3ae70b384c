package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import org.runonce.contracts.catalog.Name;

/**
 * A case was opened from an accepted application, in its item's department, pinned to the item version. A case
 * that depends on others opens {@code WAITING} (clock not running) and gets a {@link CaseStarted} when they are
 * decided; the others open {@code PENDING} with the clock started at acceptance. A case decided at the window (授权到位)
 * is followed at once by its {@link CaseDecided} and certificate.
 *
 * @param header the case after the event (status: {@code WAITING} or {@code PENDING}; step: the first step after acceptance; assignee: null; actor: {@code system}, or the window clerk who decides at the window; clock: the time limit)
 * @param itemName the item's name, or null when approval's catalog copy does not know it
 * @param bundleCode the bundle of the application, or null
 * @param handlingMode the item version's handling mode (IMMEDIATE, RUN_ONCE, ...)
 * @param dependsOn case numbers of this application whose decision (and certificate) this case needs
 * @param waitingFor those of {@code dependsOn} not decided yet
 * @param materials what the case was opened with
 * @param acceptedAt when the application was accepted
 */
public record CaseOpened(
        @JsonUnwrapped CaseHeader header,
        Name itemName,
        String bundleCode,
        String handlingMode,
        List<String> dependsOn,
        List<String> waitingFor,
        List<Material> materials,
        Instant acceptedAt)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.opened.v1";

    /**
     * One material of the case; exactly one of the references is set unless the material is missing (accepted with
     * deficiencies), then all are null.
     *
     * @param code material code, shared across items
     * @param documentId an uploaded document in intake
     * @param certificateNumber an existing e-certificate
     * @param producedByCase a case of the same application whose certificate will satisfy it
     */
    public record Material(String code, String documentId, String certificateNumber, String producedByCase) {}
}
