package org.runonce.contracts.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.runonce.contracts.catalog.Name;

/**
 * An application was accepted (受理): the legal clock starts. Carries everything the approval service needs to open
 * one case per item without calling intake: the cases with their departments, pinned item versions, dependencies
 * and materials.
 *
 * <p>Authority: this event is the one source of a case's department, region and promised working days. Intake
 * decides them at acceptance from the pinned item version (published versions never change) and prints the promised
 * date on the applicant's receipt; consumers take them from here and never derive them again from their own catalog
 * copy, which they use only for what this event does not carry (procedure steps, handling mode).
 *
 * @param applicationNumber e.g. {@code 330000-2026-000123}
 * @param bundleCode the bundle, or null for a single item
 * @param applicant who applied
 * @param channel {@code ONLINE} or {@code WINDOW}
 * @param region region code whose working-day calendar applies
 * @param filedBy username of the window clerk who filed it, or null
 * @param acceptedAt when
 * @param promisedWorkingDays working days along the bundle's critical path (the longest chain of dependent cases)
 * @param promisedCompletionDate acceptance day plus {@code promisedWorkingDays} on the region's working-day calendar
 * @param withDeficiencies accepted although non-key materials are missing (容缺受理)
 * @param pledgeDate the day by which the applicant pledged to hand in the missing materials, or null
 * @param missingMaterials the materials still missing, or empty
 * @param form the application form as submitted (fields depend on the items)
 * @param cases one case per item, in an order where every case comes after those it depends on
 * @param commitment the applicant's commitment (告知承诺) the application was accepted on, or null
 */
public record ApplicationAccepted(
        String applicationNumber,
        String bundleCode,
        Applicant applicant,
        String channel,
        String region,
        String filedBy,
        Instant acceptedAt,
        int promisedWorkingDays,
        LocalDate promisedCompletionDate,
        boolean withDeficiencies,
        LocalDate pledgeDate,
        List<MissingMaterial> missingMaterials,
        Map<String, Object> form,
        List<Case> cases,
        Commitment commitment) {

    /** An application accepted without a commitment (the shape before commitment approval existed). */
    public ApplicationAccepted(
            String applicationNumber,
            String bundleCode,
            Applicant applicant,
            String channel,
            String region,
            String filedBy,
            Instant acceptedAt,
            int promisedWorkingDays,
            LocalDate promisedCompletionDate,
            boolean withDeficiencies,
            LocalDate pledgeDate,
            List<MissingMaterial> missingMaterials,
            Map<String, Object> form,
            List<Case> cases) {
        this(
                applicationNumber,
                bundleCode,
                applicant,
                channel,
                region,
                filedBy,
                acceptedAt,
                promisedWorkingDays,
                promisedCompletionDate,
                withDeficiencies,
                pledgeDate,
                missingMaterials,
                form,
                cases,
                null);
    }

    /**
     * The commitment (承诺书) the applicant signed at submission, as the applicant's own act.
     *
     * @param statement the text signed, as the catalog's item version words it
     * @param signedAt when the applicant accepted it
     * @param signedBy the applicant's name as signed
     * @param takenBy the window clerk or agent who took the signature for the applicant, or null online
     */
    public record Commitment(String statement, Instant signedAt, String signedBy, String takenBy) {}

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.accepted.v1";

    /**
     * One case: one item handled by one department.
     *
     * @param caseNumber {@code <applicationNumber>-NN}, from 01
     * @param itemCode the item
     * @param itemVersion the item version in force at submission, which the case is pinned to
     * @param departmentCode the department handling it
     * @param dependsOn case numbers whose decision (and certificate) this case needs first
     * @param promisedWorkingDays the item version's promised time limit
     * @param materials what the case has, each with its reference; missing ones are absent
     * @param committedMaterials the materials the applicant's commitment replaces for this case, or null when none
     */
    public record Case(
            String caseNumber,
            String itemCode,
            int itemVersion,
            String departmentCode,
            List<String> dependsOn,
            int promisedWorkingDays,
            List<MaterialReference> materials,
            List<String> committedMaterials) {

        /** A case without committed materials. */
        public Case(
                String caseNumber,
                String itemCode,
                int itemVersion,
                String departmentCode,
                List<String> dependsOn,
                int promisedWorkingDays,
                List<MaterialReference> materials) {
            this(caseNumber, itemCode, itemVersion, departmentCode, dependsOn, promisedWorkingDays, materials, null);
        }
    }

    /**
     * A material accepted as missing (容缺), to be handed in by the pledge date.
     *
     * @param code material code
     * @param name its name
     * @param neededByCases the cases that need it
     */
    public record MissingMaterial(String code, Name name, List<String> neededByCases) {}
}
