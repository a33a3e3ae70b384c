package org.runonce.localstack.keycloak;

import java.util.List;

/**
 * The demo users and department-system clients of {@code deploy/keycloak/runonce-realm.json}, for the launcher's
 * summary and for tests. Local demo credentials only: every user's password is {@value #PASSWORD}.
 */
public final class KeycloakDemoUsers {

    /** Password of every demo user. */
    public static final String PASSWORD = "runonce";

    /** A demo user: realm roles and, for back-office users, the department code. */
    public record User(String username, String name, List<String> roles, String department) {}

    /** A confidential client of a department system (client credentials grant). */
    public record DepartmentSystem(String clientId, String secret, String department) {}

    public static final List<User> USERS = List.of(
            new User("zhang.san", "张三", List.of("applicant"), null),
            new User("li.si", "Li Si", List.of("applicant"), null),
            new User("acme.corp", "艾克美科技有限公司 (legal entity)", List.of("applicant"), null),
            new User("clerk.wang", "王芳", List.of("window-clerk"), null),
            new User("clerk.sun", "孙悦", List.of("window-clerk"), null),
            new User("reviewer.samr", "赵敏", List.of("reviewer"), "SAMR"),
            new User("head.samr", "钱伟", List.of("reviewer", "department-head"), "SAMR"),
            new User("reviewer.tax", "孙丽", List.of("reviewer"), "TAX"),
            new User("head.tax", "周强", List.of("reviewer", "department-head"), "TAX"),
            new User("reviewer.psb", "吴军", List.of("reviewer"), "PSB"),
            new User("head.psb", "郑磊", List.of("reviewer", "department-head"), "PSB"),
            new User("reviewer.hrss", "冯洁", List.of("reviewer"), "HRSS"),
            new User("reviewer.hsa", "何涛", List.of("reviewer"), "HSA"),
            new User("reviewer.xhca", "陆宁", List.of("reviewer"), "XHCA"),
            new User("catalog.admin", "Catherine Lin", List.of("catalog-admin"), null),
            new User("supervisor.chen", "陈静", List.of("supervisor"), null),
            new User("operator.ma", "马强", List.of("operator"), null));

    public static final List<DepartmentSystem> DEPARTMENT_SYSTEMS = List.of(
            new DepartmentSystem("samr-system", "samr-system-secret", "SAMR"),
            new DepartmentSystem("tax-system", "tax-system-secret", "TAX"),
            new DepartmentSystem("psb-system", "psb-system-secret", "PSB"),
            new DepartmentSystem("hrss-system", "hrss-system-secret", "HRSS"),
            new DepartmentSystem("hsa-system", "hsa-system-secret", "HSA"),
            new DepartmentSystem("health-system", "health-system-secret", "HEALTH"),
            new DepartmentSystem("realestate-system", "realestate-system-secret", "REALESTATE"),
            new DepartmentSystem("xhca-system", "xhca-system-secret", "XHCA"));

    /** A confidential client whose tokens carry none of the RunOnce audiences; services must refuse them. */
    public static final DepartmentSystem OTHER_APP = new DepartmentSystem("other-app", "other-app-secret", null);

    private KeycloakDemoUsers() {}
}
