package org.runonce.intake.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.runonce.contracts.approval.CaseEvent;
import org.runonce.contracts.approval.CertificateRevoked;

class ApprovalEventsListenerTest {

    @Test
    void everyCaseEventOfTheContractIsReadAsItsRecordAndNothingElseIs() throws Exception {
        for (Class<?> type : CaseEvent.class.getPermittedSubclasses()) {
            String cloudEventType = (String) type.getField("TYPE").get(null);
            assertThat(ApprovalEventsListener.caseEventType(cloudEventType))
                    .as(cloudEventType)
                    .isEqualTo(type);
        }
        assertThat(ApprovalEventsListener.caseEventType(CertificateRevoked.TYPE))
                .isNull();
    }
}
