package io.runnel.runtime.tasks.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MailboxProcessorTest {

    @Test
    void mailsRunBetweenDefaultActionsOnTheLoopThread() throws Exception {
        TaskMailboxImpl mailbox = new TaskMailboxImpl();
        List<String> log = new ArrayList<>();
        int[] runs = {0};
        MailboxProcessor[] processor = new MailboxProcessor[1];
        processor[0] = new MailboxProcessor(mailbox, controller -> {
            runs[0]++;
            log.add("action" + runs[0]);
            if (runs[0] == 1) {
                mailbox.put(new Mail(() -> log.add("mail"), "test mail"));
            }
            if (runs[0] == 3) {
                controller.allActionsCompleted();
            }
        });
        mailbox.setOwner(Thread.currentThread());
        processor[0].runMailboxLoop();
        assertEquals(List.of("action1", "mail", "action2", "action3"), log);
    }

    @Test
    void suspendedDefaultActionResumesWhenAnotherThreadCompletesTheFuture() throws Exception {
        TaskMailboxImpl mailbox = new TaskMailboxImpl();
        CompletableFuture<Void> input = new CompletableFuture<>();
        CountDownLatch suspended = new CountDownLatch(1);
        int[] runs = {0};
        MailboxProcessor processor = new MailboxProcessor(mailbox, controller -> {
            runs[0]++;
            if (runs[0] == 1) {
                MailboxDefaultAction.Suspension s = controller.suspendDefaultAction();
                input.thenRun(s::resume);
                suspended.countDown();
            } else {
                controller.allActionsCompleted();
            }
        });
        Thread other = new Thread(() -> {
            try {
                suspended.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            input.complete(null);
        });
        other.start();
        mailbox.setOwner(Thread.currentThread());
        processor.runMailboxLoop();
        other.join();
        assertEquals(2, runs[0]);
    }

    @Test
    void onlyTheOwnerMayTakeAndClosedMailboxRejectsPuts() throws Exception {
        TaskMailboxImpl mailbox = new TaskMailboxImpl();
        mailbox.setOwner(Thread.currentThread());
        Throwable[] seen = new Throwable[1];
        Thread intruder = new Thread(() -> {
            try {
                mailbox.tryTake();
            } catch (IllegalStateException e) {
                seen[0] = e;
            }
        });
        intruder.start();
        intruder.join();
        assertEquals(IllegalStateException.class, seen[0].getClass());
        mailbox.put(new Mail(() -> { }, "left over"));
        assertEquals(1, mailbox.close().size());
        assertThrows(TaskMailbox.MailboxClosedException.class, () -> mailbox.put(new Mail(() -> { }, "late")));
    }
}
