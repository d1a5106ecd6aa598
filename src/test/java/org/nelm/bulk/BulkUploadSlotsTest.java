package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nelm.platform.error.TryLaterException;
import org.springframework.util.unit.DataSize;

/**
 * The checked rows an upload leaves for its import's run on this node: the run claims them with the slot, and rows
 * that no run claimed within the hand-off wait give their slot to the next file (the job ran on another node).
 */
class BulkUploadSlotsTest {

    private static final CheckedFile FILE = new CheckedFile(Set.of(), List.of());

    @Test
    void aRunClaimsItsUploadsRowsOnceAndGivesTheSlotBackWhenItEnds() {
        UploadSlots slots = slots(Duration.ofMinutes(10));
        slots.take("a").holdFor("job-a", FILE);
        slots.take("b").holdFor("job-b", FILE);
        assertThatThrownBy(() -> slots.take("c")).as("both slots held").isInstanceOf(TryLaterException.class);

        UploadSlots.Slot claimed = slots.claim("job-a").orElseThrow();

        assertThat(claimed.file()).isSameAs(FILE);
        assertThat(slots.claim("job-a")).as("claimed once").isEmpty();
        assertThatThrownBy(() -> slots.take("c")).as("held until the run ends").isInstanceOf(TryLaterException.class);
        claimed.close();
        assertThat(claimed.file()).isNull();
        slots.take("c").close();
    }

    @Test
    void rowsNobodyClaimedWithinTheWaitGiveTheirSlotToTheNextFile() {
        UploadSlots slots = slots(Duration.ZERO);
        slots.take("a").holdFor("job-a", FILE);
        slots.take("b").holdFor("job-b", FILE);

        UploadSlots.Slot next = slots.take("c");

        assertThat(slots.claim("job-a")).isEmpty();
        assertThat(slots.claim("job-b")).isEmpty();
        next.close();
    }

    @Test
    void aSlotClosedWithoutAnImportLeavesNothingToClaim() {
        UploadSlots slots = slots(Duration.ofMinutes(10));
        UploadSlots.Slot slot = slots.take("a");
        slot.holdFor("job-a", FILE);

        slot.close();

        assertThat(slots.claim("job-a")).isEmpty();
    }

    private static UploadSlots slots(Duration handoffWait) {
        return new UploadSlots(new BulkProperties(5000, DataSize.ofMegabytes(20), 2, handoffWait));
    }
}
