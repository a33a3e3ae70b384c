package org.runonce.catalog.department;

import java.util.List;
import java.util.function.Consumer;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering and changing departments; every change is announced. */
@Service
public class DepartmentService {

    private final Departments departments;
    private final Events events;
    private final Time time;

    DepartmentService(Departments departments, Events events, Time time) {
        this.departments = departments;
        this.events = events;
        this.time = time;
    }

    @Transactional
    public Department register(String code, Name name, String regionCode, Contact contact) {
        if (code != null && departments.exists(code)) {
            throw Refusal.conflict("department-exists", "Department exists", "department " + code + " already exists");
        }
        Department department = Department.register(code, name, regionCode, contact, time.now());
        departments.save(department);
        announce(department);
        return department;
    }

    @Transactional
    public Department change(
            String code, Name name, String regionCode, Contact contact, Consumer<Department> precondition) {
        Department department = departments.findForUpdate(code).orElseThrow(() -> Refusal.notFound("department", code));
        precondition.accept(department);
        if (department.change(name, regionCode, contact, time.now())) {
            departments.save(department);
            announce(department);
        }
        return department;
    }

    @Transactional(readOnly = true)
    List<Department> all() {
        return departments.all();
    }

    /** Whether the catalog knows a department of that code. */
    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return departments.exists(code);
    }

    /** Every department as the event announcing its current state: what a new copy starts from. */
    @Transactional(readOnly = true)
    public List<DepartmentChanged> snapshot() {
        return departments.all().stream().map(DepartmentService::changed).toList();
    }

    @Transactional(readOnly = true)
    Department department(String code) {
        return departments.find(code).orElseThrow(() -> Refusal.notFound("department", code));
    }

    private void announce(Department department) {
        events.publish(DepartmentChanged.TYPE, department.code(), department.code(), changed(department));
    }

    /** The event carrying a department's full state. */
    static DepartmentChanged changed(Department d) {
        Contact c = d.contact();
        return new DepartmentChanged(
                d.code(),
                d.revision(),
                d.name(),
                d.regionCode(),
                new DepartmentChanged.Contact(c.phone(), c.address(), c.email(), c.officeHours()),
                d.updatedAt());
    }
}
