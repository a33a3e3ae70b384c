package org.runonce.notification.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationMaterialsSupplied;
import org.runonce.contracts.intake.ApplicationWithdrawn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each department's subscriptions get of an event. An event naming its department (approval's) goes to that
 * department as it is. Intake's events about an accepted application (accepted, withdrawn, materials supplied) name
 * none, because an application may have cases of several departments: each department concerned gets its own copy,
 * with its {@code department} set and only its own cases (for {@code accepted} also only the missing materials its
 * cases need), so that no department system receives another department's cases. Other events without a department
 * go to nobody.
 */
@Component
class DepartmentViews {

    private final JdbcClient jdbc;

    DepartmentViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The event as each department concerned sees it; called once per event, in the consumer's transaction. */
    List<CloudEvent<JsonNode>> of(CloudEvent<JsonNode> event) {
        if (event.department() != null) {
            return List.of(event);
        }
        JsonNode data = event.data();
        if (data == null || !data.isObject()) {
            return List.of();
        }
        return switch (event.type()) {
            case ApplicationAccepted.TYPE -> accepted(event, (ObjectNode) data);
            case ApplicationWithdrawn.TYPE -> withdrawn(event, (ObjectNode) data);
            case ApplicationMaterialsSupplied.TYPE -> materialsSupplied(event, (ObjectNode) data);
            default -> List.of();
        };
    }

    private List<CloudEvent<JsonNode>> accepted(CloudEvent<JsonNode> event, ObjectNode data) {
        String application = data.path("applicationNumber").asString();
        Map<String, List<JsonNode>> casesByDepartment = new LinkedHashMap<>();
        for (JsonNode c : data.path("cases")) {
            String department = c.path("departmentCode").asString(null);
            String caseNumber = c.path("caseNumber").asString(null);
            if (department == null || caseNumber == null) {
                continue;
            }
            jdbc.sql("""
                            insert into application_case (case_number, application_number, department)
                            values (?, ?, ?) on conflict (case_number) do nothing""").params(caseNumber, application, department).update();
            casesByDepartment
                    .computeIfAbsent(department, d -> new ArrayList<>())
                    .add(c);
        }
        List<CloudEvent<JsonNode>> views = new ArrayList<>();
        casesByDepartment.forEach((department, cases) -> {
            Set<String> own = caseNumbers(cases);
            ObjectNode view = data.deepCopy();
            view.set("cases", array(view, cases));
            List<JsonNode> missing = new ArrayList<>();
            for (JsonNode m : data.path("missingMaterials")) {
                List<JsonNode> neededByOwn = new ArrayList<>();
                for (JsonNode c : m.path("neededByCases")) {
                    if (own.contains(c.asString())) {
                        neededByOwn.add(c);
                    }
                }
                if (!neededByOwn.isEmpty()) {
                    ObjectNode mine = (ObjectNode) m.deepCopy();
                    mine.set("neededByCases", array(view, neededByOwn));
                    missing.add(mine);
                }
            }
            if (data.has("missingMaterials")) {
                view.set("missingMaterials", array(view, missing));
            }
            views.add(event.withData((JsonNode) view).inDepartment(department));
        });
        return views;
    }

    private List<CloudEvent<JsonNode>> withdrawn(CloudEvent<JsonNode> event, ObjectNode data) {
        Map<String, List<JsonNode>> byDepartment = new LinkedHashMap<>();
        for (JsonNode c : data.path("caseNumbers")) {
            departmentOf(c.asString())
                    .ifPresent(department -> byDepartment
                            .computeIfAbsent(department, d -> new ArrayList<>())
                            .add(c));
        }
        List<CloudEvent<JsonNode>> views = new ArrayList<>();
        byDepartment.forEach((department, cases) -> {
            ObjectNode view = data.deepCopy();
            view.set("caseNumbers", array(view, cases));
            views.add(event.withData((JsonNode) view).inDepartment(department));
        });
        return views;
    }

    private List<CloudEvent<JsonNode>> materialsSupplied(CloudEvent<JsonNode> event, ObjectNode data) {
        Map<String, List<JsonNode>> byDepartment = new LinkedHashMap<>();
        for (JsonNode c : data.path("cases")) {
            departmentOf(c.path("caseNumber").asString())
                    .ifPresent(department -> byDepartment
                            .computeIfAbsent(department, d -> new ArrayList<>())
                            .add(c));
        }
        List<CloudEvent<JsonNode>> views = new ArrayList<>();
        byDepartment.forEach((department, cases) -> {
            ObjectNode view = data.deepCopy();
            view.set("cases", array(view, cases));
            views.add(event.withData((JsonNode) view).inDepartment(department));
        });
        return views;
    }

    private java.util.Optional<String> departmentOf(String caseNumber) {
        return jdbc.sql("select department from application_case where case_number = ?")
                .param(caseNumber)
                .query(String.class)
                .optional();
    }

    private static Set<String> caseNumbers(List<JsonNode> cases) {
        Set<String> numbers = new LinkedHashSet<>();
        cases.forEach(c -> numbers.add(c.path("caseNumber").asString()));
        return numbers;
    }

    private static ArrayNode array(ObjectNode owner, List<JsonNode> elements) {
        ArrayNode array = owner.arrayNode();
        elements.forEach(array::add);
        return array;
    }
}
