package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.intake.catalog.CatalogCopy;
import org.runonce.intake.catalog.ItemGuide;
import org.runonce.intake.completeness.PinnedItem;
import org.runonce.intake.completeness.Requirements;
import org.runonce.intake.hall.ServicePoint;
import org.runonce.intake.hall.Windows;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online pre-review (网上预审) of applications for items the catalog handles ONLINE_PRE_REVIEW: which online
 * submissions need it, a window clerk of the accepting region answering it, the originals checked at the one visit
 * (where the application is accepted), and the open and overdue pre-reviews for supervisors. Each change loads the
 * application locked and saves it with its events in one transaction.
 */
@Service
@EnableConfigurationProperties(PreReviewProperties.class)
public class PreReviewing {

    static final String ONLINE_PRE_REVIEW = "ONLINE_PRE_REVIEW";
    private static final List<String> ORIGINAL_FORMS = List.of("ORIGINAL", "ORIGINAL_AND_COPY");

    private final ApplicationAccess access;
    private final ApplicationChanges changes;
    private final PreReviews preReviews;
    private final CatalogCopy catalog;
    private final Windows windows;
    private final TransactionTemplate transactions;
    private final Time time;
    private final PreReviewProperties properties;

    PreReviewing(
            ApplicationAccess access,
            ApplicationChanges changes,
            PreReviews preReviews,
            CatalogCopy catalog,
            Windows windows,
            TransactionTemplate transactions,
            Time time,
            PreReviewProperties properties) {
        this.access = access;
        this.changes = changes;
        this.preReviews = preReviews;
        this.catalog = catalog;
        this.windows = windows;
        this.transactions = transactions;
        this.time = time;
        this.properties = properties;
    }

    /**
     * The pre-review an online submission needs: when every item's pinned version is handled ONLINE_PRE_REVIEW (a
     * bundle with other items goes on as before); else null. At a window the applicant is there: no pre-review.
     */
    PreReview requiredFor(Channel channel, Requirements requirements) {
        if (channel != Channel.ONLINE || requirements.items().isEmpty()) {
            return null;
        }
        boolean every = requirements.items().stream()
                .allMatch(i -> catalog.itemVersion(i.itemCode(), i.version())
                        .map(g -> ONLINE_PRE_REVIEW.equals(g.published().handlingMode()))
                        .orElse(false));
        return every ? PreReview.required(properties.workingDays()) : null;
    }

    /** A window clerk of the accepting region answers the open pre-review. */
    public ApplicationView answer(String number, PreReviewAnswer answer, Caller caller) {
        Instant now = time.now();
        return transactions.execute(tx -> {
            Application application = access.forUpdate(number, caller);
            requireAcceptingRegion(application);
            application.answerPreReview(
                    answer.outcome(),
                    answer.toFindings(),
                    answer.note(),
                    originals(application.snapshot()),
                    changes.terms(application, Actor.of(caller), now));
            changes.save(application, now);
            return access.view(application);
        });
    }

    /** The one visit: a clerk of the accepting region has checked the originals; the application is accepted. */
    public ApplicationView checkOriginals(String number, Caller caller) {
        Instant now = time.now();
        return transactions.execute(tx -> {
            Application application = access.forUpdate(number, caller);
            requireAcceptingRegion(application);
            application.checkOriginals(changes.terms(application, Actor.of(caller), now));
            changes.save(application, now);
            return access.view(application);
        });
    }

    /**
     * Open pre-reviews, earliest due first, with how many there are.
     *
     * @param today the day they are counted on
     * @param overdue whether only those past their due date are listed
     * @param count how many, whatever the list's bound
     * @param applications the applications, at most 500
     */
    public record Listing(LocalDate today, boolean overdue, long count, List<ApplicationView> applications) {}

    public Listing open(boolean overdue) {
        LocalDate today = time.dayOf(time.now());
        return new Listing(
                today,
                overdue,
                preReviews.count(today, overdue),
                preReviews.open(today, overdue, 500).stream().map(access::view).toList());
    }

    /**
     * Only a clerk of a service point in the accepting region (the region in the application's number, or one of
     * its townships and villages) pre-reviews it and checks its originals: they are the window the applicant comes
     * to.
     */
    private void requireAcceptingRegion(Application application) {
        String accepting = ApplicationView.acceptingRegion(application.number());
        ServicePoint point = windows.pointOfCaller().orElse(null);
        if (point == null || accepting == null || !point.region().startsWith(accepting)) {
            throw Refusal.forbidden(
                            "not-accepting-region",
                            "Another region",
                            point == null
                                    ? "Your account names no service point (service_point)."
                                    : "Service point " + point.code() + " is not in region " + accepting
                                            + ", which accepts application " + application.number() + ".")
                    .with("acceptingRegion", accepting);
        }
    }

    /** What the applicant shows at the visit: the materials handed in that the guides ask for as originals. */
    private List<PreReview.Original> originals(ApplicationSnapshot s) {
        Map<String, PreReview.Original> originals = new LinkedHashMap<>();
        for (PinnedItem item : s.requirements().items()) {
            List<ItemVersionPublished.Material> materials = catalog.itemVersion(item.itemCode(), item.version())
                    .map(ItemGuide::materials)
                    .orElse(List.of());
            for (ItemVersionPublished.Material m : materials) {
                if (ORIGINAL_FORMS.contains(m.form()) && s.provisions().containsKey(m.code())) {
                    originals.putIfAbsent(m.code(), new PreReview.Original(m.code(), m.name(), m.form()));
                }
            }
        }
        return List.copyOf(originals.values());
    }
}
