package org.runonce.catalog.department;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.runonce.catalog.shared.Names;
import org.runonce.catalog.shared.Refusal;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering and changing departments; every change is announced. */
@Service
public class DepartmentService {

    private final Departments departments;
    private final Events events;
    private final Clock clock;

    DepartmentService(Departments departments, Events events, Clock clock) {
        this.departments = departments;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Department register(String code, Names name, String regionCode, Contact contact) {
        if (code != null && departments.exists(code)) {
            throw Refusal.conflict("department-exists", "Department exists", "department " + code + " already exists");
        }
        Department department = Department.register(code, name, regionCode, contact, clock.instant());
        departments.save(department);
        announce(department);
        return department;
    }

    @Transactional
    public Department change(
            String code, Names name, String regionCode, Contact contact, Consumer<Department> precondition) {
        Department department = departments.findForUpdate(code).orElseThrow(() -> Refusal.notFound("department", code));
        precondition.accept(department);
        if (department.change(name, regionCode, contact, clock.instant())) {
            departments.save(department);
            announce(department);
        }
        return department;
    }

    @Transactional(readOnly = true)
    public List<Department> all() {
        return departments.all();
    }

    @Transactional(readOnly = true)
    public Department department(String code) {
        return departments.find(code).orElseThrow(() -> Refusal.notFound("department", code));
    }

    private void announce(Department department) {
        events.publish(DepartmentChanged.TYPE, department.code(), department.code(), changed(department));
    }

    /** The event carrying a department's full state. */
    public static DepartmentChanged changed(Department d) {
        Contact c = d.contact();
        return new DepartmentChanged(
                d.code(),
                d.revision(),
                new Name(d.name().zh(), d.name().en()),
                d.regionCode(),
                new DepartmentChanged.Contact(c.phone(), c.address(), c.email(), c.officeHours()),
                d.updatedAt());
    }
}
