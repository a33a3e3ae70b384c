package org.runonce.approval.cases;

import java.util.ArrayList;
import java.util.List;
import org.runonce.contracts.intake.MaterialReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant changes at intake after acceptance: withdrawing the application closes its open cases;
 * materials handed in later (a 容缺 pledge fulfilled, or the supplement a reviewer asked for) reach their case, and a
 * case waiting for its supplement resumes.
 */
@Service
public class Withdrawing {

    private static final Logger log = LoggerFactory.getLogger(Withdrawing.class);

    private final Cases cases;
    private final CaseTime caseTime;

    Withdrawing(Cases cases, CaseTime caseTime) {
        this.cases = cases;
        this.caseTime = caseTime;
    }

    /** The applicant withdrew the application at intake: every open case of it is closed. */
    @Transactional
    public List<String> withdrawApplication(String applicationNumber, String reason) {
        List<String> withdrawn = new ArrayList<>();
        for (String number : cases.ofApplication(applicationNumber)) {
            var c = cases.lock(number).orElseThrow();
            if (c.status().isFinal()) {
                continue;
            }
            c.withdraw(reason, caseTime.of(c));
            cases.save(c);
            withdrawn.add(number);
        }
        return withdrawn;
    }

    /** Materials handed in at intake after acceptance: added to the case; a case waiting for its supplement resumes. */
    @Transactional
    public void materialsSupplied(String number, List<MaterialReference> materials) {
        var c = cases.lock(number).orElse(null);
        if (c == null || c.status().isFinal()) {
            log.info("materials supplied for case {} ignored: {}", number, c == null ? "unknown" : c.status());
            return;
        }
        c.supplied(materials, caseTime.of(c));
        cases.save(c);
    }
}
