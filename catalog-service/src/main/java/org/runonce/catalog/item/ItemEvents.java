package org.runonce.catalog.item;

import java.util.List;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionRetired;

/** Maps item versions to the events other services keep their copy with. */
final class ItemEvents {

    private ItemEvents() {}

    /** The published-version event of a published (or retired) version. */
    public static ItemVersionPublished published(ItemVersion version) {
        GuideContent c = version.content();
        return new ItemVersionPublished(
                version.itemCode(),
                version.number(),
                version.validFrom().orElseThrow(),
                // current validity: a snapshot shows a retired version with its shortened end
                version.validTo().orElse(null),
                version.publishedAt().orElseThrow(),
                c.kind().name(),
                c.departmentCode(),
                c.name(),
                c.legalBasis(),
                c.acceptanceConditions(),
                c.steps().stream()
                        .map(s -> new ItemVersionPublished.Step(
                                s.code(),
                                s.name(),
                                s.description(),
                                s.specialProcedures().stream().map(Enum::name).toList()))
                        .toList(),
                c.materials().stream()
                        .map(m -> new ItemVersionPublished.Material(
                                m.code(),
                                m.name(),
                                m.required(),
                                m.key(),
                                m.form() == null ? null : m.form().name(),
                                m.copies(),
                                m.templateUrl(),
                                m.satisfiedByCertificateOf(),
                                m.note()))
                        .toList(),
                new ItemVersionPublished.Fees(
                        c.fees().free(),
                        c.fees().items().stream()
                                .map(f -> new ItemVersionPublished.Fee(
                                        f.name(), f.amountYuan(), f.unit(), f.legalBasis()))
                                .toList()),
                new ItemVersionPublished.TimeLimits(
                        c.timeLimits().statutoryWorkingDays(), c.timeLimits().promisedWorkingDays()),
                c.handlingMode().name(),
                c.visitsRequired(),
                c.result() == null
                        ? null
                        : new ItemVersionPublished.Result(
                                c.result().certificateType(),
                                c.result().name(),
                                c.result().electronic()),
                c.deliveryOptions().stream().map(Enum::name).toList(),
                channels(c.consultationChannels()),
                channels(c.complaintChannels()),
                c.form(),
                c.commitment() == null
                        ? null
                        : new ItemVersionPublished.Commitment(
                                c.commitment().statement(),
                                c.commitment().materials(),
                                c.commitment().checkWithinWorkingDays()));
    }

    /** The retirement event of a retired version. */
    public static ItemVersionRetired retired(ItemVersion version) {
        return new ItemVersionRetired(
                version.itemCode(),
                version.number(),
                version.content().departmentCode(),
                version.validFrom().orElseThrow(),
                version.validTo().orElseThrow(),
                version.retiredAt().orElseThrow());
    }

    private static List<ItemVersionPublished.Channel> channels(List<Channel> channels) {
        return channels.stream()
                .map(ch -> new ItemVersionPublished.Channel(ch.type().name(), ch.value(), ch.note()))
                .toList();
    }
}
