package org.runonce.catalog.department;

import static org.runonce.catalog.CatalogEventSchemas.NOW;
import static org.runonce.catalog.CatalogEventSchemas.assertValid;

import org.junit.jupiter.api.Test;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.DepartmentChanged;

/** The department event the catalog produces, in its envelope, satisfies the schema consumers test against. */
class DepartmentEventSchemaTest {

    @Test
    void departmentChanged() {
        Department department = Department.register(
                "SAMR",
                Bilingual.name("市场监督管理局", "Administration for Market Regulation"),
                "330000",
                new Contact("0571-12315", null, null, null),
                NOW);
        assertValid(DepartmentChanged.TYPE, "SAMR", "SAMR", DepartmentService.changed(department));
    }
}
