package org.runonce.catalog.bundle;

import java.util.List;
import org.runonce.starter.domain.Refusal;

/** The dependencies of a bundle must form a DAG: names one cycle found, first item repeated at the end. */
class BundleCycle extends Refusal {

    private final List<String> cycle;

    BundleCycle(String bundleCode, List<String> cycle) {
        super(
                422,
                "bundle-cycle",
                "Bundle dependencies form a cycle",
                "bundle " + bundleCode + " has a dependency cycle: " + String.join(" -> ", cycle));
        this.cycle = List.copyOf(cycle);
        with("cycle", this.cycle);
    }

    public List<String> cycle() {
        return cycle;
    }
}
